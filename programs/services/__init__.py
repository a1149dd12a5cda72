"""Business rules of the programs app: stage computation and assessments."""

from .assessments import assessment_create, assessment_update
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
    "LibraryResult",
    "RecomputeSummary",
    "assessment_create",
    "assessment_update",
    "compute_progress",
    "load_ladder",
    "recompute_progress",
]
