"""What a library's progress panel shows: stage, criteria met, what is missing.

The one place the panel's data is read. The library page gets it through the
`LibrarySection` registered in `ProgramsConfig.ready()` (`library_section`), the
progress page through `progress_panel`; templates only format it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format

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
    #: (first day, last day) of the completed months a criterion over time counted.
    window: tuple[date, date] | None = None

    @property
    def period(self) -> str:
        """The counted months in the active language: "Sep 2026–Nov 2026", "Nov 2026" or ""."""
        if self.window is None:
            return ""
        first, last = (date_format(day, "M Y") for day in self.window)
        return last if first == last else f"{first}–{last}"


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


@dataclass
class _Figures:
    """The figures the panel shows: stored, or computed live when none are up to date."""

    criteria: dict[int, dict]
    stage: object
    #: When the stored figures were computed; None when computed live.
    computed_at: datetime | None
    #: The day the figures were computed for (the windows of the criteria end before its month).
    day: date

    @property
    def is_live(self) -> bool:
        return self.computed_at is None


def _figures(library, stages: list) -> _Figures:
    """The stored progress of `library` unless the ladder changed since, else a live computation.

    Queries: stored progress (1); live, one per measure and one for verdicts (nothing saved).
    """
    progress = LibraryProgress.objects.filter(library_id=library.pk).select_related("stage").first()
    ladder_changed = max(
        [s.updated_at for s in stages] + [c.updated_at for s in stages for c in s.criteria.all()],
        default=None,
    )
    if progress is None or (ladder_changed is not None and ladder_changed > progress.computed_at):
        today = timezone.localdate()
        result = compute_progress(library_ids=[library.pk], on=today, ladder=stages)[library.pk]
        stored = {pk: item.as_json() for pk, item in result.criteria.items()}
        return _Figures(criteria=stored, stage=result.stage, computed_at=None, day=today)
    return _Figures(
        criteria=_stored_rows(progress),
        stage=progress.stage,
        computed_at=progress.computed_at,
        day=timezone.localdate(progress.computed_at),
    )


def _latest_items(library) -> dict[int, AssessmentItem]:
    """{criterion id: latest decided item} of `library`'s attested criteria (two queries).

    Each item comes with its evidence that is not in the trash.
    """
    rows = (
        AssessmentItem.objects.filter(
            assessment__library_id=library.pk, criterion__kind=CriterionKind.ATTESTED
        )
        .exclude(verdict=Verdict.NOT_ASSESSED)
        .select_related("assessment")
        .prefetch_related(Prefetch("evidence_files", queryset=AssessmentEvidence.objects.alive()))
        .order_by("-assessment__visited_on", "-assessment_id")
    )
    items: dict[int, AssessmentItem] = {}
    for item in rows:
        items.setdefault(item.criterion_id, item)
    return items


def _criterion_row(criterion, data: dict, item, day: date) -> CriterionRow:
    """One criterion's row from its figures `data` computed on `day` (no query)."""
    value = data.get("value")
    start, end = criterion.window(day)
    return CriterionRow(
        criterion=criterion,
        met=bool(data.get("met")),
        value=Decimal(value) if value is not None else None,
        missing=bool(data.get("missing")) or (criterion.is_computed and not data),
        item=item,
        window=(start, end) if start is not None else None,
    )


def _stage_rows(stages: list, figures: _Figures, items: dict) -> list[StageRow]:
    """The ladder's stages with their criteria's rows, reached up to the current one (no query)."""
    current = figures.stage
    current_key = (current.order, current.pk) if current else None
    rows = []
    for stage in stages:
        row = StageRow(
            stage=stage,
            reached=current_key is not None and (stage.order, stage.pk) <= current_key,
            is_current=current is not None and stage.pk == current.pk,
        )
        for criterion in stage.criteria.all():
            data = figures.criteria.get(criterion.pk, {})
            item = items.get(criterion.pk)
            row.criteria.append(_criterion_row(criterion, data, item, figures.day))
        rows.append(row)
    return rows


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
    figures = _figures(library, stages)
    stage_rows = _stage_rows(stages, figures, _latest_items(library) if in_scope else {})
    return {
        "library": library,
        "on_ladder": True,
        "stage": figures.stage,
        "computed_at": figures.computed_at,
        "is_live": figures.is_live,
        "stages": stage_rows,
        "next_stage": next((row for row in stage_rows if not row.reached), None),
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
