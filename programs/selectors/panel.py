"""What a library's progress panel shows: stage, criteria met, what is missing.

The one place the panel's data is read. The library page gets it through the
`LibrarySection` registered in `ProgramsConfig.ready()` (`library_section`), the
progress page through `progress_panel`; templates only format it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from perpus.scopes import can_create, can_view
from villages.models import LibraryLevel

from ..models import (
    Assessment,
    AssessmentEvidence,
    AssessmentItem,
    CriterionKind,
    LibraryProgress,
    Verdict,
)
from ..services import compute_progress, load_ladder

#: The ladder is the village-library ladder; province and regency libraries are agencies.
LADDER_LEVELS = frozenset({LibraryLevel.VILLAGE})


@dataclass
class CriterionRow:
    criterion: object
    met: bool
    value: Decimal | None = None
    missing: bool = False
    #: Latest decided assessment item (only for users in the library's scope).
    item: AssessmentItem | None = None


@dataclass
class StageRow:
    stage: object
    reached: bool
    is_current: bool = False
    criteria: list[CriterionRow] = field(default_factory=list)

    @property
    def unmet(self) -> list[CriterionRow]:
        return [row for row in self.criteria if not row.met]

    @property
    def met_count(self) -> int:
        """Criteria of this stage met (no query)."""
        return sum(1 for row in self.criteria if row.met)


def is_on_ladder(library) -> bool:
    """Whether the progress ladder applies to `library` (village libraries only; no query)."""
    return library.level in LADDER_LEVELS


def _stored_rows(progress: LibraryProgress) -> dict[int, dict]:
    return {int(key): value for key, value in (progress.criteria or {}).items()}


def progress_panel(library, user) -> dict:
    """Return the panel's data for `library` as seen by `user`.

    For a library not on the ladder (an agency library) returns `{"library",
    "on_ladder": False}` without a query. Otherwise queries: stored progress (1),
    ladder (2), latest verdicts for users in scope (1, plus 1 for their evidence), a
    consultant's provinces (1, cached per request); when no progress is stored or
    the ladder changed since, the computation runs live (one query per measure and
    one for verdicts) without saving.
    """
    if not is_on_ladder(library):
        return {"library": library, "on_ladder": False}
    in_scope = bool(user and user.is_authenticated and can_view(user, library))
    stages = load_ladder()
    progress = LibraryProgress.objects.filter(library_id=library.pk).select_related("stage").first()
    ladder_changed = max(
        [s.updated_at for s in stages] + [c.updated_at for s in stages for c in s.criteria.all()],
        default=None,
    )
    is_live = progress is None or (ladder_changed is not None and ladder_changed > progress.computed_at)
    if is_live:
        result = compute_progress(library_ids=[library.pk], ladder=stages)[library.pk]
        stored = {pk: item.as_json() for pk, item in result.criteria.items()}
        current_stage = result.stage
        computed_at = None
    else:
        stored = _stored_rows(progress)
        current_stage = progress.stage
        computed_at = progress.computed_at

    items: dict[int, AssessmentItem] = {}
    if in_scope:
        rows = (
            AssessmentItem.objects.filter(
                assessment__library_id=library.pk, criterion__kind=CriterionKind.ATTESTED
            )
            .exclude(verdict=Verdict.NOT_ASSESSED)
            .select_related("assessment")
            .prefetch_related(Prefetch("evidence_files", queryset=AssessmentEvidence.objects.alive()))
            .order_by("-assessment__visited_on", "-assessment_id")
        )
        for item in rows:
            items.setdefault(item.criterion_id, item)

    stage_rows = []
    current_key = (current_stage.order, current_stage.pk) if current_stage else None
    for stage in stages:
        reached = current_key is not None and (stage.order, stage.pk) <= current_key
        row = StageRow(
            stage=stage,
            reached=reached,
            is_current=current_stage is not None and stage.pk == current_stage.pk,
        )
        for criterion in stage.criteria.all():
            data = stored.get(criterion.pk, {})
            value = data.get("value")
            row.criteria.append(
                CriterionRow(
                    criterion=criterion,
                    met=bool(data.get("met")),
                    value=Decimal(value) if value is not None else None,
                    missing=bool(data.get("missing")) or (criterion.is_computed and not data),
                    item=items.get(criterion.pk),
                )
            )
        stage_rows.append(row)
    next_stage = next((row for row in stage_rows if not row.reached), None)
    return {
        "library": library,
        "on_ladder": True,
        "stage": current_stage,
        "computed_at": computed_at,
        "is_live": is_live,
        "stages": stage_rows,
        "next_stage": next_stage,
        "in_scope": in_scope,
        "can_assess": in_scope and can_create(user, Assessment),
        # The library page links to the progress page; the progress page does not.
        "show_history_link": True,
    }


def library_section(library, user, request=None) -> dict | None:
    """The panel on a library's page (`villages.sections`), or None for agency libraries.

    Same queries as `progress_panel`.
    """
    if not is_on_ladder(library):
        return None
    return progress_panel(library, user)
