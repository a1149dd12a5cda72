"""Filling the activities' `search_text` in bulk (migrations, `rebuild_search_text`, seeders)."""

from __future__ import annotations

from perpus.textsearch import normalise
from villages.models import Library
from villages.search_text import BATCH, library_texts

from .models import Activity
from .models.activities import kind_search_text


def fill_activities(activity_model, library_model) -> int:
    """Rewrite every activity's `search_text` from its fields and its organiser's text
    (works with migration models; batches of `BATCH`); returns the count."""
    libraries = library_texts(library_model)
    kinds: dict[str, str] = {}
    rows = activity_model.objects.order_by("pk").values_list(
        "pk", "title", "venue", "summary", "outputs", "kind", "library_id"
    )
    done, batch = 0, []
    for pk, title, venue, summary, outputs, kind, library_id in rows.iterator(chunk_size=BATCH):
        if kind not in kinds:
            kinds[kind] = kind_search_text(kind)
        text = normalise(title, venue, summary, outputs) + kinds[kind] + libraries.get(library_id, "")
        batch.append(activity_model(pk=pk, search_text=text))
        if len(batch) == BATCH:
            activity_model.objects.bulk_update(batch, ["search_text"])
            done += len(batch)
            batch = []
    if batch:
        activity_model.objects.bulk_update(batch, ["search_text"])
        done += len(batch)
    return done


def refresh_for_libraries(library_ids) -> int:
    """Rewrite the `search_text` of the activities of `library_ids` (all when None), which
    ends with their organiser's text; returns the count (one read per library batch,
    batched updates)."""
    if library_ids is None:
        return fill_activities(Activity, Library)
    texts = dict(Library.objects.filter(pk__in=list(library_ids)).values_list("pk", "search_text"))
    kinds: dict[str, str] = {}
    batch = []
    rows = Activity.objects.filter(library_id__in=list(texts)).values_list(
        "pk", "title", "venue", "summary", "outputs", "kind", "library_id"
    )
    for pk, title, venue, summary, outputs, kind, library_id in rows.iterator(chunk_size=BATCH):
        if kind not in kinds:
            kinds[kind] = kind_search_text(kind)
        text = normalise(title, venue, summary, outputs) + kinds[kind] + texts[library_id]
        batch.append(Activity(pk=pk, search_text=text))
    Activity.objects.bulk_update(batch, ["search_text"], batch_size=BATCH)
    return len(batch)
