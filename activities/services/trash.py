"""The trash: deleted records and attachments of every app, one list, restorable.

The kinds come from `perpus.trash`'s registry; this app registers its record types
and activity attachments in `AppConfig.ready()` (`register_trash_kinds`), other apps
theirs (library photos, assessment evidence).
"""

from __future__ import annotations

from perpus import trash

from ..models import Activity, ActivityDocument, ActivityPhoto
from ..registry import record_types, record_url
from .activities import attachment_restore
from .pages import Source, union_page
from .records import record_restore


def _record_kind(record_type) -> trash.TrashKind:
    model = record_type.model
    return trash.TrashKind(
        key=record_type.key,
        model=model,
        deleted_for=lambda user: model.objects.restorable_by(user).select_related("library"),
        restore=lambda obj, user: record_restore(record=obj, user=user),
        title=str,
        parent_url=lambda obj: record_url(obj, "history"),
    )


def _attachment_kind(key: str, model, title) -> trash.TrashKind:
    def deleted_for(user):
        return model.objects.deleted().of(Activity.objects.content_editable_by(user)).select_related("activity")

    return trash.TrashKind(
        key=key,
        model=model,
        deleted_for=deleted_for,
        restore=attachment_restore,
        title=title,
        parent_url=lambda obj: obj.activity.get_absolute_url(),
    )


def register_trash_kinds() -> None:
    """Register the record types and the activity attachments in the trash (no query)."""
    for record_type in record_types():
        trash.register(_record_kind(record_type))
    trash.register(_attachment_kind("activity_photo", ActivityPhoto, lambda photo: photo.alt_text))
    trash.register(_attachment_kind("activity_document", ActivityDocument, lambda doc: doc.title))


def trash_page(user, *, number, per_page: int):
    """One page of what `user` may restore, newest deletion first, as dicts for the template.

    Paged in SQL across every registered kind: two queries for the order, one per kind
    on the page.
    """
    kinds = trash.kinds()
    sources = [
        Source(
            key=kind.key,
            queryset=kind.deleted_for(user),
            moment="deleted_at",
            fetch=lambda pks, kind=kind: kind.deleted_for(user).filter(pk__in=pks),
        )
        for kind in kinds
    ]
    page = union_page(sources, number=number, per_page=per_page, newest_first=True)
    page.object_list = [
        {
            "kind": kind,
            "obj": obj,
            "title": trash.kind(kind).title(obj),
            "label": trash.kind(kind).model._meta.verbose_name,
            "url": trash.kind(kind).parent_url(obj),
        }
        for kind, obj in page.object_list
    ]
    return page
