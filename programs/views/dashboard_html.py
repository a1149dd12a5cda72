"""Formatting of the dashboards' tables (no query): rows of `selectors.dashboard.Table`
as HTML, in Python because a national page holds a few thousand cells (the template
loops were a third of the national page's time)."""

import datetime

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from ..selectors.dashboard_cells import Month, Percent


def _cell(cell, query: str, label: bool = False):
    """A cell in the reader's language; `label`: a row's name (a year is not grouped)."""
    if getattr(cell, "url", None):
        url = cell.url + (f"?{query}" if cell.drill and query else "")
        return format_html('<a href="{}">{}</a>', url, _cell(cell.text, query, label=True))
    if cell is None:
        return "–"
    if isinstance(cell, Percent):
        return f"{number_format(cell, 1)}\u00a0%"
    if isinstance(cell, Month):
        return date_format(cell, "YEAR_MONTH_FORMAT")
    if isinstance(cell, datetime.date):
        return date_format(cell, "SHORT_DATE_FORMAT")
    if isinstance(cell, int) and not isinstance(cell, bool):
        return str(cell) if label else number_format(cell, force_grouping=True)
    return cell


def _row(cells, query: str, head_tag: str = "th") -> str:
    if not cells:
        return ""
    first = format_html('<{} scope="row" class="fw-normal">{}</{}>', mark_safe(head_tag), _cell(cells[0], query, label=True),
                        mark_safe(head_tag))
    rest = format_html_join("", '<td class="text-end">{}</td>', ((_cell(c, query),) for c in cells[1:]))
    return format_html("<tr>{}{}</tr>", first, rest)


def format_tables(tables, query: str = "") -> None:
    """Set `body_html` and `footer_html` on each table: its rows and total row as HTML
    (escaped; dashboard links keep the filters `query`)."""
    for table in tables:
        table.body_html = mark_safe("".join(_row(row, query) for row in table.rows))
        table.footer_html = mark_safe(_row(table.footer, query)) if table.footer and table.rows else ""
