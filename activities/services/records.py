"""Creating, changing, deleting and restoring reviewed records, with their history.

Every function runs in a transaction and writes one `RecordEvent`.
"""

from __future__ import annotations

import datetime
import decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perpus.errors import ConcurrentEditError  # noqa: F401  (re-exported for the views)
from perpus.scopes import can_change, can_delete, can_edit_content, can_restore
from perpus.trash import SoftDeletable
from perpus.followups.services import due
from perpus.writes import service

from ..models import EventAction, RecordEvent, ReviewedRecord, ReviewStatus

#: Bookkeeping fields that are not part of what a person changed (`search_text` is derived
#: from the others on save).
_BOOKKEEPING = {"id", "search_text", *ReviewedRecord.REVIEW_FIELDS}


def _jsonable(value):
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "name") and hasattr(value, "storage"):  # a FieldFile
        return value.name or ""
    return value


def tracked_fields(record) -> list[models.Field]:
    """The concrete fields a person edits (no query)."""
    return [
        f
        for f in record._meta.concrete_fields
        if f.name not in _BOOKKEEPING and not f.auto_created
    ]


def snapshot(record) -> dict:
    """The record's tracked values as JSON-able data; reads M2M (one query per M2M field)."""
    data = {f.attname: _jsonable(f.value_from_object(record)) for f in tracked_fields(record)}
    if record.pk:
        for field in record._meta.many_to_many:
            data[field.name] = sorted(obj.pk for obj in getattr(record, field.name).all())
    return data


#: The change (`perpus/followup_plan.py`) a write of a record in each status is.
CHANGE_OF_STATUS = {
    ReviewStatus.DRAFT: "record.draft",
    ReviewStatus.SUBMITTED: "record.review",
    ReviewStatus.CHECKED: "record.review",
    ReviewStatus.RETURNED: "record.review",
    ReviewStatus.VERIFIED: "record.public",
}


def follow_up(records, *, earlier_library_ids=()) -> None:
    """Record what follows a write of `records` in their current status: nothing for drafts,
    the review figures for records under review, and for verified ones the stages, figures
    and pages of every library they count for, and of `earlier_library_ids` (those they
    counted for before an edit moved them). One query per model with involved libraries, one
    insert per change."""
    by_change: dict[str, list] = {}
    for record in records:
        by_change.setdefault(CHANGE_OF_STATUS[record.status], []).append(record)
    for change, group in sorted(by_change.items()):
        library_ids = _libraries_of(group) if change == "record.public" else {r.library_id for r in group}
        due(change, library_ids=set(library_ids) | set(earlier_library_ids))


def _libraries_of(records) -> set[int]:
    """The libraries `records` count for: their own and the libraries involved (one query
    per model that has them)."""
    library_ids = {record.library_id for record in records}
    by_model: dict[type, list[int]] = {}
    for record in records:
        by_model.setdefault(type(record), []).append(record.pk)
    for model, pks in by_model.items():
        # Libraries also involved (activities): one query per model, not per record.
        if any(f.name == "libraries" for f in model._meta.many_to_many):
            involved = model.objects.filter(pk__in=pks, libraries__isnull=False)
            library_ids.update(involved.values_list("libraries", flat=True))
    return library_ids


def _log(record, user, action, *, reason="", changes=None) -> RecordEvent:
    return RecordEvent.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        action=action,
        user=user,
        reason=reason,
        changes=changes or {},
        snapshot=snapshot(record),
    )


def _copy_scope(record: ReviewedRecord) -> None:
    library = record.library
    record.province_id = library.province_id
    record.regency_id = library.regency_id


def _save_m2m(record, m2m):
    for name, values in (m2m or {}).items():
        getattr(record, name).set(values)


@service
def record_create(*, record: ReviewedRecord, user, m2m: dict | None = None) -> ReviewedRecord:
    """Save a new record as a draft by `user`, log it and return it."""
    _copy_scope(record)
    if not can_change(user, record):
        raise PermissionDenied
    record.created_by = user
    record.status = ReviewStatus.DRAFT
    record.full_clean(exclude=["created_by"])
    record.save()
    _save_m2m(record, m2m)
    _log(record, user, EventAction.CREATED)
    follow_up([record])
    return record


@service
def record_save(
    *, record: ReviewedRecord, user, expected_version: int, m2m: dict | None = None, reason: str = ""
) -> ReviewedRecord:
    """Save `user`'s edits of `record` (already applied to the instance) and return it.

    Locks the row; raises `ConcurrentEditError` if it changed since `expected_version`
    was read, `ValidationError` if the record may no longer be edited.
    """
    model = type(record)
    current = model.objects.select_for_update().get(pk=record.pk)
    if current.version != expected_version:
        raise ConcurrentEditError(
            _(
                "Someone else saved this record while you were editing it. "
                "Your changes were not saved: open it again to see the new version."
            ),
            code="concurrent_edit",
        )
    if not can_change(user, current):
        raise PermissionDenied
    if not can_edit_content(user, current):
        raise ValidationError(
            _("A record that is %(status)s cannot be edited.")
            % {"status": current.get_status_display().lower()},
            code="not_editable",
        )
    _copy_scope(record)
    if not can_change(user, record):
        raise PermissionDenied
    before = snapshot(current)
    # An edit may move a verified record to another library: the one it left follows too.
    earlier = _libraries_of([current]) if current.status == ReviewStatus.VERIFIED else ()
    record.version = current.version + 1
    record.full_clean(exclude=["created_by"])
    record.save()
    _save_m2m(record, m2m)
    after = snapshot(record)
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    _release_files(record, {k: before.get(k) for k in changes})
    RecordEvent.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        action=EventAction.CHANGED,
        user=user,
        reason=reason,
        changes=changes,
        snapshot=after,
    )
    follow_up([record], earlier_library_ids=earlier)
    return record


def _file_attnames(record) -> list[str]:
    return [f.attname for f in tracked_fields(record) if isinstance(f, models.FileField)]


def _release_files(record, old_values: dict) -> None:
    """Delete, once the transaction commits, files `record` no longer uses and no history
    snapshot of it references (one query per replaced file).

    A file an earlier version still names is kept: reverting to that version brings it back.
    """
    content_type = ContentType.objects.get_for_model(record)
    for attname in _file_attnames(record):
        old = old_values.get(attname)
        if not old:
            continue
        referenced = RecordEvent.objects.filter(
            content_type=content_type, object_id=record.pk, **{f"snapshot__{attname}": old}
        ).exists()
        if not referenced:
            storage = record._meta.get_field(attname).storage
            transaction.on_commit(lambda name=old, storage=storage: storage.delete(name))


def _lock(record) -> None:
    """Reload `record` from its locked row (one query)."""
    record.refresh_from_db(from_queryset=type(record)._default_manager.select_for_update())


@service
def record_delete(*, record: ReviewedRecord, user, reason: str = "") -> ReviewedRecord:
    """Mark `record` deleted (it stays restorable) and return it.

    Follows `perpus.scopes.can_delete`: a verified record needs a verifier and a reason.
    """
    _lock(record)
    if record.deleted_at is not None:
        raise ValidationError(_("This record is already deleted."), code="already_deleted")
    if not can_delete(user, record):
        raise PermissionDenied
    reason = (reason or "").strip()
    if record.status == ReviewStatus.VERIFIED and not reason:
        raise ValidationError(_("Say why a verified record is deleted."), code="reason_required")
    record.deleted_at = timezone.now()
    record.version += 1
    record.save(update_fields=["deleted_at", "version", "updated_at"])
    _log(record, user, EventAction.DELETED, reason=reason)
    follow_up([record])
    return record


@service
def record_restore(*, record: ReviewedRecord, user) -> ReviewedRecord:
    """Bring a deleted `record` back as it was and return it (`perpus.scopes.can_restore`)."""
    _lock(record)
    if record.deleted_at is None:
        raise ValidationError(_("This record is not deleted."), code="not_deleted")
    if not can_restore(user, record):
        raise PermissionDenied
    record.deleted_at = None
    record.version += 1
    record.save(update_fields=["deleted_at", "version", "updated_at"])
    _log(record, user, EventAction.RESTORED)
    follow_up([record])
    return record


@service
def record_revert(*, record: ReviewedRecord, user, event: RecordEvent) -> ReviewedRecord:
    """Put `record`'s fields back as they were after `event` and return it.

    Saved like any edit (`record_save`: same rules, a new history entry), so a
    revert can itself be reverted. Attachments (photos, documents) deleted after
    `event` come back too; those added after it stay (nothing is lost by a revert).
    """
    if event.object_id != record.pk or event.content_type_id != ContentType.objects.get_for_model(
        record
    ).pk:
        raise ValidationError(_("This history entry belongs to another record."), code="wrong_event")
    if not event.snapshot:
        raise ValidationError(_("This history entry holds no copy to go back to."), code="no_snapshot")
    _lock(record)
    expected = record.version
    for field in tracked_fields(record):
        if field.attname in event.snapshot:
            setattr(record, field.attname, field.to_python(event.snapshot[field.attname]))
    m2m = {
        field.name: event.snapshot[field.name]
        for field in record._meta.many_to_many
        if field.name in event.snapshot
    }
    when = timezone.localtime(event.at).strftime("%Y-%m-%d %H:%M")
    record = record_save(
        record=record,
        user=user,
        expected_version=expected,
        m2m=m2m,
        reason=_("Back to the version of %(when)s.") % {"when": when},
    )
    _restore_attachments_deleted_after(record, event.at)
    return record


def _restore_attachments_deleted_after(record, moment) -> int:
    """Undelete the soft-deleted attachments of `record` deleted after `moment`; return how
    many (one update per attachment model)."""
    restored = 0
    for relation in record._meta.related_objects:
        model = relation.related_model
        if relation.one_to_many and issubclass(model, SoftDeletable):
            restored += model._default_manager.filter(
                **{relation.field.name: record, "deleted_at__gt": moment}
            ).update(deleted_at=None, deleted_by=None)
    return restored
