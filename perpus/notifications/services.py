"""Writing notices: create them in bulk, mark them read, and queue their immediate mails.

Mails never go out in the request: `create_notices` enqueues a background task
after the surrounding transaction commits (`transaction.on_commit`), with ids only.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from perpus.people.services import update_own_account
from perpus.writes import service

from .models import Notification

#: Notices mailed by one task at most; larger batches are split.
MAIL_BATCH = 500


@dataclass(frozen=True)
class Notice:
    """One notice to create: to whom, what (kind and JSON parameters), where it links."""

    recipient_id: int
    kind: str
    params: dict = field(default_factory=dict)
    url: str = ""
    #: Non-empty for a notice to send once per recipient (the key is unique per recipient).
    key: str = ""


def notify(recipients: Iterable, kind: str, *, url: str = "", key: str = "", reopen: bool = False, **params) -> int:
    """Give each of `recipients` (users or ids) a notice of `kind` with `params`; return how
    many were created. Two to four queries (see `create_notices`).

    With `key`, a person who already has that notice gets no second one; with `reopen`,
    theirs is marked unread again (one more query).
    """
    ids = sorted({getattr(r, "pk", r) for r in recipients} - {None})
    if key and reopen and ids:
        Notification.objects.filter(key=key, recipient_id__in=ids, read_at__isnull=False).update(
            read_at=None
        )
    return create_notices([Notice(i, kind, params, url, key) for i in ids])


#: Set by `notices_off()`: a block (demo data) whose changes are nobody's news.
_off = contextvars.ContextVar("perpus_notices_off", default=False)


@contextmanager
def notices_off():
    """Within the block no notice is given and no mail queued (no query)."""
    token = _off.set(True)
    try:
        yield
    finally:
        _off.reset(token)


def notices_enabled() -> bool:
    """False inside `notices_off()`: a change there records no notice for the worker either
    (it runs outside this block). No query."""
    return not _off.get()


def create_notices(notices: list[Notice]) -> int:
    """Create `notices` in bulk (inactive recipients skipped, keyed notices at most once
    each) and queue the mails of those who want them immediately, after commit.

    Returns the number of notices given; two queries, three with keys, one more with
    immediate mails.
    """
    if not notices or _off.get():
        return 0
    User = get_user_model()
    prefs = {
        pk: (choice, bool(email))
        for pk, choice, email in User.objects.filter(
            pk__in={n.recipient_id for n in notices}, is_active=True
        ).values_list("pk", "email_notifications", "email")
    }
    keys = {n.key for n in notices if n.key}
    given = (
        set(
            Notification.objects.filter(key__in=keys, recipient_id__in=prefs.keys()).values_list(
                "recipient_id", "key"
            )
        )
        if keys
        else set()
    )
    stamp = timezone.now()
    rows = [
        Notification(
            recipient_id=n.recipient_id,
            kind=n.kind,
            params=n.params,
            url=n.url,
            key=n.key,
            created_at=stamp,
            mail_pending=prefs[n.recipient_id][1]
            and prefs[n.recipient_id][0] != User.EmailNotifications.OFF,
        )
        for n in notices
        if n.recipient_id in prefs and (n.recipient_id, n.key) not in given
    ]
    if not rows:
        return 0
    # A keyed notice given meanwhile (a concurrent run) is skipped by the unique constraint.
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    if any(c == User.EmailNotifications.IMMEDIATE and e for c, e in prefs.values()):
        # The rows just written carry this call's timestamp; rows skipped as conflicts
        # keep their own, so they are not mailed again.
        ids = list(
            Notification.objects.filter(
                created_at=stamp,
                mail_pending=True,
                recipient__email_notifications=User.EmailNotifications.IMMEDIATE,
                recipient_id__in=prefs.keys(),
            ).values_list("pk", flat=True)
        )
        for start in range(0, len(ids), MAIL_BATCH):
            transaction.on_commit(partial(_enqueue_mails, ids[start : start + MAIL_BATCH]))
    return len(rows)


def _enqueue_mails(ids: list[int]) -> None:
    from .tasks import send_notice_mails

    send_notice_mails.enqueue(ids)


@service
def notification_mark_read(*, user, notification: Notification, read: bool = True) -> Notification:
    """Mark one of `user`'s notices read (or unread again) and return it (one query)."""
    if notification.recipient_id != user.pk:
        raise PermissionDenied
    notification.read_at = timezone.now() if read else None
    Notification.objects.filter(pk=notification.pk, recipient=user).update(read_at=notification.read_at)
    return notification


@service
def notification_mark_all_read(*, user) -> int:
    """Mark every unread notice of `user` read; return how many (one query)."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@service
def email_preference_set(*, user, choice: str) -> None:
    """Store how `user` wants notices by e-mail, as My account does (logged in the account's
    history; turning mails off drops those still pending, see `drop_mails_turned_off`)."""
    update_own_account(user=user, email_notifications=choice)


def drop_mails_turned_off(sender, *, user, changes, **kwargs) -> None:
    """Receiver of `perpus.people.signals.own_account_changed` (connected in `apps`): when the
    person has just turned mails off, drop those still pending (one query then, none otherwise)."""
    if "email_notifications" in changes and user.email_notifications == user.EmailNotifications.OFF:
        drop_pending_mails(user)


def drop_pending_mails(user) -> int:
    """Mail none of `user`'s notices still waiting for a mail; return how many (one query)."""
    return Notification.objects.filter(recipient=user, mail_pending=True).update(mail_pending=False)


def digests_enqueue(*, day) -> int:
    """Queue the daily digest of `day` for everyone who chose it and has notices to be
    mailed; return how many were queued (two queries). Each digest task sends at most
    one mail per person and day (`Digest`), so queuing twice sends nothing twice.

    Notices still pending for people who have since turned mails off are dropped.
    """
    User = get_user_model()
    Notification.objects.filter(
        mail_pending=True, recipient__email_notifications=User.EmailNotifications.OFF
    ).update(mail_pending=False)
    recipients = list(
        Notification.objects.filter(
            mail_pending=True, recipient__email_notifications=User.EmailNotifications.DAILY
        )
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for recipient_id in recipients:
        transaction.on_commit(partial(_enqueue_digest, recipient_id, day.isoformat()))
    return len(recipients)


def _enqueue_digest(recipient_id: int, day: str) -> None:
    from .tasks import send_digest

    send_digest.enqueue(recipient_id, day)
