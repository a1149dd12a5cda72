"""Whole-page cache of the public pages, for anonymous visitors only.

`cache_public_page` stores an anonymous GET's response under its path, kept query
parameters, language and two *generation* numbers in the shared cache (Redis in
production, so every app server sees them): the generation of every public page, and
that of the page's *place*, read from the view's URL arguments: the nation (home page,
sitemap), a province, a regency or a library. A follow-up of a change renews the places
that show it (`renew_places`: a library, its regency, its province and the nation, so a
library page far away stays kept); region imports and ladder changes renew all
(`renew_all`). Old entries expire by themselves. This module imports no app.

Signed-in users always get a fresh page, marked private, and never write to the cache.
A page whose rendering used a CSRF token or showed a message is never stored, so no
visitor receives another's token or message. A kept page is built from what its key holds:
one rendered for a request with other query parameters is never kept.
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
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.text import compress_string
from django.utils.translation import get_language

GENERATION_KEY = "perpus:public-generation"
#: The place tag of the pages every public page depends on (`renew_all`).
ALL = "*"
#: The URL arguments that name a page's place, from the widest.
PLACE_ARGUMENTS = ("province", "regency", "library")
#: Seconds a cached page lives at most (a renewal ends it sooner).
PAGE_TIMEOUT = getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", 600)
#: Seconds browsers and proxies may keep an anonymous page (Vary: Cookie keeps signed-in
#: visitors and the other language apart).
BROWSER_MAX_AGE = 60
HEADER = "X-Page-Cache"
#: The query parameters the kept pages read (their page numbers; `p` is the sitemap's).
KEPT_PARAMETERS = frozenset({"page", "p"})
#: The layout of a kept entry, in its key: a new layout never reads entries of an older one
#: (2: the page kept gzipped; 3: a generation per place).
FORMAT = 3


def place_tag(*slugs: str) -> str:
    """The tag of a place's pages: () the nation, (province,), (province, regency) or
    (province, regency or "provinsi", library): the URL parts of its page (no query)."""
    return "place:" + "/".join(slugs)


def _generation_key(tag: str) -> str:
    return f"{GENERATION_KEY}:{tag}"


def generations(*tags: str) -> str:
    """The current generations of `tags`, joined (one cache read, no query)."""
    keys = [_generation_key(tag) for tag in tags]
    values = cache.get_many(keys)
    for key in keys:
        if values.get(key) is None:
            # A time stamp, not 1: a number evicted and made again never meets the old pages.
            cache.add(key, time.time_ns(), timeout=None)
            values[key] = cache.get(key, 0)
    return ".".join(str(values[key]) for key in keys)


def _renew(tags: list[str]) -> None:
    cache.set_many({_generation_key(tag): time.time_ns() for tag in tags}, timeout=None)


def renew(tags) -> None:
    """Make the kept pages of `tags` stale: now, and again after the surrounding commit, so a
    page rendered by another request between the two from not yet committed data is not kept
    (no query)."""
    tags = sorted(set(tags))
    if tags:
        _renew(tags)
        transaction.on_commit(lambda: _renew(tags))


def renew_places(places) -> None:
    """Renew the pages of each place (its URL parts, see `place_tag`) and of the places above
    it, up to the nation (no query)."""
    tags = {place_tag()}
    for parts in places:
        tags.update(place_tag(*parts[:depth]) for depth in range(1, len(parts) + 1))
    renew(tags)


def renew_all() -> None:
    """Make every kept public page stale (no query)."""
    renew([ALL])


def page_tag(view_kwargs) -> str:
    """The place tag of a kept view from its URL arguments (no query)."""
    return place_tag(*(view_kwargs[name] for name in PLACE_ARGUMENTS if name in view_kwargs))


def page_key(request, tag: str) -> str:
    """The cache key of an anonymous request's page of place `tag` at the current generations
    (no query); a kept view must read no query parameter but those of `KEPT_PARAMETERS`.

    The host and scheme are part of it: pages carry absolute URLs (share previews, sitemap)."""
    # Only the parameters kept pages read: `?fbclid=…` or `?x=<random>` are served the page's
    # entry (and cannot fill the cache with copies of it).
    kept = sorted((name, value) for name, value in request.GET.items() if name in KEPT_PARAMETERS)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(kept)}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"perpus:page:{FORMAT}:{generations(ALL, tag)}:{get_language()}:{digest}"


def _reads_only_kept_parameters(request) -> bool:
    """Whether the request's query holds only parameters kept pages read (no query): a page
    rendered for `?q="x` or `?utm_source=…` may carry them (its share link, the language
    switch's return address), so it is sent to that visitor and never kept for others."""
    return all(name in KEPT_PARAMETERS for name in request.GET)


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
        key = page_key(request, page_tag(kwargs))
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
            and _reads_only_kept_parameters(request)
        )
        if storable:
            # Kept compressed: a hit is sent as it is, without compressing the page again.
            cache.set(key, (compress_string(response.content), response["Content-Type"]), PAGE_TIMEOUT)
            return _mark_anonymous(response, "miss")
        return response

    return wrapper
