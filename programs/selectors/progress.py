"""Reads of the progress page (queries run here, views format)."""

from __future__ import annotations

from django.utils.translation import gettext

from ..models import Assessment, StageSnapshot
from .panel import is_on_ladder, progress_panel

#: Assessments listed on a library's progress page.
PAGE_ASSESSMENTS = 20


def stage_level_names(stages, snapshots=()) -> dict[int, str]:
    """{stage level: name in the active language} for a stage history's axis (no query).

    Levels are the stages' `order` (what a snapshot's `stage_order` records), 0 when no
    stage is reached. A snapshot of a stage no longer on the ladder (retired, or moved
    since) is named after that stage when it is still known.
    """
    names = {0: gettext("No stage yet")}
    for snapshot in snapshots:
        if snapshot.stage is not None:
            names.setdefault(snapshot.stage_order, snapshot.stage.label)
    for stage in stages:
        names[stage.order] = stage.label
    return dict(sorted(names.items()))


def library_progress_page(library, user) -> dict:
    """Return the progress page's data: the panel, stage history, its axis and assessments.

    `level_names` maps the history's levels to stage names and `top_order` is the
    highest level. Queries: those of `progress_panel`, plus snapshots (1) and, for
    users in the library's scope, its latest assessments (1). A library not on the
    ladder gets only the panel's `on_ladder: False`.
    """
    panel = progress_panel(library, user)
    if not is_on_ladder(library):
        return {"panel": panel, "snapshots": [], "top_order": 0, "level_names": {}, "assessments": []}
    snapshots = list(
        StageSnapshot.objects.filter(library=library).select_related("stage").order_by("date")
    )
    level_names = stage_level_names([row.stage for row in panel["stages"]], snapshots)
    top_order = max([s.stage_order for s in snapshots] + list(level_names))
    assessments = []
    if panel["in_scope"]:
        assessments = list(
            Assessment.objects.for_user(user)
            .filter(library=library)
            .select_related("author")
            .order_by("-visited_on", "-pk")[:PAGE_ASSESSMENTS]
        )
    return {
        "panel": panel,
        "snapshots": snapshots,
        "top_order": top_order,
        "level_names": level_names,
        "assessments": assessments,
    }
