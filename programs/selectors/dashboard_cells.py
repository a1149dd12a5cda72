"""What a dashboard table is made of: its cells keep their type (a number, a date, a
share, a month, a link), so the page formats them in the reader's language and the
CSV/XLSX downloads write numbers and dates a spreadsheet can sort (no query here)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone


@dataclass(frozen=True)
class Link:
    """A table cell that links somewhere; exports write its text (a name, or a date)."""

    text: object
    url: str
    #: A dashboard level's link, which keeps the page's filters.
    drill: bool = False

    def __str__(self):
        return str(self.text)


class Percent(float):
    """A share in percent (36.7): "36,7 %" on an Indonesian page, the number in a download."""


class Month(datetime.date):
    """The first day of a month, shown as the month ("November 2026")."""

    @classmethod
    def of(cls, day: datetime.date) -> Month:
        return cls(day.year, day.month, 1)


@dataclass
class Table:
    """One dashboard table: shown on the page and downloadable (`key` names it in the URL)."""

    key: str
    title: str
    headers: list
    rows: list = field(default_factory=list)
    footer: list | None = None
    #: The rows as HTML, set by the view (`views.dashboard_html.format_tables`).
    body_html: str = ""
    footer_html: str = ""


@dataclass(frozen=True)
class Unit:
    key: str
    name: str
    url: str
    drill: bool = True

    @property
    def link(self) -> Link:
        return Link(self.name, self.url, self.drill)


def share(part: int, whole: int) -> Percent | None:
    """`part` of `whole` in percent, one decimal; None when `whole` is 0."""
    return Percent(round(100 * part / whole, 1)) if whole else None


def day(value) -> datetime.date | None:
    """The local date of a date or time stamp (None stays None)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def months(first: datetime.date, last: datetime.date) -> list[Month]:
    """Every month from `first` to `last`, both included."""
    count = (last.year - first.year) * 12 + last.month - first.month
    start = first.year * 12 + first.month - 1
    return [Month((start + i) // 12, (start + i) % 12 + 1, 1) for i in range(count + 1)]
