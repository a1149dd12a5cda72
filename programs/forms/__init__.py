from .assessments import AssessmentForm
from .cohorts import ParticipationForm, ProgramForm
from .ladder import CriterionForm, StageForm

__all__ = ["AssessmentForm", "CriterionForm", "ParticipationForm", "ProgramForm", "StageForm"]
