"""Business rules of the programs app: programs and cohorts, visits, assessments, the
ladder and stage computation. Each change people make has one service function
(`perpus.writes.service`), whatever the channel."""

from .assessments import (
    assessment_create,
    assessment_delete,
    assessment_update,
    evidence_delete,
    evidence_restore,
)
from .cohorts import participation_delete, participation_save
from .ladder import (
    LadderRemoval,
    criterion_save,
    ladder_changed,
    ladder_delete,
    ladder_delete_many,
    ladder_removal,
    stage_save,
    stages_recompute,
)
from .programs import program_delete, program_save
from .visits import visit_create, visit_delete, visit_restore, visit_update
from .progress import (
    CriterionResult,
    LibraryResult,
    RecomputeSummary,
    compute_progress,
    load_ladder,
    recompute_progress,
)

__all__ = [
    "CriterionResult",
    "LadderRemoval",
    "LibraryResult",
    "RecomputeSummary",
    "assessment_create",
    "assessment_delete",
    "assessment_update",
    "compute_progress",
    "criterion_save",
    "evidence_delete",
    "evidence_restore",
    "ladder_changed",
    "ladder_delete",
    "ladder_delete_many",
    "ladder_removal",
    "load_ladder",
    "participation_delete",
    "participation_save",
    "program_delete",
    "program_save",
    "recompute_progress",
    "stage_save",
    "stages_recompute",
    "visit_create",
    "visit_delete",
    "visit_restore",
    "visit_update",
]
