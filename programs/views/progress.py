"""A library's progress page with its stage history, and the monitoring dashboard."""

from datetime import timedelta

from chartkick.django import ColumnChart, LineChart
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from perpus.scopes import Role, can_view, scope_of
from villages.models import LibraryLevel
from villages.views import libraries_visible_to

from ..models import Assessment, SnapshotReason, Stage, StageSnapshot

DASHBOARD_ROLES = {Role.ADMIN, Role.CONSULTANT, Role.PROVINCE_STAFF, Role.REGENCY_STAFF}
#: How far back the dashboard lists stage changes.
CHANGES_DAYS = 183


def library_progress(request, pk):
    """A library's stage, criteria and stage history; public for published libraries."""
    library = get_object_or_404(
        libraries_visible_to(request.user).select_related("province", "regency", "village"), pk=pk
    )
    snapshots = list(
        StageSnapshot.objects.filter(library=library).select_related("stage").order_by("date")
    )
    chart = None
    if snapshots:
        chart = LineChart(
            {s.date.isoformat(): s.stage_order for s in snapshots},
            ytitle=gettext("Stage"),
            min=0,
            max=max([s.stage_order for s in snapshots] + [Stage.objects.count()]),
            curve=False,
            height="240px",
            library={"scales": {"y": {"ticks": {"stepSize": 1}}}},
            loading=gettext("Loading…"),
        )
    assessments = []
    if request.user.is_authenticated and can_view(request.user, library):
        assessments = list(
            Assessment.objects.for_user(request.user)
            .filter(library=library)
            .select_related("author")
            .order_by("-visited_on", "-pk")[:20]
        )
    return render(
        request,
        "programs/library_progress.html",
        {"library": library, "snapshots": snapshots, "chart": chart, "assessments": assessments},
    )


@login_required
def dashboard(request):
    """Village libraries per stage in the user's scope, per regency, and recent stage changes.

    Fixed queries: stages, per-stage counts, per-regency counts, changes, changes per month.
    """
    scope = scope_of(request.user)
    if scope.role not in DASHBOARD_ROLES:
        raise PermissionDenied
    from villages.models import Library

    libraries = Library.objects.for_user(request.user).filter(level=LibraryLevel.VILLAGE)
    stages = list(Stage.objects.order_by("order", "pk"))
    per_stage = {
        row["progress__stage"]: row["n"]
        for row in libraries.values("progress__stage").annotate(n=Count("pk")).order_by()
    }
    total = sum(per_stage.values())
    stage_counts = [{"stage": None, "count": per_stage.get(None, 0)}] + [
        {"stage": stage, "count": per_stage.get(stage.pk, 0)} for stage in stages
    ]
    regencies: dict[str, dict] = {}
    for row in (
        libraries.values("regency_id", "regency__name", "progress__stage")
        .annotate(n=Count("pk"))
        .order_by("regency__name")
    ):
        entry = regencies.setdefault(
            row["regency_id"], {"name": row["regency__name"], "counts": {}, "total": 0}
        )
        entry["counts"][row["progress__stage"]] = row["n"]
        entry["total"] += row["n"]
    regency_rows = [
        {
            "name": entry["name"],
            "total": entry["total"],
            "cells": [entry["counts"].get(None, 0)] + [entry["counts"].get(s.pk, 0) for s in stages],
        }
        for entry in regencies.values()
    ]
    since = timezone.localdate() - timedelta(days=CHANGES_DAYS)
    changes_qs = StageSnapshot.objects.for_user(request.user).filter(
        reason=SnapshotReason.CHANGE, date__gte=since, library__level=LibraryLevel.VILLAGE
    )
    changes = list(changes_qs.select_related("library", "stage").order_by("-date", "-pk")[:25])
    per_month = (
        changes_qs.annotate(month=TruncMonth("date")).values("month").annotate(n=Count("pk")).order_by("month")
    )
    stage_chart = ColumnChart(
        [[gettext("No stage yet"), per_stage.get(None, 0)]]
        + [[stage.label, per_stage.get(stage.pk, 0)] for stage in stages],
        height="260px",
        loading=gettext("Loading…"),
    )
    change_chart = ColumnChart(
        [[date_format(row["month"], "YEAR_MONTH_FORMAT"), row["n"]] for row in per_month],
        height="200px",
        loading=gettext("Loading…"),
    )
    return render(
        request,
        "programs/dashboard.html",
        {
            "stages": stages,
            "stage_counts": stage_counts,
            "total": total,
            "regency_rows": regency_rows,
            "changes": changes,
            "stage_chart": stage_chart,
            "change_chart": change_chart,
            "since": since,
        },
    )
