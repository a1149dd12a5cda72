"""Notices the review workflow gives: returned, verified, waiting for review.

A follow-up of each workflow step (`notify_steps`, listed in `perpus/followup_plan.py`),
run by the task worker from the step's history event; the mails are queued after commit by
`perpus.notifications.services`. Who is told follows `perpus.scopes`: a returned record
goes to those who may now fix it (`can_edit_content`), a verified one to those of its
people who may see it, a record waiting for a step to those who may do that step
(`checker`/`verifier`: the regency's staff, the province's consultants).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from perpus.notifications.kinds import Kind
from perpus.notifications.services import notify
from perpus.scopes import Role, can_edit_content, can_view, reviewers_q
from villages.models import LibraryLevel

from ..models import EventAction, RecordEvent
from ..registry import record_url


def review_key(day) -> str:
    """The key of a person's one "records wait for your review" notice of `day`."""
    return f"review:{day:%Y-%m-%d}"


def _people_q(record) -> Q:
    """The record's author and the people of its library: the managers of a village
    library, the agency staff of a regency or province library (no query once
    `record.library` is loaded)."""
    level = record.library.level
    if level == LibraryLevel.VILLAGE:
        people = Q(role=Role.LIBRARY_MANAGER, library_id=record.library_id)
    elif level == LibraryLevel.REGENCY:
        people = Q(role=Role.REGENCY_STAFF, regency_id=record.regency_id)
    else:
        people = Q(role=Role.PROVINCE_STAFF, province_id=record.province_id)
    return Q(pk=record.created_by_id) | people


def _people(record, actor, allowed) -> list:
    users = get_user_model().objects.filter(_people_q(record), is_active=True).exclude(pk=getattr(actor, "pk", None))
    return [u for u in users if allowed(u, record)]


def _record_params(record) -> dict:
    return {"model": record._meta.label_lower, "title": str(record)}


def notify_returned(*, record, user) -> int:
    """Tell those who may now fix `record` (returned by `user`) why; return how many (two to
    four queries)."""
    recipients = _people(record, user, can_edit_content)
    return notify(
        recipients,
        Kind.RECORD_RETURNED,
        url=record_url(record),
        reason=record.return_reason,
        **_record_params(record),
    )


def notify_verified(*, record, user) -> int:
    """Tell the author and the people of `record`'s library that `user` verified it; return
    how many (two to four queries)."""
    recipients = _people(record, user, can_view)
    return notify(recipients, Kind.RECORD_VERIFIED, url=record_url(record), **_record_params(record))


def notify_waiting(*, record, user) -> int:
    """Give the people who may do `record`'s next step (its regency's staff for the check,
    its province's consultants for the verification) today's "records wait for your
    review" notice, at most one a day each (reopened if read); return how many were new.

    Program admins review everything: they get the daily summary of `send_notices` only.
    """
    step = record.awaiting
    if step not in ("check", "verification"):
        return 0
    who = reviewers_q(step, record.province_id, record.regency_id)
    recipients = get_user_model().objects.filter(who, is_active=True).exclude(pk=getattr(user, "pk", None))
    return notify(
        recipients.values_list("pk", flat=True),
        Kind.REVIEW_WAITING,
        url=reverse("activities:queue"),
        key=review_key(timezone.localdate()),
        reopen=True,
    )


def notify_steps(event_ids) -> int:
    """Give the notices of the workflow steps that wrote the history events `event_ids`:
    each to the people of the record as it is now; returns how many notices were new. Two
    queries, one per record type, then those of each notice."""
    events = list(RecordEvent.objects.filter(pk__in=list(event_ids)).select_related("content_type", "user"))
    records = {}
    for content_type in {event.content_type for event in events}:
        model = content_type.model_class()
        ids = [event.object_id for event in events if event.content_type_id == content_type.pk]
        records.update(
            ((content_type.pk, record.pk), record)
            for record in model._default_manager.filter(pk__in=ids).select_related("library")
        )
    given = 0
    for event in sorted(events, key=lambda event: event.pk):
        record = records.get((event.content_type_id, event.object_id))
        notify_step = STEP_NOTICES.get(event.action)
        if record is not None and notify_step is not None:
            if event.action == EventAction.RETURNED:
                # The reason given then, even if the author has already resubmitted.
                record.return_reason = event.reason
            # The actor's account may be gone since (SET_NULL): then nobody is left out.
            given += notify_step(record=record, user=event.user)
    return given


#: The notice each workflow step gives.
STEP_NOTICES = {
    EventAction.SUBMITTED: notify_waiting,
    EventAction.CHECKED: notify_waiting,
    EventAction.VERIFIED: notify_verified,
    EventAction.RETURNED: notify_returned,
}
