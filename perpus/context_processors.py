"""Template context shared by every page."""

from .scopes import abilities
from .social import share_preview as _empty_preview


def user_abilities(request) -> dict:
    """`can`: the named abilities of the request's user (`can.review`, `can.dashboard`…); no query
    except a consultant's provinces, read once per request."""
    user = getattr(request, "user", None)
    return {"can": abilities(user)}


def share_preview(request) -> dict:
    """`social`: the page's share preview (includes/social_meta.html); empty unless a view sets
    its own `social` in its context, which takes precedence. No query."""
    return {"social": _empty_preview()}
