"""A library's progress page with its stage history, and the monitoring dashboard."""

from chartkick.django import ColumnChart, LineChart
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from perpus.scopes import has_ability
from villages.models import Library

from ..selectors import dashboard_data, library_progress_page


@require_safe
def library_progress(request, pk):
    """A library's stage, criteria and stage history; public for published libraries."""
    library = get_object_or_404(
        Library.objects.visible_to(request.user).select_related("province", "regency", "village"),
        pk=pk,
    )
    data = library_progress_page(library, request.user)
    snapshots = data["snapshots"]
    chart = None
    if snapshots:
        chart = LineChart(
            {s.date.isoformat(): s.stage_order for s in snapshots},
            ytitle=gettext("Stage"),
            min=0,
            max=data["top_order"],
            curve=False,
            height="240px",
            library={"scales": {"y": {"ticks": {"stepSize": 1}}}},
            loading=gettext("Loading…"),
        )
    return render(
        request,
        "programs/library_progress.html",
        {
            "library": library,
            "progress": dict(data["panel"], show_history_link=False),
            "snapshots": snapshots,
            "chart": chart,
            "assessments": data["assessments"],
        },
    )


@require_safe
@login_required
def dashboard(request):
    """Village libraries per stage in the user's scope, per regency, and recent stage changes."""
    if not has_ability(request.user, "dashboard"):
        raise PermissionDenied
    data = dashboard_data(request.user)
    stage_chart = ColumnChart(
        [[gettext("No stage yet"), data["stage_counts"][0]["count"]]]
        + [[row["stage"].label, row["count"]] for row in data["stage_counts"][1:]],
        height="260px",
        loading=gettext("Loading…"),
    )
    change_chart = None
    if data["changes_per_month"]:
        change_chart = ColumnChart(
            [[date_format(row["month"], "YEAR_MONTH_FORMAT"), row["n"]] for row in data["changes_per_month"]],
            height="200px",
            loading=gettext("Loading…"),
        )
    return render(
        request,
        "programs/dashboard.html",
        dict(data, stage_chart=stage_chart, change_chart=change_chart),
    )
