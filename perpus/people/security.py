"""Sign-in protection with django-axes: the client's address and the lockout page."""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone


def client_ip(request) -> str:
    """Return the address sign-in attempts are counted for (no query).

    Behind the portal's proxy (`BEHIND_PROXY`) it is the last address in X-Forwarded-For,
    the one the proxy itself appended; earlier entries are whatever the client sent and
    could be forged to dodge the per-address limit.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """The page shown to a locked-out person (status 429), in their language, saying when
    to try again. Each refused attempt restarts the cool-off, so it ends `AXES_COOLOFF_TIME`
    from now."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    context = {
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        "retry_at": timezone.localtime(timezone.now() + cool_off) if cool_off else None,
    }
    return render(request, "people/lockout.html", context, status=429)
