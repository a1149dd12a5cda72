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
from django.db.models import Prefetch
from django.utils import timezone


from ..measures import get_measure
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


def load_ladder(*, include_retired: bool = False) -> list[Stage]:
    """Return the stages in order with `criteria` prefetched (two queries).

    Retired stages and criteria are kept for their verdicts but are no longer part of
    the ladder: left out, unless `include_retired` (the ladder's editor shows them).
    """
    stages = Stage.objects.order_by("order", "pk")
    criteria = Criterion.objects.order_by("order", "pk")
    if not include_retired:
        stages, criteria = stages.filter(retired=False), criteria.filter(retired=False)
    return list(stages.prefetch_related(Prefetch("criteria", queryset=criteria)))


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
        raw = measure.compute(library_ids, *criterion.window(end)) or {}
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


def _library_ids(library_ids: Collection[int] | None) -> list[int]:
    """The ids to recompute, sorted: `library_ids`, or every library when None (one query then)."""
    from villages.models import Library

    if library_ids is None:
        return list(Library.objects.order_by("pk").values_list("pk", flat=True))
    return sorted(set(library_ids))


def _stored_progress(batch: list[int]) -> dict[int, tuple[int | None, dict]]:
    """{library id: (stored stage id, stored criteria)} of the batch (one query)."""
    rows = LibraryProgress.objects.filter(library_id__in=batch).values_list(
        "library_id", "stage_id", "criteria"
    )
    return {library_id: (stage_id, criteria) for library_id, stage_id, criteria in rows}


def _snapshotted_this_month(batch: list[int], today: date) -> set[int]:
    """Ids of the batch's libraries with a snapshot in `today`'s month up to `today` (one query)."""
    return set(
        StageSnapshot.objects.filter(
            library_id__in=batch, date__gte=today.replace(day=1), date__lte=today
        ).values_list("library_id", flat=True)
    )


@dataclass
class _BatchWrites:
    """What one batch writes: changed progress rows, new snapshots, ids only touched in time."""

    progress: list[LibraryProgress] = field(default_factory=list)
    snapshots: list[StageSnapshot] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)


def _snapshot_reason(
    library_id: int,
    stage_id: int | None,
    previous: dict,
    monthly: set[int] | None,
    summary: RecomputeSummary,
) -> str | None:
    """Why a snapshot is due for this library now, or None; counts it in `summary` (no query).

    `monthly` holds the libraries already recorded this month, or is None when no
    monthly snapshot is asked for.
    """
    if library_id not in previous:
        summary.first += 1
        return SnapshotReason.FIRST
    if previous[library_id] != stage_id:
        summary.changed += 1
        return SnapshotReason.CHANGE
    if monthly is not None and library_id not in monthly:
        return SnapshotReason.MONTHLY
    return None


def _batch_writes(
    results: dict[int, LibraryResult],
    stored: dict,
    monthly: set[int] | None,
    *,
    today: date,
    now,
    summary: RecomputeSummary,
) -> _BatchWrites:
    """Compare the batch's new results with what is stored; return what to write (no query)."""
    writes = _BatchWrites()
    previous = {library_id: stage_id for library_id, (stage_id, _criteria) in stored.items()}
    for library_id, result in results.items():
        criteria = {str(pk): item.as_json() for pk, item in result.criteria.items()}
        if stored.get(library_id) == (result.stage_id, criteria):
            # Most libraries did not move: only their computation time is written.
            writes.unchanged.append(library_id)
        else:
            writes.progress.append(
                LibraryProgress(
                    library_id=library_id, stage=result.stage, computed_at=now, criteria=criteria
                )
            )
        reason = _snapshot_reason(library_id, result.stage_id, previous, monthly, summary)
        if reason:
            writes.snapshots.append(
                StageSnapshot(
                    library_id=library_id,
                    stage=result.stage,
                    stage_order=result.stage.order if result.stage else 0,
                    date=today,
                    reason=reason,
                )
            )
    return writes


def _save_batch(writes: _BatchWrites, now) -> None:
    """Write a batch: unchanged rows' time, upserts of progress and snapshots (≤ 3 queries)."""
    if writes.unchanged:
        LibraryProgress.objects.filter(library_id__in=writes.unchanged).update(computed_at=now)
    if writes.progress:
        LibraryProgress.objects.bulk_create(
            writes.progress,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["library"],
            update_fields=["stage", "computed_at", "criteria"],
        )
    if writes.snapshots:
        StageSnapshot.objects.bulk_create(
            writes.snapshots,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["library", "date"],
            update_fields=["stage", "stage_order", "reason"],
        )


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
    started = time.perf_counter()
    today = on or timezone.localdate()
    now = timezone.now()
    ids = _library_ids(library_ids)
    summary = RecomputeSummary(libraries=len(ids))
    ladder = load_ladder()
    for batch in _batches(ids, batch_size):
        results = compute_progress(library_ids=batch, on=today, ladder=ladder)
        stored = _stored_progress(batch)
        monthly = _snapshotted_this_month(batch, today) if monthly_snapshot else None
        writes = _batch_writes(results, stored, monthly, today=today, now=now, summary=summary)
        _save_batch(writes, now)
        summary.snapshots += len(writes.snapshots)
    summary.seconds = time.perf_counter() - started
    return summary
