"""Background tasks (django-tasks): the mails of notices. Arguments are ids and ISO dates only.

Each task is idempotent: it mails only notices still marked pending and clears the mark in
the same transaction, so a task run twice (a retry, a second `send_notices`) mails nothing twice.
"""

import datetime

from django_tasks import task

from . import mails


@task()
def send_notice_mails(notification_ids: list[int]) -> int:
    """Mail the given notices to those who want them immediately; return the mails sent."""
    return mails.send_immediate(notification_ids)


@task()
def send_digest(recipient_id: int, day: str) -> int:
    """Mail `recipient_id` their daily digest of `day` (ISO date); return the notices in it."""
    return mails.send_digest(recipient_id, datetime.date.fromisoformat(day))
