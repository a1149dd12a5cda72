"""A library's progress page with its stage history."""

from chartkick.django import LineChart
from django.shortcuts import get_object_or_404, render
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from villages.models import Library

from ..selectors import library_progress_page
from .common import stage_axis


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
        # The dates are labels written here in the active language (a time axis would be
        # labelled by Chart.js in English), one per snapshot, oldest first; straight lines,
        # as a curve would overshoot between stages. The levels are named on the axis.
        chart = LineChart(
            {date_format(s.date, "j M Y"): s.stage_order for s in snapshots},
            discrete=True,
            ytitle=gettext("Stage"),
            curve=False,
            height="240px",
            loading=gettext("Loading…"),
            **stage_axis(data["level_names"], data["top_order"]),
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
