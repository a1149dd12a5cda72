"""Changing the progress ladder: every change recomputes every library's stage, in bulk.

A stage or criterion changed, added or removed changes what every library has met,
so the stored stages (and "what is missing") are recomputed in the same
transaction: a stored stage is never older than the ladder. The recomputation is
`recompute_progress` over all libraries: aggregate queries per batch of libraries,
never a query per library (timed by `make bench`).
"""

from __future__ import annotations

from django.db import transaction

from ..models import Criterion, Stage
from .progress import RecomputeSummary, recompute_progress


def ladder_changed() -> RecomputeSummary:
    """Recompute and store every library's stage after a ladder change (bulk queries)."""
    return recompute_progress()


@transaction.atomic
def stage_save(*, stage: Stage) -> Stage:
    """Validate and save `stage` (new or changed), then recompute every stage. Returns it."""
    stage.full_clean()
    stage.save()
    ladder_changed()
    return stage


@transaction.atomic
def criterion_save(*, criterion: Criterion) -> Criterion:
    """Validate and save `criterion` (new or changed), then recompute every stage. Returns it."""
    criterion.full_clean()
    criterion.save()
    ladder_changed()
    return criterion


@transaction.atomic
def ladder_delete(*, obj: Stage | Criterion) -> None:
    """Delete a stage (with its criteria) or a criterion, then recompute every stage."""
    obj.delete()
    ladder_changed()
