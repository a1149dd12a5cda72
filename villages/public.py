"""Reads of the public pages of places: the nation, a province, a regency (views call them).

Only `Library.objects.public()` is read. The map is clustered in the database: the
nation's map shows one circle per province, a province's one per regency (the mean
position of their located libraries, with their number), a regency's one point per
library. The same rows are listed under the map, so the page works without JavaScript
and when the tiles cannot load.

Stage badges come from the apps above through `register_badges` (programs registers the
stored stage), so this app never imports them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404

from perpus.public_sections import Place

from .models import Library, LibraryLevel, Province, Regency

#: Libraries per page on a regency's or province's page.
LIBRARIES_PER_PAGE = 20
#: Points on a regency's map at most (a regency has a few hundred villages).
MAX_MAP_POINTS = 1000

_BADGE_PROVIDERS: list[Callable] = []


def register_badges(provider: Callable) -> None:
    """Add `provider(library_ids) -> {library_id: {"label", "order"}}` (one query for the ids)."""
    if provider not in _BADGE_PROVIDERS:
        _BADGE_PROVIDERS.append(provider)


def library_badges(library_ids) -> dict[int, dict]:
    """The stage badge of each of `library_ids` that has one (one query per provider)."""
    ids = [pk for pk in library_ids if pk is not None]
    badges: dict[int, dict] = {}
    if not ids:
        return badges
    for provider in _BADGE_PROVIDERS:
        badges.update(provider(ids))
    return badges


def province_for_slug(slug: str) -> Province:
    """The province with this URL name, or 404 (one query)."""
    return get_object_or_404(Province.objects.order_by("code"), slug=slug)


def regency_for_slugs(province_slug: str, regency_slug: str) -> Regency:
    """The regency with these URL names, its province loaded, or 404 (one query)."""
    regencies = Regency.objects.select_related("province").order_by("code")
    return get_object_or_404(regencies, province__slug=province_slug, slug=regency_slug)


def place_of(region) -> Place:
    """The `Place` of a province or regency (no query)."""
    level = "regency" if isinstance(region, Regency) else "province"
    return Place(level=level, code=region.code, name=region.name)


def place_libraries(place: Place):
    """Published libraries of `place`, with what their URLs and badges read (lazy)."""
    return (
        Library.objects.public()
        .filter(**place.lookup())
        .select_related("province", "regency", "village__district")
        .only(
            "pk", "name", "slug", "level", "province__slug", "province__name", "regency__slug",
            "regency__name", "village__name", "village__district__name", "latitude", "longitude",
        )
        .order_by("regency_id", "name", "pk")
    )


def with_badges(libraries) -> list:
    """`libraries` (a page of them) as a list, each with `.badge` (one query per provider)."""
    rows = list(libraries)
    badges = library_badges([row.pk for row in rows])
    for row in rows:
        row.badge = badges.get(row.pk)
    return rows


def place_figures(place: Place) -> dict:
    """Published libraries of `place` by level, and the regions that have one (one query)."""
    return Library.objects.public().filter(**place.lookup()).aggregate(
        libraries=Count("pk"),
        village_libraries=Count("pk", filter=Q(level=LibraryLevel.VILLAGE)),
        provinces=Count("province", distinct=True),
        regencies=Count("regency", distinct=True),
    )


def _clusters(place: Place, group: str) -> list[dict]:
    rows = (
        Library.objects.public()
        .filter(**place.lookup())
        .values(group)
        .annotate(
            libraries=Count("pk"),
            lat=Avg("latitude"),
            lng=Avg("longitude"),
        )
        .order_by(group)
    )
    return list(rows)


def map_clusters(place: Place) -> list[dict]:
    """The circles of a nation's or province's map and the list under it, one per province
    (nation) or regency (province) that has published libraries: code, name, url, libraries
    and the mean position of those located (two queries)."""
    if place.level == "nation":
        group, regions = "province_id", Province.objects.all()
    else:
        group, regions = "regency_id", Regency.objects.filter(province_id=place.code).select_related("province")
    counts = {row[group]: row for row in _clusters(place, group) if row[group]}
    regions = regions.filter(pk__in=list(counts)).only("code", "name", "slug", *(("province__slug",) if group == "regency_id" else ()))
    clusters = []
    for region in regions:
        row = counts[region.pk]
        clusters.append(
            {
                "code": region.pk,
                "name": region.name,
                "url": region.get_absolute_url(),
                "libraries": row["libraries"],
                "lat": float(row["lat"]) if row["lat"] is not None else None,
                "lng": float(row["lng"]) if row["lng"] is not None else None,
            }
        )
    return clusters


def map_points(place: Place) -> list[dict]:
    """Each located library of a regency as a map point (name, url, lat, lng; one query,
    at most `MAX_MAP_POINTS`)."""
    rows = place_libraries(place).filter(latitude__isnull=False, longitude__isnull=False)[:MAX_MAP_POINTS]
    return [
        {"name": row.name, "url": row.get_absolute_url(), "lat": float(row.latitude), "lng": float(row.longitude)}
        for row in rows
    ]


def nation_section(place: Place) -> dict | None:
    """The home page's part: the nation's library figures and its map of provinces, each
    listed with its libraries (three queries); None on other pages, which draw their own."""
    if place.level != "nation":
        return None
    from .maps import map_tiles

    clusters = map_clusters(place)
    return {
        "figures": place_figures(place),
        "clusters": clusters,
        "map_data": {"clusters": clusters, "points": []},
        "map_tiles": map_tiles(),
    }


def library_places(library_ids) -> list[tuple[str, str, str]]:
    """The URL parts (province, regency or "provinsi", library slug) of the pages of
    `library_ids`, for renewing their kept pages (one query)."""
    libraries = Library.objects.filter(pk__in=list(library_ids)).select_related("province", "regency")
    return [library.url_parts for library in libraries.only("slug", "province__slug", "regency__slug")]
