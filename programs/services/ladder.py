"""Changing the progress ladder: every change recomputes every library's stage, in bulk.

A stage or criterion changed, added or removed changes what every library has met, so
every change records the "ladder" follow-ups (`perpus/followup_plan.py`): the worker
recomputes every stored stage (`recompute_progress` over all libraries: aggregate queries
per batch, never a query per library; timed by `make bench`), the summaries and the pages.

Removing is decided here, for the portal and the admin alike: a stage or criterion
that consultants' verdicts refer to is RETIRED (kept with those verdicts, no longer
counted), never deleted, since a delete would take the verdicts (and their evidence)
with it. Anything else is deleted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import ngettext

from perpus.followups.services import due
from perpus.scopes import has_ability
from perpus.writes import service

from ..models import AssessmentItem, Criterion, Stage, Verdict
from .progress import RecomputeSummary, recompute_progress


def _require_program_admin(user) -> None:
    """Refuse anyone but the program admin: the ladder is the program's (no query)."""
    if not has_ability(user, "configure_program"):
        raise PermissionDenied


def ladder_changed() -> None:
    """Record that every library's stage, the summaries and every page follow a ladder
    change (one insert, and the task)."""
    due("ladder", everything=True)


@service
def stages_recompute(*, user=None, library_ids=None, monthly_snapshot: bool = False) -> RecomputeSummary:
    """Recompute the stages of `library_ids` (every library when None) now, in bulk, and record
    that their summaries and kept pages follow; returns what changed. `user` is the program
    admin who asked (None: the server's operator, from `recompute_stages`)."""
    if user is not None:
        _require_program_admin(user)
    summary = recompute_progress(library_ids=library_ids, monthly_snapshot=monthly_snapshot)
    due("stages.recomputed", library_ids=library_ids or (), everything=library_ids is None)
    return summary


@service
def stage_save(*, stage: Stage, user) -> Stage:
    """Validate and save `stage` (new or changed) for the program admin `user`; every stage is
    recomputed after. Returns it."""
    _require_program_admin(user)
    stage.full_clean()
    stage.save()
    ladder_changed()
    return stage


@service
def criterion_save(*, criterion: Criterion, user) -> Criterion:
    """Validate and save `criterion` (new or changed) for the program admin `user`; every stage
    is recomputed after. Returns it."""
    _require_program_admin(user)
    criterion.full_clean()
    criterion.save()
    ladder_changed()
    return criterion


#: An assessment item worth keeping: a verdict given, a note written or a file attached
#: (even one in the trash). "Not assessed" rows without either carry nothing.
KEPT_ITEMS = ~Q(verdict=Verdict.NOT_ASSESSED) | ~Q(note="") | Q(evidence_files__isnull=False)


@dataclass(frozen=True)
class LadderRemoval:
    """What removing `obj` from the ladder does: delete it, or retire it to keep verdicts."""

    obj: Stage | Criterion
    #: Assessments with a verdict (note or evidence) on it, or on one of the stage's criteria.
    assessments: int

    @property
    def retires(self) -> bool:
        return self.assessments > 0

    @property
    def reason(self) -> str:
        """Why it is retired rather than deleted, translated; "" when it is deleted (no query)."""
        if not self.retires:
            return ""
        if isinstance(self.obj, Stage):
            return ngettext(
                "Criteria of this stage were assessed in %(count)d assessment; "
                "deleting it would lose the consultants' verdicts.",
                "Criteria of this stage were assessed in %(count)d assessments; "
                "deleting it would lose the consultants' verdicts.",
                self.assessments,
            ) % {"count": self.assessments}
        return ngettext(
            "This criterion was assessed in %(count)d assessment; "
            "deleting it would lose the consultants' verdicts.",
            "This criterion was assessed in %(count)d assessments; "
            "deleting it would lose the consultants' verdicts.",
            self.assessments,
        ) % {"count": self.assessments}


def ladder_removal(obj: Stage | Criterion) -> LadderRemoval:
    """Return whether removing `obj` deletes or retires it (one query: its assessments)."""
    where = Q(criterion__stage=obj) if isinstance(obj, Stage) else Q(criterion=obj)
    assessments = (
        AssessmentItem.objects.filter(where)
        .filter(KEPT_ITEMS)
        .values("assessment_id")
        .distinct()
        .count()
    )
    return LadderRemoval(obj=obj, assessments=assessments)


def _remove(obj: Stage | Criterion) -> LadderRemoval:
    """Retire or delete `obj` as `ladder_removal` decides, without recomputing (2 queries and more)."""
    removal = ladder_removal(obj)
    if removal.retires:
        obj.retired = True
        obj.save(update_fields=["retired", "updated_at"])
    else:
        # Only "not assessed" rows without note or file cascade with it.
        obj.delete()
    return removal


@service
def ladder_delete(*, obj: Stage | Criterion, user) -> LadderRemoval:
    """Delete a stage (with its criteria) or a criterion, or retire it when consultants'
    verdicts refer to it, for the program admin `user`; then recompute every stage. Returns
    what was done."""
    _require_program_admin(user)
    removal = _remove(obj)
    ladder_changed()
    return removal


@service
def ladder_delete_many(*, objs: Iterable[Stage | Criterion], user) -> list[LadderRemoval]:
    """`ladder_delete` for several stages or criteria, with one recomputation. Returns what was done."""
    _require_program_admin(user)
    removals = [_remove(obj) for obj in objs]
    ladder_changed()
    return removals
