"""Measures read from activities (activities app), for the computed criteria of the ladder.

Every measure counts VERIFIED, non-deleted activities in which the library took
part: as organiser (`library`) or among the other libraries involved
(`libraries`). Each runs a fixed number of aggregate queries for any number of
libraries: one over the organisers, one over the involved libraries that do not
also organise (so an activity counts once per library).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from activities.models import COMMUNITY_KINDS, Activity, ActivityKind, TrainingType

from . import register

Involved = Activity.libraries.through


def _window(start: date | None, end: date) -> Q:
    q = Q(start_date__lte=end)
    if start is not None:
        q &= Q(start_date__gte=start)
    return q


def _by_library(library_ids: Collection[int], condition: Q, aggregate) -> dict[int, int]:
    """Add up `aggregate` over matching activities per library taking part (2 queries).

    `aggregate` is a function of the lookup prefix ("" on activities, "activity__"
    on the involvement rows) returning an aggregate expression.
    """
    ids = list(library_ids)
    if not ids:
        return {}
    matching = Activity.objects.verified().filter(condition)
    result: dict[int, int] = defaultdict(int)
    organised = matching.filter(library_id__in=ids).values("library_id").annotate(n=aggregate(""))
    for row in organised:
        result[row["library_id"]] += row["n"] or 0
    involved = (
        Involved.objects.filter(library_id__in=ids, activity__in=matching)
        .exclude(activity__library_id=F("library_id"))
        .values("library_id")
        .annotate(n=aggregate("activity__"))
    )
    for row in involved:
        result[row["library_id"]] += row["n"] or 0
    return dict(result)


def _count(prefix):
    return Count(f"{prefix}pk", distinct=True)


def _participants(prefix):
    return Sum(F(f"{prefix}participants_male") + F(f"{prefix}participants_female"))


COMMUNITY = Q(kind__in=COMMUNITY_KINDS)


@register(
    "community_activities",
    _("Community activities (community engagement and mobile library)"),
    unit=_("activities"),
)
def community_activities(library_ids, start, end):
    """Community-engagement and mobile-library activities started in the window, per library."""
    return _by_library(library_ids, COMMUNITY & _window(start, end), _count)


@register("community_participants", _("Participants in community activities"), unit=_("participants"))
def community_participants(library_ids, start, end):
    """Participants (men plus women) of community activities started in the window, per library."""
    return _by_library(library_ids, COMMUNITY & _window(start, end), _participants)


@register(
    "months_with_community_activities",
    _("Months with at least one community activity"),
    unit=_("months"),
)
def months_with_community_activities(library_ids, start, end):
    """Distinct calendar months with a community activity starting in the window (2 queries)."""
    ids = list(library_ids)
    if not ids:
        return {}
    matching = Activity.objects.verified().filter(COMMUNITY & _window(start, end))
    months: dict[int, set] = defaultdict(set)
    organised = (
        matching.filter(library_id__in=ids)
        .annotate(month=TruncMonth("start_date"))
        .values_list("library_id", "month")
        # Without order_by() the model's ordering (start date, pk) joins the DISTINCT,
        # which then returns every activity instead of every month.
        .order_by()
        .distinct()
    )
    involved = (
        Involved.objects.filter(library_id__in=ids, activity__in=matching)
        .annotate(month=TruncMonth("activity__start_date"))
        .values_list("library_id", "month")
        .order_by()
        .distinct()
    )
    for library_id, month in [*organised, *involved]:
        months[library_id].add(month)
    return {library_id: len(found) for library_id, found in months.items()}


@register(
    "spptik_trained",
    _("SPP-TIK trainings taken part in"),
    windowed=False,
    unit=_("trainings"),
)
def spptik_trained(library_ids, start, end):
    """SPP-TIK trainings the library organised or took part in, up to `end`."""
    condition = Q(kind=ActivityKind.TRAINING, training_type=TrainingType.SPPTIK, start_date__lte=end)
    return _by_library(library_ids, condition, _count)


@register(
    "work_plans",
    _("Trainings with a follow-up plan (RTL)"),
    windowed=False,
    unit=_("plans"),
)
def work_plans(library_ids, start, end):
    """Trainings with a written follow-up plan (RTL) that the library took part in, up to `end`."""
    condition = Q(kind=ActivityKind.TRAINING, start_date__lte=end) & ~Q(follow_up_plan="")
    return _by_library(library_ids, condition, _count)
