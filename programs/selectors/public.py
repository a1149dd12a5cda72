"""What the public pages of places show of the program: libraries by stage, stage badges.

Registered in `ProgramsConfig.ready()`: `stages_section` as a `perpus.public_sections`
part (home, province and regency pages), `stage_badges` as the badge provider of the
library lists (`villages.public.register_badges`). Only published libraries count.
"""

from __future__ import annotations

from django.db.models import Count

from perpus.public_sections import Place
from villages.models import Library, LibraryLevel

from ..models import LibraryProgress, Stage

#: Badge colours by rung of the ladder (Bootstrap's text-bg-*), from the first stage up.
BADGE_COLOURS = ["secondary", "info", "primary", "success"]


def _colour(index: int) -> str:
    return BADGE_COLOURS[min(index, len(BADGE_COLOURS) - 1)]


def stage_badges(library_ids) -> dict[int, dict]:
    """{library id: {"label", "css"}} for those of `library_ids` with a stored stage (two queries: the stages, then theirs)."""
    on_ladder = Stage.objects.filter(retired=False).order_by("order", "pk")
    stage_ids = list(on_ladder.values_list("pk", flat=True))
    rungs = {pk: index for index, pk in enumerate(stage_ids)}
    rows = LibraryProgress.objects.filter(library_id__in=library_ids, stage__isnull=False).select_related("stage")
    return {
        row.library_id: {"label": row.stage.label, "css": _colour(rungs.get(row.stage_id, 0))} for row in rows
    }


def stages_section(place: Place) -> dict | None:
    """The published village libraries of `place` by stage reached, with those on no stage yet
    (two queries); None when the place has no village library."""
    libraries = Library.objects.public().filter(level=LibraryLevel.VILLAGE, **place.lookup())
    total = libraries.count()
    if not total:
        return None
    counts = dict(
        LibraryProgress.objects.filter(library__in=libraries, stage__isnull=False)
        .values_list("stage_id")
        .annotate(n=Count("pk"))
        .values_list("stage_id", "n")
    )
    stages = list(Stage.objects.filter(retired=False).order_by("order", "pk"))
    rows = [{"stage": stage, "count": counts.get(stage.pk, 0), "css": _colour(i)} for i, stage in enumerate(stages)]
    return {"rows": rows, "total": total, "no_stage": total - sum(counts.values())}
