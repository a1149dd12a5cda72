"""Filling the activities' `search_text` in bulk (migrations, `rebuild_search_text`, seeders)."""

from __future__ import annotations

from perpus.textsearch import normalise
from villages.search_text import BATCH, library_texts

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


def refresh_for_library(sender, instance, **kwargs) -> None:
    """post_save of a library: when its search text changed (renamed, moved, new
    description), rewrite its activities' texts, which end with it (one read, batched
    updates; nothing when it did not change)."""
    if not getattr(instance, "search_text_changed", False):
        return
    from .models import Activity

    kinds: dict[str, str] = {}
    batch = []
    rows = Activity.objects.filter(library_id=instance.pk).values_list(
        "pk", "title", "venue", "summary", "outputs", "kind"
    )
    for pk, title, venue, summary, outputs, kind in rows.iterator(chunk_size=BATCH):
        if kind not in kinds:
            kinds[kind] = kind_search_text(kind)
        text = normalise(title, venue, summary, outputs) + kinds[kind] + instance.search_text
        batch.append(Activity(pk=pk, search_text=text))
    Activity.objects.bulk_update(batch, ["search_text"], batch_size=BATCH)
    instance.search_text_changed = False
