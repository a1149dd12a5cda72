"""Reads of monitoring visits: the list, one visit's page, a library's part, the start panel."""

from __future__ import annotations

from django.db.models import Count, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce

from perpus.scopes import can_change, can_create, can_view, has_ability
from ..models import Assessment, Visit

#: How many of a library's visits its page lists.
LIBRARY_VISITS_SHOWN = 5


def last_visited(visit_day, assessment_day):
    """When a library was last visited: the later of its latest visit's first day and its
    latest assessment's day (an assessment is made on a visit); None when neither (no query).
    The one rule of the dashboards and the library page."""
    return max((day for day in (visit_day, assessment_day) if day is not None), default=None)


def visit_list_queryset(user):
    """The visits `user` sees, newest first, with what a list row shows (lazy; one query per page).

    Each row carries `library_count` and `assessment_count` (subqueries, so a page is one query).
    """
    libraries = (
        Visit.libraries.through.objects.filter(visit_id=OuterRef("pk"))
        .order_by()
        .values("visit_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    assessments = (
        Assessment.objects.filter(visit_id=OuterRef("pk"))
        .order_by()
        .values("visit_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Visit.objects.for_user(user)
        .select_related("regency", "province", "author")
        .annotate(
            library_count=Coalesce(Subquery(libraries), 0),
            assessment_count=Coalesce(Subquery(assessments), 0),
        )
        .order_by("-starts_on", "-pk")
    )


def visit_page(visit: Visit, user) -> dict:
    """What a visit's page shows besides the visit (loaded with regency, province, author).

    Queries: team members (1), libraries (1), the assessments made during the visit that
    `user` may see (1). Returns a dict for the template.
    """
    libraries = list(visit.libraries.select_related("village", "province", "regency").order_by("level", "name"))
    assessments = list(
        Assessment.objects.for_user(user)
        .filter(visit=visit)
        .select_related("library", "author")
        .order_by("visited_on", "library__name", "pk")
    )
    may_assess = can_create(user, Assessment)
    return {
        "visitors": list(visit.visitors.order_by("first_name", "last_name", "username")),
        "libraries": libraries,
        "assessments": assessments,
        "can_edit": can_change(user, visit),
        # Assessors in scope record assessments from here, with this visit preselected.
        "can_assess": may_assess and can_change(user, visit),
    }


def library_visits_section(library, user, request=None) -> dict | None:
    """A library page's list of the visits that included it, for staff whose scope holds them.

    Returns None (no query) when `user` may not see visits to the library's regency
    (visitors, library managers, other areas) or the library has no regency. Otherwise
    two queries: the latest visits, newest first, and the day of the library's latest
    assessment. `last_visited_on` follows `last_visited`.
    """
    if library.regency_id is None or user is None or not user.is_authenticated:
        return None
    # Would a visit to this library's regency be visible to the user? Asked of perpus.scopes.
    probe = Visit(regency_id=library.regency_id, province_id=library.province_id)
    if not can_view(user, probe) or not can_view(user, library):
        return None
    visits = list(
        Visit.objects.for_user(user)
        .filter(libraries=library)
        .select_related("author")
        .order_by("-starts_on", "-pk")[:LIBRARY_VISITS_SHOWN]
    )
    last_assessed = (
        Assessment.objects.for_user(user)
        .filter(library=library)
        .aggregate(last=Max("visited_on"))["last"]
    )
    return {
        "library": library,
        "visits": visits,
        "last_visited_on": last_visited(visits[0].starts_on if visits else None, last_assessed),
        "can_record": can_create(user, Visit) and can_change(user, probe),
    }


def visits_panel(user) -> dict | None:
    """The start page's monitoring-visit links, for users who record visits (no query)."""
    if not has_ability(user, "assess"):
        return None
    return {}


__all__ = [
    "LIBRARY_VISITS_SHOWN",
    "library_visits_section",
    "visit_list_queryset",
    "visit_page",
    "visits_panel",
]
