"""What the program admin is shown of follow-ups that keep failing."""

from perpus.scopes import Role

from .models import DueFollowUp


def failed_panel(user) -> dict | None:
    """The start-page panel of a program admin when follow-ups failed (one query), else None."""
    if not (user.is_superuser or getattr(user, "role", None) == Role.ADMIN):
        return None
    failed = DueFollowUp.objects.failed().count()
    return {"failed": failed} if failed else None
