"""Selectors of the public search (`/cari/`): places, libraries and activities.

Only public rows: published libraries (`Library.objects.public()`), public activities
(`Activity.objects.public()`), and villages only where a published library is. Words are
matched through `perpus.textsearch` (full-text GIN index on PostgreSQL; see its doc).
Each function runs one query when its result is read; none loads more than it returns.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from perpus.textsearch import query_words
from villages.models import Library, Province, Regency, Village

from .models import Activity

#: What the search page can show: every group's first rows, or one group paged.
GROUPS = ("places", "libraries", "activities")


def _names_q(words: list[str], field: str = "name") -> Q:
    match = Q()
    for word in words:
        match &= Q(**{f"{field}__icontains": word})
    return match


def matching_provinces(query: str) -> QuerySet:
    """Provinces whose name holds every word of `query` (lazy, by name)."""
    words = query_words(query)
    return Province.objects.filter(_names_q(words)).order_by("name") if words else Province.objects.none()


def matching_regencies(query: str) -> QuerySet:
    """Regencies and cities whose name holds every word (prefixes like "Kab." ignored; lazy)."""
    words = query_words(query)
    if not words:
        return Regency.objects.none()
    return Regency.objects.filter(_names_q(words)).select_related("province").order_by("name", "code")


def matching_villages(query: str) -> QuerySet:
    """Villages with a published library whose name holds every word (lazy): driven by the
    libraries' search index (their text holds their village's name), not a scan of the
    84,000 villages."""
    words = query_words(query)
    if not words:
        return Village.objects.none()
    with_library = Library.objects.public().search(query).filter(village__isnull=False).values("village_id")
    return (
        Village.objects.filter(pk__in=with_library)
        .filter(_names_q(words))
        .select_related("district", "regency")
        .order_by("name", "code")
    )


def matching_libraries(query: str) -> QuerySet:
    """Published libraries whose name, address, description or places hold every word (lazy)."""
    return (
        Library.objects.public()
        .search(query)
        .select_related("province", "regency", "village")
        .order_by("name", "pk")
    )


def matching_activities(query: str) -> QuerySet:
    """Public activities whose title, kind, venue, texts, organiser or places hold every word,
    newest first (lazy)."""
    return Activity.objects.public().search(query).with_related().order_by("-start_date", "-pk")


def first_rows(qs: QuerySet, limit: int) -> tuple[list, bool]:
    """The first `limit` rows of `qs` and whether there are more (one query)."""
    rows = list(qs[: limit + 1])
    return rows[:limit], len(rows) > limit
