"""Views of the programs app, by resource."""

from .assessments import (
    AssessmentDetailView,
    AssessmentListView,
    assessment_create,
    assessment_update,
    evidence_delete,
    evidence_file,
)
from .cohorts import (
    ParticipationCreateView,
    ParticipationDeleteView,
    ParticipationListView,
    ParticipationUpdateView,
    ProgramCreateView,
    ProgramDeleteView,
    ProgramListView,
    ProgramUpdateView,
)
from .ladder import (
    CriterionCreateView,
    CriterionDeleteView,
    CriterionUpdateView,
    LadderView,
    StageCreateView,
    StageDeleteView,
    StageUpdateView,
    ladder_recompute,
)
from .dashboard import dashboard, library_dashboard
from .progress import library_progress
from .visits import VisitListView, visit_create, visit_delete, visit_detail, visit_report, visit_update

__all__ = [
    "AssessmentDetailView",
    "AssessmentListView",
    "CriterionCreateView",
    "CriterionDeleteView",
    "CriterionUpdateView",
    "LadderView",
    "ParticipationCreateView",
    "ParticipationDeleteView",
    "ParticipationListView",
    "ParticipationUpdateView",
    "ProgramCreateView",
    "ProgramDeleteView",
    "ProgramListView",
    "ProgramUpdateView",
    "StageCreateView",
    "StageDeleteView",
    "StageUpdateView",
    "VisitListView",
    "assessment_create",
    "assessment_update",
    "evidence_delete",
    "evidence_file",
    "dashboard",
    "library_dashboard",
    "ladder_recompute",
    "library_progress",
    "visit_create",
    "visit_delete",
    "visit_detail",
    "visit_report",
    "visit_update",
]
