"""The unread count in the navigation: one cheap query, only on pages that show it."""

from functools import cache

from .models import Notification

#: The badge says "99+" beyond this: the count stops there (a LIMIT inside the COUNT).
BADGE_CAP = 99


def _unread_count(user) -> int:
    # The ids up to the cap, counted here: a plain indexed SELECT … LIMIT costs the ORM less
    # than a COUNT over a limited subquery, on every signed-in page.
    return len(Notification.objects.filter(recipient=user, read_at__isnull=True).order_by().values_list("pk", flat=True)[: BADGE_CAP + 1])


def unread_notifications(request) -> dict:
    """`notifications_unread`: the signed-in person's unread notices, counted up to 100 when a
    template first reads it (one query), never for anonymous visitors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"notifications_unread": 0}
    # A callable: templates call it when they read it, and `cache` keeps the one query.
    return {"notifications_unread": cache(lambda: _unread_count(user))}
