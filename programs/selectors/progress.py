"""Reads of the progress page (queries run here, views format)."""

from __future__ import annotations

from ..models import Assessment, Stage, StageSnapshot
from .panel import is_on_ladder, progress_panel

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
