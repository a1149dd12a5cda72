"""The drill-down monitoring dashboards (nation → province → regency → library) and their downloads."""

from __future__ import annotations

import datetime

from chartkick.django import ColumnChart, LineChart
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from perpus.compressed import compress_part, spliced_response
from perpus.export_registry import form_errors
from perpus.export_views import invalid_filters_response
from perpus.exports import FORMATS, Column, export_response
from perpus.scopes import has_ability, scope_of

from ..selectors.dashboard_cache import TTL, body_key, cached_body, filter_query
from ..selectors.dashboard_levels import dashboard_level, dashboard_url, home_code, library_level
from ..selectors.dashboard_library import library_dashboard_page
from ..selectors.dashboard_page import dashboard_page
from .dashboard_filters import DashboardFilterForm
from .common import stage_axis
from .dashboard_html import format_tables


#: Where the kept body goes in the rendered page (split out, never sent).
BODY_MARK = "<!-- perpus:dashboard-body -->"


def _column(index: int):
    return lambda row: row[index]


def _export(request, level, table):
    """The table as CSV or XLSX: its rows, then its total row (no query)."""
    rows = table.rows + ([table.footer] if table.footer else [])
    columns = [Column(str(header), _column(i)) for i, header in enumerate(table.headers)]
    filename = f"{table.title} {level.name}"
    return export_response(
        ([cell.text if hasattr(cell, "url") else cell for cell in row] for row in rows),
        columns, filename=filename, fmt=request.GET["format"],
    )


def _label(cell) -> str:
    """A chart's label for a table's first cell: a month in the reader's language."""
    return date_format(cell, "YEAR_MONTH_FORMAT") if isinstance(cell, datetime.date) else str(cell)


def _charts(page: dict) -> dict:
    """Chartkick charts of the stage and activity figures (no query); None when empty.
    Months are labels, not dates: Chart.js would read only English month names."""
    stage_data = page["stage_data"]
    loading = gettext("Loading…")
    stage_chart = ColumnChart(
        [[name, stage_data["totals"][order]] for name, order in zip(stage_data["names"], stage_data["orders"])],
        height="240px", loading=loading,
    )
    history = page["tables"]["stage_history"]
    history_chart = None
    if history.rows:
        history_chart = LineChart(
            [{"name": name, "data": [[_label(row[0]), row[i + 1]] for row in history.rows]}
             for i, name in enumerate(stage_data["names"])],
            height="260px", loading=loading, discrete=True, curve=False,
            colors=[colour for _name, colour in page["map_legend"]],
        )
    activity_chart = _charts_of_activities(page)
    return {"stage_chart": stage_chart, "history_chart": history_chart, "activity_chart": activity_chart,
            "participant_chart": _participant_chart(page)}


def _participant_chart(page: dict):
    participants = page["tables"]["participants"]
    return ColumnChart([[row[0], row[1]] for row in participants.rows], height="240px", loading=gettext("Loading…"))


def _library_charts(page: dict) -> dict:
    """The library level's charts: its stage level and its activities month by month (no query)."""
    history = page["tables"]["stage_history"]
    history_chart = None
    if history.rows:
        history_chart = LineChart(
            [[_label(row[0]), row[2]] for row in history.rows],
            height="220px", loading=gettext("Loading…"), discrete=True, curve=False, colors=["#1d6fa5"],
            **stage_axis(dict(page["stage_now"]["levels"]), page["stage_now"]["top"]),
        )
    return {"history_chart": history_chart, "activity_chart": _charts_of_activities(page),
            "participant_chart": _participant_chart(page)}


def _charts_of_activities(page: dict):
    activities = page["tables"]["activities"]
    if not activities.footer[-1]:  # every month has a row: no chart of zeros only
        return None
    return ColumnChart(
        [{"name": str(kind.label), "data": [[_label(row[0]), row[i + 1]] for row in activities.rows]}
         for i, kind in enumerate(page["activity_data"]["kinds"])],
        stacked=True, height="280px", loading=gettext("Loading…"), legend="bottom",
    )


def _respond(request, level, page_of, body_template: str, charts):
    """A dashboard level's page, or one of its tables as CSV/XLSX (`?format=…&table=…`).
    `page_of(filters)` runs the level's queries and returns its page (selectors);
    `charts(page)` its charts. The body is kept (selectors.dashboard_cache) and compressed
    once: each view renders and compresses only the page around it."""
    # The page is built from the filters its cache key holds (trimmed, nothing else), so a
    # URL with stray spaces can never keep a page for the clean URL.
    chosen = dict(filter_query(request.GET))
    if "format" in request.GET or "table" in request.GET:
        if request.GET.get("format") not in FORMATS:
            raise Http404
        form = DashboardFilterForm(chosen or None)
        errors = form_errors(form)
        if errors:
            return invalid_filters_response(request, gettext("Monitoring dashboard: %(name)s") % {"name": level.name}, errors)
        table = page_of(form.filters())["tables"].get(request.GET.get("table", ""))
        if table is None:
            raise Http404
        return _export(request, level, table)
    query = urlencode(list(chosen.items()))

    def build():
        form = DashboardFilterForm(chosen or None)
        filters = form.filters()
        page = page_of(filters)
        format_tables(page["tables"].values(), query)
        if query:  # the map's links keep the filters, as the tables' do
            for point in page["map_points"]:
                point["url"] += f"?{query}"
        context = dict(page, level=level, form=form, filters=filters, query=query, **charts(page))
        return compress_part(render_to_string(body_template, context, request=request))

    body, computed_at = cached_body(body_key(level, request.GET, get_language()), build)
    page = render_to_string(
        "programs/dashboard.html",
        {"level": level, "query": query, "body": mark_safe(BODY_MARK), "computed_at": computed_at,
         "ttl_minutes": TTL // 60},
        request=request,
    )
    head, tail = page.split(BODY_MARK, 1)
    return spliced_response(request, [head, body, tail])


@require_safe
@login_required
def dashboard(request, code: str = ""):
    """A dashboard level: the user's home level at `/program/dashboard/`, or a province or
    regency (404 outside the user's scope). `?format=csv|xlsx&table=<key>` downloads a table."""
    if not has_ability(request.user, "dashboard"):
        library_id = scope_of(request.user).library_id
        if library_id and not code:
            return redirect("programs:library_progress", pk=library_id)
        raise PermissionDenied
    if not code:
        home = home_code(request.user)
        if home:
            query = request.GET.urlencode()
            return redirect(dashboard_url(home) + (f"?{query}" if query else ""))
    level = dashboard_level(request.user, code)
    return _respond(request, level, lambda filters: dashboard_page(level, filters), "programs/_dashboard_body.html", _charts)


@require_safe
@login_required
def library_dashboard(request, pk: int):
    """The last level of the drill-down: one library's figures (404 outside the user's scope;
    library managers have their library's progress page)."""
    if not has_ability(request.user, "dashboard"):
        # A library manager's dashboard is their library's progress page; other libraries
        # are outside their scope.
        if scope_of(request.user).library_id == pk:
            return redirect("programs:library_progress", pk=pk)
        raise Http404
    level, library = library_level(request.user, pk)
    return _respond(
        request, level, lambda filters: library_dashboard_page(level, library, filters),
        "programs/_dashboard_library_body.html", _library_charts,
    )
