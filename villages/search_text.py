"""Filling the libraries' `search_text` in bulk (migrations, `rebuild_search_text`)."""

from __future__ import annotations

from perpus.textsearch import normalise

BATCH = 2000


def library_texts(library_model) -> dict[int, str]:
    """{library id: normalised search text} of every library (one query, streamed)."""
    rows = library_model.objects.values_list(
        "pk",
        "name",
        "npp",
        "address",
        "description",
        "village__name",
        "village__district__name",
        "regency__name",
        "province__name",
    )
    return {
        pk: normalise(name, npp, address, description) + normalise(*places)
        for pk, name, npp, address, description, *places in rows.iterator(chunk_size=BATCH)
    }


def fill_libraries(library_model) -> int:
    """Rewrite every library's `search_text` (works with migration models); returns the count."""
    texts = library_texts(library_model)
    items = list(texts.items())
    for start in range(0, len(items), BATCH):
        chunk = [library_model(pk=pk, search_text=text) for pk, text in items[start : start + BATCH]]
        library_model.objects.bulk_update(chunk, ["search_text"])
    return len(items)
