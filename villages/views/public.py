"""The public pages of places: a province's and a regency's figures, libraries and map.

Anonymous visitors get them from the page cache (`perpus.pagecache`); the figures and
lists of the apps above come through `perpus.public_sections`.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from perpus.pagecache import cache_public_page
from perpus.public_sections import public_sections
from perpus.social import share_preview

from .. import public
from ..maps import map_tiles


def _region_page(request, region, parents, sub_regions_label):
    place = public.place_of(region)
    figures = public.place_figures(place)
    paginator = Paginator(public.place_libraries(place), public.LIBRARIES_PER_PAGE)
    # The figures counted these very libraries: no second COUNT for the pages.
    paginator.count = figures["libraries"]
    page = paginator.get_page(request.GET.get("page"))
    if place.level == "regency":
        clusters, points = [], public.map_points(place)
    else:
        clusters, points = public.map_clusters(place), []
    description = gettext("%(count)s published libraries in %(place)s: their stage, activities and results.") % {
        "count": figures["libraries"],
        "place": region.name,
    }
    return render(
        request,
        "villages/region_page.html",
        {
            "region": region,
            "place": place,
            "parents": parents,
            "figures": figures,
            "page_obj": page,
            "libraries": public.with_badges(page.object_list),
            "clusters": clusters,
            "sub_regions_label": sub_regions_label,
            "map_data": {"clusters": clusters, "points": points},
            "map_tiles": map_tiles(),
            "sections": public_sections(place),
            "social": share_preview(title=region.name, description=description, type="article"),
        },
    )


@require_safe
@cache_public_page
def province_page(request, province):
    """A province's public page: figures, its regencies on a map and as a list, its libraries
    (paginated) with their stage. A fixed number of queries whatever the province's size."""
    region = public.province_for_slug(province)
    return _region_page(request, region, [], gettext("Regencies and cities"))


@require_safe
@cache_public_page
def regency_page(request, province, regency):
    """A regency's public page: figures, its libraries on a map and as a paginated list."""
    region = public.regency_for_slugs(province, regency)
    return _region_page(request, region, [region.province], "")


@require_safe
def robots_txt(request):
    """robots.txt: public pages open, accounts, admin and staff areas closed, the sitemap named."""
    closed = ["/admin/", "/accounts/", "/start/", "/i18n/", "/exports/", "/program/", "/activities/queue/",
              "/activities/trash/", "/libraries/new/", "/regions/"]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in closed), "Allow: /",
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain")
