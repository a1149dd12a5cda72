"""The dashboards' rendered figures, kept in the cache for a few minutes.

A national dashboard aggregates thousands of summary rows and formats a few thousand
cells; many people open the same level with the same filters. The rendered body of a
level (everything below the breadcrumb) is kept under a key made of the level, the
filters, the language and a *generation*: every rebuild of the summaries (after any
change to a library's data or records) and every visit saved starts a new generation,
so a changed figure shows at once. What the summaries do not follow (staff's last
login, a library's last visit) is at most `TTL` seconds old, which the page says.

The generation is one cache key holding a time stamp; a new stamp (not an increment)
so that an evicted key never brings back an older generation's pages.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .dashboard_levels import Level

GENERATION_KEY = "dashboard:generation"
#: Seconds a rendered dashboard is kept (figures not in the summaries can be this old).
TTL = 300
#: The filter parameters a dashboard reads; anything else in the URL is not part of its key.
FILTER_KEYS = ("program", "year", "start", "end")


def generation() -> str:
    """The current generation stamp (one cache read; made on first use)."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, str(time.time_ns()), None)
        value = cache.get(GENERATION_KEY)
    return str(value)


def start_new_generation() -> None:
    """Make every kept dashboard stale once the current transaction commits (no query)."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, str(time.time_ns()), None))


def filter_query(params) -> list[tuple[str, str]]:
    """The non-empty filter parameters of a request's GET, in the URL's order (no query)."""
    return [(key, value.strip()) for key, value in params.items() if key in FILTER_KEYS and value.strip()]


def body_key(level: Level, params, language: str) -> str:
    """The cache key of `level`'s body for these GET `params` and language (one cache read)."""
    provinces = "*" if level.province_ids is None else ",".join(sorted(level.province_ids))
    crumbs = ",".join(crumb.url for crumb in level.crumbs)
    parts = [generation(), language, level.kind, level.code, provinces, crumbs, repr(sorted(filter_query(params)))]
    return "dashboard:body:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def cached_body(key: str, build) -> tuple[str, object]:
    """Return (html, computed_at) for `key`: from the cache, or from `build()` (which renders
    the body and runs the dashboard's queries), kept for `TTL` seconds."""
    kept = cache.get(key)
    if kept is not None:
        return kept
    kept = (build(), timezone.now())
    cache.set(key, kept, TTL)
    return kept
