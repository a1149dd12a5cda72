"""Measures read from library profiles, opening hours and monthly statistics (villages).

Each function answers for many libraries at once with one aggregate query
(see `programs.measures` for the contract). Libraries without data are left
out of the result and count as 0.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Sum
from django.utils.translation import gettext_lazy as _

from villages.models import Library, LibraryStatistic, OpeningHours

from . import register


def _profile_number(field: str, library_ids: Collection[int]) -> dict[int, int]:
    """{library id: value of `field`} for libraries where it is recorded (one query)."""
    rows = Library.objects.filter(pk__in=library_ids, **{f"{field}__isnull": False})
    return dict(rows.values_list("pk", field))


@register("has_manager", _("Has a manager"), windowed=False)
def has_manager(library_ids, start: date | None, end: date) -> dict[int, int]:
    """1 for libraries with a manager's name recorded (one query)."""
    ids = Library.objects.filter(pk__in=library_ids).exclude(manager_name="").values_list("pk", flat=True)
    return {pk: 1 for pk in ids}


@register("opening_days_per_week", _("Opening days per week"), windowed=False, unit=_("days"))
def opening_days_per_week(library_ids, start: date | None, end: date) -> dict[int, int]:
    """Number of weekdays with opening hours (one query)."""
    rows = (
        OpeningHours.objects.filter(library_id__in=library_ids)
        .values("library_id")
        .annotate(days=Count("pk"))
        .values_list("library_id", "days")
    )
    return dict(rows)


@register("opening_hours_per_day", _("Opening hours per day"), windowed=False, unit=_("hours"))
def opening_hours_per_day(library_ids, start: date | None, end: date) -> dict[int, Decimal]:
    """Average hours open over the days the library opens, to 2 decimals (one query)."""
    rows = (
        OpeningHours.objects.filter(library_id__in=library_ids)
        .values("library_id")
        .annotate(average=Avg("minutes"))
        .values_list("library_id", "average")
    )
    return {
        pk: (Decimal(str(average)) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for pk, average in rows
    }


@register("floor_area_m2", _("Floor area"), windowed=False, unit=_("m²"))
def floor_area_m2(library_ids, start: date | None, end: date) -> dict[int, int]:
    return _profile_number("floor_area_m2", library_ids)


@register("collection_titles", _("Collection titles"), windowed=False, unit=_("titles"))
def collection_titles(library_ids, start: date | None, end: date) -> dict[int, int]:
    return _profile_number("collection_titles", library_ids)


@register("staff_count", _("Staff"), windowed=False, unit=_("people"))
def staff_count(library_ids, start: date | None, end: date) -> dict[int, int]:
    return _profile_number("staff_count", library_ids)


@register("computers_in_service", _("Computers in service"), windowed=False, unit=_("computers"))
def computers_in_service(library_ids, start: date | None, end: date) -> dict[int, int]:
    return _profile_number("computers_in_service", library_ids)


@register("has_internet", _("Has internet access"), windowed=False)
def has_internet(library_ids, start: date | None, end: date) -> dict[int, int]:
    """1 with internet access, 0 without (one query)."""
    rows = Library.objects.filter(pk__in=library_ids).values_list("pk", "has_internet")
    return {pk: int(flag) for pk, flag in rows}


def _statistics_in_window(library_ids, start: date | None, end: date):
    # Months are stored as their first day; the window includes both ends.
    rows = LibraryStatistic.objects.filter(library_id__in=library_ids, month__lte=end)
    if start is not None:
        rows = rows.filter(month__gte=start)
    return rows


@register("months_with_statistics", _("Months with statistics recorded"), unit=_("months"))
def months_with_statistics(library_ids, start: date | None, end: date) -> dict[int, int]:
    """Months in [start, end] with a statistics row, by library (one query)."""
    rows = (
        _statistics_in_window(library_ids, start, end)
        .values("library_id")
        .annotate(months=Count("pk"))
        .values_list("library_id", "months")
    )
    return dict(rows)


@register("visits", _("Visits"), unit=_("visits"))
def visits(library_ids, start: date | None, end: date) -> dict[int, int]:
    """Sum of visits (women and men) in the months in [start, end], by library (one query)."""
    rows = (
        _statistics_in_window(library_ids, start, end)
        .values("library_id")
        .annotate(total=Sum(F("visits_male") + F("visits_female")))
        .values_list("library_id", "total")
    )
    return {pk: total or 0 for pk, total in rows}
