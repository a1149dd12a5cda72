"""The measures that computed ladder criteria read: one registry, filled by this package.

A measure turns recorded data into one number per library, for many libraries at
once, with aggregate queries (never a query per library). The measures live in
this package, beside the registry, because `programs` sits on top of the apps
whose data they read (`villages`, `activities`); those apps never import it:

* `library`: profile, opening hours and monthly statistics (villages);
* `activities`: activities (community engagement, trainings, work plans);
* `records`: partnerships, support, products and impact stories.

`ProgramsConfig.ready()` imports the three modules, which register themselves with
`@register`. The registry is the only place a measure's label and unit are
written; a criterion naming a measure that is not registered counts zero and
says "data not yet recorded".

A measure function has the signature::

    compute(library_ids: Collection[int], start: date | None, end: date) -> dict[int, Decimal | int]

`start` is None for measures without a time window; a library missing from the
result counts as 0. The window is `start <= day <= end`, both ends included; for a
criterion over "the last N months" it is `completed_months(today, N)`, the N whole
months before the current one.
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

#: The modules of this package that register measures (imported by `ProgramsConfig.ready`).
MODULES = ("library", "activities", "records")


def register(name: str, label, *, windowed: bool = True, unit=""):
    """Decorator that registers `compute` under `name` and returns it unchanged."""

    def decorator(compute):
        MEASURES[name] = Measure(name=name, label=label, compute=compute, windowed=windowed, unit=unit)
        return compute

    return decorator


def load_all() -> None:
    """Import the measure modules, which register their measures (no query)."""
    from importlib import import_module

    for module in MODULES:
        import_module(f"{__name__}.{module}")


def get_measure(name: str) -> Measure | None:
    """Return the registered measure called `name`, or None (no query)."""
    return MEASURES.get(name)


def measure_choices() -> list[tuple[str, str]]:
    """(name, label) pairs of every registered measure, sorted by label (no query)."""
    return sorted(((m.name, m.label) for m in MEASURES.values()), key=lambda pair: str(pair[1]))


def measure_label(name: str):
    """Label of a registered measure, else its name (no query)."""
    measure = MEASURES.get(name)
    return measure.label if measure else name


def measure_unit(name: str):
    """Unit of a registered measure, else "" (no query)."""
    measure = MEASURES.get(name)
    return measure.unit if measure else ""


def months_before(day: date, months: int) -> date:
    """Return the same day `months` months earlier, clamped to the month's end (no query)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def completed_months(today: date, months: int) -> tuple[date, date]:
    """The window of a criterion over "the last `months` months": (first day, last day).

    The one rule for every windowed criterion: the `months` whole months BEFORE the
    month of `today`. The month in progress never counts, so a library that recorded
    September to November reads 3 of 3 on 8 December, and a stage does not drop on the
    first of a month because the new month has no data yet. No query.
    E.g. 3 months on 2026-12-08 (or 2026-12-01): 2026-09-01 to 2026-11-30.
    """
    first_of_month = today.replace(day=1)
    return months_before(first_of_month, months), first_of_month - timedelta(days=1)
