from django.urls import path, re_path

from . import views

app_name = "programs"

urlpatterns = [
    # /program/
    path("", views.ProgramListView.as_view(), name="program_list"),
    path("programs/new/", views.ProgramCreateView.as_view(), name="program_create"),
    path("programs/<int:pk>/edit/", views.ProgramUpdateView.as_view(), name="program_update"),
    path("programs/<int:pk>/delete/", views.ProgramDeleteView.as_view(), name="program_delete"),
    # /program/cohorts/
    path("cohorts/", views.ParticipationListView.as_view(), name="participation_list"),
    path("cohorts/new/", views.ParticipationCreateView.as_view(), name="participation_create"),
    path("cohorts/<int:pk>/edit/", views.ParticipationUpdateView.as_view(), name="participation_update"),
    path("cohorts/<int:pk>/delete/", views.ParticipationDeleteView.as_view(), name="participation_delete"),
    # /program/ladder/
    path("ladder/", views.LadderView.as_view(), name="ladder"),
    path("ladder/recompute/", views.ladder_recompute, name="ladder_recompute"),
    path("ladder/stages/new/", views.StageCreateView.as_view(), name="stage_create"),
    path("ladder/stages/<int:pk>/edit/", views.StageUpdateView.as_view(), name="stage_update"),
    path("ladder/stages/<int:pk>/delete/", views.StageDeleteView.as_view(), name="stage_delete"),
    path("ladder/criteria/new/", views.CriterionCreateView.as_view(), name="criterion_create"),
    path("ladder/criteria/<int:pk>/edit/", views.CriterionUpdateView.as_view(), name="criterion_update"),
    path("ladder/criteria/<int:pk>/delete/", views.CriterionDeleteView.as_view(), name="criterion_delete"),
    # /program/assessments/
    path("assessments/", views.AssessmentListView.as_view(), name="assessment_list"),
    path("assessments/<int:pk>/", views.AssessmentDetailView.as_view(), name="assessment_detail"),
    path("assessments/<int:pk>/edit/", views.assessment_update, name="assessment_update"),
    path("assessments/evidence/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("assessments/evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("libraries/<int:library_pk>/assessments/new/", views.assessment_create, name="assessment_create"),
    # /program/visits/
    path("visits/", views.VisitListView.as_view(), name="visit_list"),
    path("visits/new/", views.visit_create, name="visit_create"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/edit/", views.visit_update, name="visit_update"),
    path("visits/<int:pk>/delete/", views.visit_delete, name="visit_delete"),
    path("visits/<int:pk>/report/", views.visit_report, name="visit_report"),
    # /program/libraries/<pk>/progress/ and the dashboard
    path("libraries/<int:pk>/progress/", views.library_progress, name="library_progress"),
    path("dashboard/", views.dashboard, name="dashboard"),
    re_path(r"^dashboard/(?P<code>[0-9]{2}(?:\.[0-9]{2})?)/$", views.dashboard, name="dashboard_unit"),
    path("dashboard/library/<int:pk>/", views.library_dashboard, name="dashboard_library"),
]
