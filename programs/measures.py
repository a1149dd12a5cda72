"""The measures that computed ladder criteria read, by stable name.

A measure turns recorded data into one number per library, for many libraries
at once, with aggregate queries (never a query per library). Apps register
their measures when they load (`AppConfig.ready`), so a criterion can name a
measure whose data arrives later: until then it counts zero.

A measure function has the signature::

    compute(library_ids: Collection[int], start: date | None, end: date) -> dict[int, Decimal | int]

`start` is None for measures without a time window; a library missing from the
result counts as 0. The window is `start <= day <= end`, both ends included.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.functional import Promise


@dataclass(frozen=True)
class Measure:
    name: str
    label: str | Promise
    compute: Callable
    #: Whether the measure reads a time window (criteria then carry `window_months`).
    windowed: bool = True
    #: Short unit shown after the figure ("activities", "m²"...), translatable.
    unit: str | Promise = ""


MEASURES: dict[str, Measure] = {}


def register(name: str, label, *, windowed: bool = True, unit=""):
    """Decorator that registers `compute` under `name` and returns it unchanged."""

    def decorator(compute):
        MEASURES[name] = Measure(name=name, label=label, compute=compute, windowed=windowed, unit=unit)
        return compute

    return decorator


def get_measure(name: str) -> Measure | None:
    """Return the registered measure called `name`, or None (no query)."""
    return MEASURES.get(name)


def measure_choices() -> list[tuple[str, str]]:
    """(name, label) pairs of every registered measure, sorted by label (no query)."""
    return sorted(((m.name, m.label) for m in MEASURES.values()), key=lambda pair: str(pair[1]))


def months_before(day: date, months: int) -> date:
    """Return the same day `months` months earlier, clamped to the month's end (no query)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def window_start(end: date, months: int | None) -> date | None:
    """First day of a window of `months` months ending on `end` (both ends included).

    12 months ending 2024-06-30 start on 2023-07-01; 3 months ending 2024-06-15 start on
    2024-03-16. None for measures without a window.
    """
    if not months:
        return None
    return months_before(end + timedelta(days=1), months)


@dataclass(frozen=True)
class PlannedMeasure:
    """A measure the default ladder names before the app that records its data registers it."""

    label: str | Promise
    windowed: bool
    unit: str | Promise = ""


def _(text):
    # Marked for translation here, translated when displayed (lazy).
    from django.utils.translation import gettext_lazy

    return gettext_lazy(text)


#: The measure names of the default ladder and who provides them. Used to label criteria
#: whose measure is not registered yet; the registered `Measure` always wins.
PLANNED_MEASURES: dict[str, PlannedMeasure] = {
    # villages
    "has_manager": PlannedMeasure(_("Has a library manager"), False),
    "opening_days_per_week": PlannedMeasure(_("Opening days per week"), False, _("days")),
    "opening_hours_per_day": PlannedMeasure(_("Opening hours per day"), False, _("hours")),
    "floor_area_m2": PlannedMeasure(_("Floor area"), False, "m²"),
    "collection_titles": PlannedMeasure(_("Collection titles"), False, _("titles")),
    "staff_count": PlannedMeasure(_("Staff"), False, _("staff")),
    "computers_in_service": PlannedMeasure(_("Computers in service"), False, _("computers")),
    "has_internet": PlannedMeasure(_("Internet in service"), False),
    "months_with_statistics": PlannedMeasure(_("Months with statistics recorded"), True, _("months")),
    "visits": PlannedMeasure(_("Visits"), True, _("visits")),
    # activities
    "community_activities": PlannedMeasure(_("Community activities"), True, _("activities")),
    "months_with_community_activities": PlannedMeasure(
        _("Months with community activities"), True, _("months")
    ),
    "community_participants": PlannedMeasure(_("Community activity participants"), True, _("participants")),
    "spptik_trained": PlannedMeasure(_("SPP-TIK trainings taken part in"), False, _("trainings")),
    "work_plans": PlannedMeasure(_("Follow-up plans (RTL)"), False, _("plans")),
    "active_partnerships": PlannedMeasure(_("Active partnerships"), False, _("partnerships")),
    "village_support": PlannedMeasure(_("Village support (regulations, budget)"), False, _("decisions")),
    "products": PlannedMeasure(_("Community products"), False, _("products")),
    "product_income": PlannedMeasure(_("Income from products"), False, "Rp"),
    "impact_stories": PlannedMeasure(_("Impact stories"), False, _("stories")),
}

del _


def measure_label(name: str):
    """Label of a registered or planned measure, else its name (no query)."""
    measure = MEASURES.get(name) or PLANNED_MEASURES.get(name)
    return measure.label if measure else name


def measure_unit(name: str):
    """Unit of a registered or planned measure, else "" (no query)."""
    measure = MEASURES.get(name) or PLANNED_MEASURES.get(name)
    return measure.unit if measure else ""
