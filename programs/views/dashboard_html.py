"""Formatting of the dashboards' tables (no query): rows of `selectors.dashboard.Table`
as HTML, in Python because a national page holds a few thousand cells (the template
loops were a third of the national page's time)."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def _cell(cell, query: str):
    if getattr(cell, "url", None):
        url = cell.url + (f"?{query}" if cell.drill and query else "")
        return format_html('<a href="{}">{}</a>', url, cell.text)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return number_format(cell, force_grouping=True)
    return cell


def _row(cells, query: str, head_tag: str = "th") -> str:
    if not cells:
        return ""
    first = format_html('<{} scope="row" class="fw-normal">{}</{}>', mark_safe(head_tag), _cell(cells[0], query), mark_safe(head_tag))
    rest = format_html_join("", '<td class="text-end">{}</td>', ((_cell(c, query),) for c in cells[1:]))
    return format_html("<tr>{}{}</tr>", first, rest)


def format_tables(tables, query: str = "") -> None:
    """Set `body_html` and `footer_html` on each table: its rows and total row as HTML
    (escaped; dashboard links keep the filters `query`)."""
    for table in tables:
        table.body_html = mark_safe("".join(_row(row, query) for row in table.rows))
        table.footer_html = mark_safe(_row(table.footer, query)) if table.footer and table.rows else ""
