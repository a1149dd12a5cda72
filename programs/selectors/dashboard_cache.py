"""The dashboards' rendered figures, kept in the cache for a few minutes.

A national dashboard aggregates thousands of summary rows and formats a few thousand
cells; many people open the same level with the same filters. The rendered body of a
level (everything below the breadcrumb) is kept under a key made of the level, the
filters, the language and its *generation*: every rebuild of the summaries (after any
change to a library's data or records) and every visit saved starts a new generation
of the nation and of the provinces it touched, so a changed figure shows at once while
the pages of the other provinces and their regencies stay kept. A full rebuild starts
a new *epoch*, which every key holds. What the summaries do not follow (staff's last
login, a library's last visit) is at most `TTL` seconds old, which the page says.

A generation is one cache key holding a time stamp; a new stamp (not an increment)
so that an evicted key never brings back an older generation's pages. The key also
holds the layout of what is kept and the static files' manifest, so a new release never
serves a body kept by the previous one (with its scripts' old addresses).
"""

from __future__ import annotations

import hashlib
import time

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .dashboard_levels import Level

EPOCH_KEY = "dashboard:generation"
#: The generation of the nation level, or of one province and its regencies.
NATION = "nation"
#: Seconds a rendered dashboard is kept (figures not in the summaries can be this old).
TTL = 300
#: The filter parameters a dashboard reads; anything else in the URL is not part of its key.
FILTER_KEYS = ("program", "year", "start", "end")
#: What is kept: raise it when that changes (2: a `perpus.compressed.CompressedPart`).
LAYOUT = "2"


def _key(area: str) -> str:
    return f"{EPOCH_KEY}:{area}"


def generation(area: str = NATION) -> str:
    """The epoch and the generation of `area` (`NATION` or a province code), as one stamp
    (one cache read; each made on first use)."""
    keys = [EPOCH_KEY, _key(area)]
    values = cache.get_many(keys)
    for key in keys:
        if values.get(key) is None:
            cache.add(key, str(time.time_ns()), None)
            values[key] = cache.get(key)
    return f"{values[EPOCH_KEY]}.{values[keys[1]]}"


def start_new_generation(province_ids=None) -> None:
    """Make the kept dashboards of the nation and of `province_ids` stale once the current
    transaction commits; of every level when `province_ids` is None (no query)."""
    if province_ids is None:
        keys = [EPOCH_KEY]
    else:
        keys = [_key(NATION), *(_key(code) for code in sorted(set(province_ids)) if code)]
    transaction.on_commit(lambda: cache.set_many(dict.fromkeys(keys, str(time.time_ns())), None))


def filter_query(params) -> list[tuple[str, str]]:
    """The non-empty filter parameters of a request's GET, in the URL's order (no query)."""
    return [(key, value.strip()) for key, value in params.items() if key in FILTER_KEYS and value.strip()]


def body_key(level: Level, params, language: str) -> str:
    """The cache key of `level`'s body for these GET `params` and language (one cache read)."""
    provinces = "*" if level.province_ids is None else ",".join(sorted(level.province_ids))
    crumbs = ",".join(crumb.url for crumb in level.crumbs)
    area = level.province or NATION
    parts = [LAYOUT, getattr(staticfiles_storage, "manifest_hash", ""), generation(area), language, level.kind, level.code,
             provinces, crumbs, repr(sorted(filter_query(params)))]
    return "dashboard:body:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def cached_body(key: str, build) -> tuple[object, object]:
    """Return (body, computed_at) for `key`: from the cache, or from `build()` (which renders
    the body and runs the dashboard's queries), kept for `TTL` seconds."""
    kept = cache.get(key)
    if kept is not None:
        return kept
    kept = (build(), timezone.now())
    cache.set(key, kept, TTL)
    return kept
