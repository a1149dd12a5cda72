"""Business rules of the programs app: stage computation and assessments."""

from .assessments import assessment_create, assessment_update, evidence_delete, evidence_restore
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
    "recompute_progress",
    "stage_save",
    "stages_recompute",
]
