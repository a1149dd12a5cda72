"""The mails of notices: one per person and batch (immediate) or one a day (digest).

Every mail is rendered in its recipient's language (`translation.override(user.language)`).
"""

from __future__ import annotations

import datetime
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from .kinds import Kind
from .models import Digest, Notification

#: Notices of one kind listed in a digest; the rest are counted ("and 12 more").
DIGEST_PER_KIND = 20


def _absolute(url: str) -> str:
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def _items(notices) -> list[dict]:
    return [
        {"title": n.title, "body": n.body, "url": _absolute(n.url) if n.url else ""} for n in notices
    ]


def _message(user, subject: str, template: str, context: dict) -> EmailMessage:
    context = {
        **context,
        "user": user,
        "list_url": _absolute(reverse("notifications:list")),
        "settings_url": _absolute(reverse("notifications:settings")),
    }
    return EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


def _pending(choice: str, order: tuple[str, ...], **filters) -> list[Notification]:
    """Return the notices still to be mailed to active people with an address who chose
    `choice`, with their recipients, in `order` (one query, which locks their rows)."""
    # Locks the rows (PostgreSQL) so that two workers never mail the same notice.
    return list(
        Notification.objects.select_for_update(of=("self",))
        .filter(
            mail_pending=True,
            recipient__is_active=True,
            recipient__email_notifications=choice,
            **filters,
        )
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by(*order)
    )


def _mark_mailed(notices) -> None:
    """Mark `notices` mailed now (one query)."""
    Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
        mail_pending=False, mailed_at=timezone.now()
    )


def send_immediate(notification_ids: list[int]) -> int:
    """Mail the pending notices among `notification_ids` whose recipients want immediate mails,
    one mail per recipient; return the mails sent. Three queries and one SMTP connection."""
    User = get_user_model()
    with transaction.atomic():
        notices = _pending(
            User.EmailNotifications.IMMEDIATE,
            ("recipient_id", "created_at", "pk"),
            pk__in=notification_ids,
        )
        if not notices:
            return 0
        _mark_mailed(notices)
        messages = []
        for _, group in groupby(notices, key=lambda n: n.recipient_id):
            group = list(group)
            user = group[0].recipient
            with translation.override(user.language):
                items = _items(group)
                subject = items[0]["title"] if len(items) == 1 else ngettext(
                    "%(count)s new notification", "%(count)s new notifications", len(items)
                ) % {"count": len(items)}
                messages.append(
                    _message(user, f"[Perpus] {subject}", "notifications/email/notices.txt", {"items": items})
                )
        # Inside the transaction: if the mail server fails, the notices stay pending.
        get_connection().send_messages(messages)
    return len(messages)


def send_digest(recipient_id: int, day: datetime.date) -> int:
    """Mail one person's daily digest of `day` (their pending notices grouped by kind), once
    a day; return the notices in it (0 when nothing was sent). At most five queries."""
    User = get_user_model()
    with transaction.atomic():
        notices = _pending(
            User.EmailNotifications.DAILY, ("kind", "-created_at", "-pk"), recipient_id=recipient_id
        )
        if not notices:
            return 0
        user = notices[0].recipient
        _digest, created = Digest.objects.get_or_create(
            recipient=user, day=day, defaults={"notices": len(notices)}
        )
        if not created:
            return 0
        _mark_mailed(notices)
        labels = dict(Kind.choices)
        with translation.override(user.language):
            groups = []
            for kind, group in groupby(notices, key=lambda n: n.kind):
                group = list(group)
                groups.append(
                    {
                        "label": str(labels.get(kind, kind)),
                        "items": _items(group[:DIGEST_PER_KIND]),
                        "more": max(len(group) - DIGEST_PER_KIND, 0),
                    }
                )
            subject = ngettext(
                "Your daily digest: %(count)s notification",
                "Your daily digest: %(count)s notifications",
                len(notices),
            ) % {"count": len(notices)}
            message = _message(
                user,
                f"[Perpus] {subject}",
                "notifications/email/digest.txt",
                {"groups": groups, "day": day},
            )
        message.send()
    return len(notices)
