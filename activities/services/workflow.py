"""Moving reviewed records through draft → submitted → (checked) → verified, or returned.

Who may do each step is decided in `perpus.scopes` (`can_change`, `can_check`,
`can_verify`); an illegal step raises `TransitionError` and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from perpus.followups.services import batch, due
from perpus.notifications.services import notices_enabled
from perpus.scopes import can_change, can_check, can_return, can_submit, can_verify
from perpus.writes import service
from villages.models import LibraryLevel

from ..models import EventAction, ReviewedRecord, ReviewStatus

from .records import _log, follow_up


class TransitionError(ValidationError):
    """The record's status does not allow this step."""


def _move(record, user, status, action, *, reason="", **fields):
    record.status = status
    record.version += 1
    for name, value in fields.items():
        setattr(record, name, value)
    # Only the review fields: a step never writes over someone's content edits.
    record.save(update_fields=["status", "version", "updated_at", *fields])
    event = _log(record, user, action, reason=reason)
    follow_up([record])
    # Its notices, written from the history event (activities.services.notices.notify_steps);
    # none for demo data (`notices_off`), whenever the worker runs.
    if notices_enabled():
        due("record.step", event_ids=[event.pk])
    return record


def _require_alive(record):
    """Lock the record's row, reload it, and refuse a deleted record (one query)."""
    if record.pk is not None:
        # Two reviewers clicking at once: the second sees the first one's status.
        record.refresh_from_db(from_queryset=type(record)._default_manager.select_for_update())
    if record.deleted_at is not None:
        raise TransitionError(_("This record is deleted; restore it first."), code="deleted")


@service
def record_submit(*, record: ReviewedRecord, user) -> ReviewedRecord:
    """Send a draft or returned record for review and return it."""
    _require_alive(record)
    if not can_change(user, record):
        raise PermissionDenied
    if not can_submit(user, record):  # of the scope, so: not a draft or returned record
        raise TransitionError(
            _("Only a draft or a returned record can be submitted."), code="not_submittable"
        )
    _move(
        record,
        user,
        ReviewStatus.SUBMITTED,
        EventAction.SUBMITTED,
        submitted_at=timezone.now(),
        needs_check=record.library.level == LibraryLevel.VILLAGE,
        return_reason="",
    )
    return record


@service
def record_check(*, record: ReviewedRecord, user) -> ReviewedRecord:
    """Mark a village library's submitted record as checked by its regency and return it."""
    _require_alive(record)
    if not can_check(user, record):
        raise PermissionDenied
    if record.status != ReviewStatus.SUBMITTED or not record.needs_check:
        raise TransitionError(_("This record is not waiting for the regency's check."), code="not_checkable")
    _move(record, user, ReviewStatus.CHECKED, EventAction.CHECKED, checked_by=user)
    return record


@service
def record_verify(*, record: ReviewedRecord, user) -> ReviewedRecord:
    """Verify a record waiting for verification and return it; the stages, figures and
    pages of the libraries it counts for follow (`perpus/followup_plan.py`)."""
    _require_alive(record)
    if not can_verify(user, record):
        raise PermissionDenied
    if record.awaiting != "verification":
        raise TransitionError(_("This record is not waiting for verification."), code="not_verifiable")
    _move(
        record,
        user,
        ReviewStatus.VERIFIED,
        EventAction.VERIFIED,
        verified_by=user,
        verified_at=timezone.now(),
    )
    return record


@service
def record_return(*, record: ReviewedRecord, user, reason: str) -> ReviewedRecord:
    """Send a record under review back to its author with `reason` and return it."""
    _require_alive(record)
    if not record.awaiting:
        raise TransitionError(_("This record is not under review."), code="not_returnable")
    if not can_return(user, record):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError(_("Say why the record is returned, so the author can fix it."), code="reason_required")
    _move(record, user, ReviewStatus.RETURNED, EventAction.RETURNED, reason=reason, return_reason=reason)
    return record


@dataclass
class BulkResult:
    """What a bulk verification did: the records verified, and those someone else moved first."""

    verified: list = field(default_factory=list)
    already_done: list = field(default_factory=list)


@service
def record_bulk_verify(*, records, user) -> BulkResult:
    """Verify every record in `records` that `user` may verify now; return a `BulkResult`.

    Each record is locked and verified in its own savepoint: one that another reviewer
    verified, returned or deleted meanwhile is reported in `already_done` and the rest
    are still verified. Two queries per record, two to four for its notices (`notices`),
    plus one insert of its follow-ups; they run once for all.
    """
    result = BulkResult()
    # The libraries' stages, figures and pages follow once for all the records.
    with batch():
        for record in records:
            if record.awaiting != "verification" or not can_verify(user, record):
                continue
            try:
                with transaction.atomic():
                    record_verify(record=record, user=user)
            except TransitionError:
                result.already_done.append(record)
            else:
                result.verified.append(record)
    return result
