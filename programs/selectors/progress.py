"""Reads of the progress page and the monitoring dashboard (queries run here, views format)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from villages.models import Library, LibraryLevel

from ..models import Assessment, SnapshotReason, Stage, StageSnapshot
from .panel import is_on_ladder, progress_panel

#: How far back the dashboard lists stage changes.
CHANGES_DAYS = 183
#: Assessments listed on a library's progress page.
PAGE_ASSESSMENTS = 20


def library_progress_page(library, user) -> dict:
    """Return the progress page's data: the panel, stage history and assessments.

    Queries: those of `progress_panel`, plus snapshots (1), number of stages (1)
    and, for users in the library's scope, its latest assessments (1). A library
    not on the ladder gets only the panel's `on_ladder: False`.
    """
    panel = progress_panel(library, user)
    if not is_on_ladder(library):
        return {"panel": panel, "snapshots": [], "top_order": 0, "assessments": []}
    snapshots = list(
        StageSnapshot.objects.filter(library=library).select_related("stage").order_by("date")
    )
    top_order = max([s.stage_order for s in snapshots] + [Stage.objects.count()]) if snapshots else 0
    assessments = []
    if panel["in_scope"]:
        assessments = list(
            Assessment.objects.for_user(user)
            .filter(library=library)
            .select_related("author")
            .order_by("-visited_on", "-pk")[:PAGE_ASSESSMENTS]
        )
    return {"panel": panel, "snapshots": snapshots, "top_order": top_order, "assessments": assessments}


def dashboard_data(user) -> dict:
    """Village libraries per stage in `user`'s scope, per regency, and recent stage changes.

    Fixed queries: stages, per-stage counts, per-regency counts, changes, changes per month
    (plus a consultant's provinces, cached per request).
    """
    libraries = Library.objects.for_user(user).filter(level=LibraryLevel.VILLAGE)
    stages = list(Stage.objects.order_by("order", "pk"))
    per_stage = {
        row["progress__stage"]: row["n"]
        for row in libraries.values("progress__stage").annotate(n=Count("pk")).order_by()
    }
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
    changes_qs = StageSnapshot.objects.for_user(user).filter(
        reason=SnapshotReason.CHANGE, date__gte=since, library__level=LibraryLevel.VILLAGE
    )
    changes = list(changes_qs.select_related("library", "stage").order_by("-date", "-pk")[:25])
    per_month = list(
        changes_qs.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return {
        "stages": stages,
        "stage_counts": stage_counts,
        "total": sum(per_stage.values()),
        "regency_rows": regency_rows,
        "changes": changes,
        "changes_per_month": per_month,
        "since": since,
    }
