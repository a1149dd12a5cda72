from .assessments import Assessment, AssessmentEvidence, AssessmentItem, AssessmentQuerySet, Verdict
from .cohorts import FundingSource, Participation, ParticipationQuerySet, Program
from .ladder import Criterion, CriterionKind, Stage
from .progress import LibraryProgress, SnapshotReason, StageSnapshot
from .summary import (
    ActivityMonthSummary,
    BacklogSummary,
    DashboardRefresh,
    LibraryCohortKey,
    LibraryReportSummary,
    StageMonthSummary,
    cohort_key,
    cohort_token,
)
from .visits import Visit, VisitQuerySet

__all__ = [
    "ActivityMonthSummary",
    "BacklogSummary",
    "DashboardRefresh",
    "LibraryCohortKey",
    "LibraryReportSummary",
    "cohort_key",
    "cohort_token",
    "StageMonthSummary",
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
    "Visit",
    "VisitQuerySet",
]
