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

from collections.abc import Callable
from dataclasses import dataclass

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
