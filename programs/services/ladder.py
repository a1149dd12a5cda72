"""Changing the progress ladder: every change recomputes every library's stage, in bulk.

A stage or criterion changed, added or removed changes what every library has met, so
every change records the "ladder" follow-ups (`perpus/followup_plan.py`): the worker
recomputes every stored stage (`recompute_progress` over all libraries: aggregate queries
per batch, never a query per library; timed by `make bench`), the summaries and the pages.
"""

from __future__ import annotations

from django.db import transaction

from perpus.followups.services import due

from ..models import Criterion, Stage


def ladder_changed() -> None:
    """Record that every library's stage, the summaries and every page follow a ladder
    change (one insert, and the task)."""
    due("ladder", everything=True)


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
