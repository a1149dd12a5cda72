from .assessments import Assessment, AssessmentEvidence, AssessmentItem, AssessmentQuerySet, Verdict
from .cohorts import ADMIN_ONLY, FundingSource, Participation, ParticipationQuerySet, Program
from .ladder import Criterion, CriterionKind, Stage
from .progress import LibraryProgress, SnapshotReason, StageSnapshot

__all__ = [
    "ADMIN_ONLY",
    "Assessment",
    "AssessmentEvidence",
    "AssessmentItem",
    "AssessmentQuerySet",
    "Criterion",
    "CriterionKind",
    "FundingSource",
    "LibraryProgress",
    "Participation",
    "ParticipationQuerySet",
    "Program",
    "SnapshotReason",
    "Stage",
    "StageSnapshot",
    "Verdict",
]
