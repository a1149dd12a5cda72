"""Template context shared by every page."""

from .scopes import abilities


def user_abilities(request) -> dict:
    """`can`: the named abilities of the request's user (`can.review`, `can.dashboard`…); no query
    except a consultant's provinces, read once per request."""
    user = getattr(request, "user", None)
    return {"can": abilities(user)}
