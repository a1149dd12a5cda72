"""Whole-page cache of the public pages, for anonymous visitors only.

`cache_public_page` stores an anonymous GET's response under its path, query string,
language and the *public data generation*: one number in the shared cache (Redis in
production, so every app server sees it) that `bump()` increments whenever a record a
public page shows is saved or deleted. A bump makes every cached page a miss at once;
the old entries expire by themselves. The apps connect their public models with
`invalidate_on_change(model)` in their `AppConfig.ready()`; this module imports no app.

Signed-in users always get a fresh page, marked private, and never write to the cache.
A page whose rendering used a CSRF token or showed a message is never stored, so no
visitor receives another's token or message.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.text import compress_string
from django.utils.translation import get_language

GENERATION_KEY = "perpus:public-generation"
#: Seconds a cached page lives at most (a bump ends it sooner).
PAGE_TIMEOUT = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)
#: Seconds browsers and proxies may keep an anonymous page (Vary: Cookie keeps signed-in
#: visitors and the other language apart).
BROWSER_MAX_AGE = 60
HEADER = "X-Page-Cache"
#: The query parameters the kept pages read (their page numbers; `p` is the sitemap's).
KEPT_PARAMETERS = frozenset({"page", "p"})
#: The layout of a kept entry, in its key: a new layout never reads entries of an older one
#: (2: the page kept gzipped).
FORMAT = 2


def generation() -> int:
    """The current public data generation (one cache read, no query)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        # A time stamp, not 1: a number evicted and made again never meets the old pages.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache.get(GENERATION_KEY, 0)
    return int(value)


def _increment() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # The key was evicted or never set: a new time stamp is a number no old page has.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def bump(**kwargs) -> None:
    """Invalidate every cached public page: now, and again after the surrounding commit, so a
    page rendered by another request between the two from not yet committed data is not kept
    (no query). Signal receivers may call it with any arguments."""
    _increment()
    transaction.on_commit(_increment)


def invalidate_on_change(model) -> None:
    """Bump the generation after every save or delete of `model` (no query)."""
    uid = f"perpus.pagecache.{model._meta.label_lower}"
    post_save.connect(bump, sender=model, dispatch_uid=uid + ".save", weak=False)
    post_delete.connect(bump, sender=model, dispatch_uid=uid + ".delete", weak=False)


def page_key(request) -> str:
    """The cache key of an anonymous request's page at the current generation (no query); a
    kept view must read no query parameter but those of `KEPT_PARAMETERS`.

    The host and scheme are part of it: pages carry absolute URLs (share previews, sitemap)."""
    # Only the parameters kept pages read: `?fbclid=…` or `?x=<random>` share the page's entry
    # (and cannot fill the cache with copies of it).
    kept = sorted((name, value) for name, value in request.GET.items() if name in KEPT_PARAMETERS)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(kept)}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"perpus:page:{FORMAT}:{generation()}:{get_language()}:{digest}"


def _cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.user.is_authenticated:
        return False
    # A message waiting for this visitor would be shown on (and stored with) the page.
    return not len(get_messages(request))


def _from_store(request, compressed: bytes, content_type: str) -> HttpResponse:
    """The kept page: gzipped as kept for browsers that accept it (GZipMiddleware then leaves
    it alone), unpacked for the others (no query)."""
    if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""):
        response = HttpResponse(compressed, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(compressed), content_type=content_type)
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def _mark_anonymous(response, state: str):
    patch_vary_headers(response, ("Cookie",))
    patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
    response[HEADER] = state
    return response


def cache_public_page(view):
    """Decorate a public view: anonymous GETs are served from, and stored in, the page cache.

    A hit runs no query. Only complete 200 answers without cookies are stored.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            response = view(request, *args, **kwargs)
            if request.user.is_authenticated:
                patch_vary_headers(response, ("Cookie",))
                patch_cache_control(response, private=True, no_cache=True)
            return response
        key = page_key(request)
        stored = cache.get(key)
        if stored is not None:
            return _mark_anonymous(_from_store(request, *stored), "hit")
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        storable = (
            response.status_code == 200
            and not getattr(response, "streaming", False)
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        )
        if storable:
            # Kept compressed: a hit is sent as it is, without compressing the page again.
            cache.set(key, (compress_string(response.content), response["Content-Type"]), PAGE_TIMEOUT)
            return _mark_anonymous(response, "miss")
        return response

    return wrapper
