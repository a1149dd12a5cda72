"""The public search page (`/cari/?q=`): places, libraries and activities, for everyone."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_safe

from perpus.pagination import CappedPaginator as Paginator
from villages.params import search_term

from .. import search
from .common import PAGE_SIZE

#: Rows of each group on the overview (its "more" link opens the group, paged).
FIRST = {"regencies": 6, "provinces": 4, "villages": 6, "libraries": 5, "activities": 5}


@require_safe
def search_page(request):
    """Every group's first rows (5 queries), or one group paged in SQL (`?in=`; 2–4 queries)."""
    query = search_term(request.GET.get("q"))
    group = request.GET.get("in", "")
    if group not in search.GROUPS:
        group = ""
    found = {}
    if query:
        found = _paged(request, query, group) if group else _overview(query)
    # Every group has rows, more and page, so the template reads no missing variable.
    groups = {name: {"rows": [], "more": False, "page": None, **found.get(name, {})} for name in FIRST}
    return render(request, "activities/search.html", {"query": query, "group": group, "groups": groups})


def _overview(query: str) -> dict:
    groups = {}
    for name, qs in (
        ("provinces", search.matching_provinces(query)),
        ("regencies", search.matching_regencies(query)),
        ("villages", search.matching_villages(query)),
        ("libraries", search.matching_libraries(query)),
        ("activities", search.matching_activities(query)),
    ):
        rows, more = search.first_rows(qs, FIRST[name])
        groups[name] = {"rows": rows, "more": more}
    return groups


def _paged(request, query: str, group: str) -> dict:
    number = request.GET.get("page")
    if group == "places":
        provinces, _more = search.first_rows(search.matching_provinces(query), 40)
        regencies, _more = search.first_rows(search.matching_regencies(query), 40)
        page = Paginator(search.matching_villages(query), PAGE_SIZE).get_page(number)
        return {
            "provinces": {"rows": provinces},
            "regencies": {"rows": regencies},
            "villages": {"rows": page.object_list, "page": page},
        }
    qs = search.matching_libraries(query) if group == "libraries" else search.matching_activities(query)
    page = Paginator(qs, PAGE_SIZE).get_page(number)
    return {group: {"rows": page.object_list, "page": page}}
