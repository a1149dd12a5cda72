"""Stage computation: the ladder applied to many libraries with a fixed number of queries.

For a batch of libraries the cost is: one call per (measure, window) of the ladder,
each over all libraries of the batch, plus one query for the latest verdicts on
attested criteria. Nothing runs a query per library.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone


from ..measures import get_measure, window_start
from ..models import (
    AssessmentItem,
    Criterion,
    CriterionKind,
    LibraryProgress,
    SnapshotReason,
    Stage,
    StageSnapshot,
    Verdict,
)

#: Libraries per batch: bounds memory and the size of `IN (...)` lists.
BATCH_SIZE = 2000


@dataclass
class CriterionResult:
    criterion_id: int
    met: bool
    #: The figure of a computed criterion (0 when no data), None for attested ones.
    value: Decimal | None = None
    #: True when the criterion's measure is not registered: its data is not recorded yet.
    missing: bool = False
    #: The assessment whose verdict decided an attested criterion.
    assessment_id: int | None = None

    def as_json(self) -> dict:
        return {
            "met": self.met,
            "value": None if self.value is None else str(self.value),
            "missing": self.missing,
            "assessment": self.assessment_id,
        }


@dataclass
class LibraryResult:
    library_id: int
    stage: Stage | None
    criteria: dict[int, CriterionResult] = field(default_factory=dict)

    @property
    def stage_id(self) -> int | None:
        return self.stage.pk if self.stage else None


@dataclass
class RecomputeSummary:
    libraries: int = 0
    changed: int = 0
    first: int = 0
    snapshots: int = 0
    seconds: float = 0.0


def load_ladder() -> list[Stage]:
    """Return the stages in order with `criteria` prefetched (two queries)."""
    return list(Stage.objects.prefetch_related("criteria").order_by("order", "pk"))


def _as_decimal(value) -> Decimal:
    if value is None:
        return Decimal(0)
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def _computed_figures(
    criteria: Iterable[Criterion], library_ids: Collection[int], end: date
) -> dict[tuple[str, int | None], dict[int, Decimal] | None]:
    """Call each (measure, window) once for all libraries; None marks an unregistered measure."""
    figures: dict[tuple[str, int | None], dict[int, Decimal] | None] = {}
    for criterion in criteria:
        key = (criterion.measure, criterion.window_months)
        if key in figures:
            continue
        measure = get_measure(criterion.measure)
        if measure is None:
            figures[key] = None
            continue
        start = window_start(end, criterion.window_months) if measure.windowed else None
        raw = measure.compute(library_ids, start, end) or {}
        figures[key] = {pk: _as_decimal(value) for pk, value in raw.items()}
    return figures


def _latest_verdicts(
    attested_ids: Collection[int], library_ids: Collection[int], end: date
) -> dict[tuple[int, int], tuple[str, int]]:
    """{(library id, criterion id): (verdict, assessment id)} of the latest decided verdicts.

    One query; "not assessed" does not override an earlier verdict.
    """
    if not attested_ids:
        return {}
    rows = (
        AssessmentItem.objects.filter(
            criterion_id__in=attested_ids,
            assessment__library_id__in=library_ids,
            assessment__visited_on__lte=end,
        )
        .exclude(verdict=Verdict.NOT_ASSESSED)
        .order_by("assessment__library_id", "criterion_id", "-assessment__visited_on", "-assessment_id")
        .values_list("assessment__library_id", "criterion_id", "verdict", "assessment_id")
    )
    latest: dict[tuple[int, int], tuple[str, int]] = {}
    for library_id, criterion_id, verdict, assessment_id in rows:
        latest.setdefault((library_id, criterion_id), (verdict, assessment_id))
    return latest


def compute_progress(
    *, library_ids: Collection[int], on: date | None = None, ladder: list[Stage] | None = None
) -> dict[int, LibraryResult]:
    """Compute, without saving, the stage of each library in `library_ids` on day `on`.

    Returns {library id: LibraryResult}. Queries: the ladder (2, unless given), one per
    (measure, window) of the computed criteria and one for attested verdicts.
    A library's stage is the highest stage whose criteria are all met together
    with those of every stage below; a stage without criteria is met.
    """
    end = on or timezone.localdate()
    stages = ladder if ladder is not None else load_ladder()
    library_ids = list(library_ids)
    all_criteria = [c for stage in stages for c in stage.criteria.all()]
    computed = [c for c in all_criteria if c.kind == CriterionKind.COMPUTED]
    attested_ids = [c.pk for c in all_criteria if c.kind == CriterionKind.ATTESTED]
    figures = _computed_figures(computed, library_ids, end) if library_ids else {}
    verdicts = _latest_verdicts(attested_ids, library_ids, end) if library_ids else {}

    results = {}
    for library_id in library_ids:
        result = LibraryResult(library_id=library_id, stage=None)
        climbing = True
        for stage in stages:
            stage_met = True
            for criterion in stage.criteria.all():
                if criterion.kind == CriterionKind.COMPUTED:
                    values = figures.get((criterion.measure, criterion.window_months))
                    if values is None:
                        item = CriterionResult(criterion.pk, met=False, value=Decimal(0), missing=True)
                    else:
                        value = values.get(library_id, Decimal(0))
                        threshold = criterion.threshold if criterion.threshold is not None else 0
                        item = CriterionResult(criterion.pk, met=value >= threshold, value=value)
                else:
                    verdict, assessment_id = verdicts.get((library_id, criterion.pk), ("", None))
                    item = CriterionResult(
                        criterion.pk, met=verdict == Verdict.MET, assessment_id=assessment_id
                    )
                result.criteria[criterion.pk] = item
                stage_met = stage_met and item.met
            # A gap in a lower stage stops the climb, whatever the higher stages meet.
            if climbing and stage_met:
                result.stage = stage
            else:
                climbing = False
        results[library_id] = result
    return results


def _batches(ids: list[int], size: int):
    for index in range(0, len(ids), size):
        yield ids[index : index + size]


@transaction.atomic
def recompute_progress(
    *,
    library_ids: Collection[int] | None = None,
    on: date | None = None,
    monthly_snapshot: bool = False,
    batch_size: int = BATCH_SIZE,
) -> RecomputeSummary:
    """Recompute and save the progress of `library_ids` (all libraries when None).

    Writes `LibraryProgress` for each library and a `StageSnapshot` when the stage
    changed (or on the first computation); with `monthly_snapshot`, also one for
    every library without a snapshot in the month of `on`. Returns a summary.
    Queries per batch: those of `compute_progress`, plus at most five (previous progress,
    this month's snapshots, the computation time of unchanged libraries, and two bulk
    upserts of what changed).
    """
    from villages.models import Library

    started = time.perf_counter()
    today = on or timezone.localdate()
    now = timezone.now()
    if library_ids is None:
        ids = list(Library.objects.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted(set(library_ids))
    summary = RecomputeSummary(libraries=len(ids))
    ladder = load_ladder()
    month_start = today.replace(day=1)
    for batch in _batches(ids, batch_size):
        results = compute_progress(library_ids=batch, on=today, ladder=ladder)
        stored = {
            library_id: (stage_id, criteria)
            for library_id, stage_id, criteria in LibraryProgress.objects.filter(
                library_id__in=batch
            ).values_list("library_id", "stage_id", "criteria")
        }
        previous = {library_id: stage_id for library_id, (stage_id, _c) in stored.items()}
        recorded_this_month = set()
        if monthly_snapshot:
            recorded_this_month = set(
                StageSnapshot.objects.filter(
                    library_id__in=batch, date__gte=month_start, date__lte=today
                ).values_list("library_id", flat=True)
            )
        progress_rows, snapshots, unchanged = [], [], []
        for library_id in batch:
            result = results[library_id]
            criteria = {str(pk): item.as_json() for pk, item in result.criteria.items()}
            if stored.get(library_id) == (result.stage_id, criteria):
                # Most libraries did not move: only their computation time is written.
                unchanged.append(library_id)
            else:
                progress_rows.append(
                    LibraryProgress(
                        library_id=library_id, stage=result.stage, computed_at=now, criteria=criteria
                    )
                )
            reason = None
            if library_id not in previous:
                reason = SnapshotReason.FIRST
                summary.first += 1
            elif previous[library_id] != result.stage_id:
                reason = SnapshotReason.CHANGE
                summary.changed += 1
            elif monthly_snapshot and library_id not in recorded_this_month:
                reason = SnapshotReason.MONTHLY
            if reason:
                snapshots.append(
                    StageSnapshot(
                        library_id=library_id,
                        stage=result.stage,
                        stage_order=result.stage.order if result.stage else 0,
                        date=today,
                        reason=reason,
                    )
                )
        if unchanged:
            LibraryProgress.objects.filter(library_id__in=unchanged).update(computed_at=now)
        if progress_rows:
            LibraryProgress.objects.bulk_create(
                progress_rows,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["library"],
                update_fields=["stage", "computed_at", "criteria"],
            )
        if snapshots:
            StageSnapshot.objects.bulk_create(
                snapshots,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["library", "date"],
                update_fields=["stage", "stage_order", "reason"],
            )
            summary.snapshots += len(snapshots)
    summary.seconds = time.perf_counter() - started
    return summary
