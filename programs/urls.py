from django.urls import path, re_path

from perpus.routes import editing_paths, member_paths

from . import views

app_name = "programs"

urlpatterns = [
    # /program/
    path("", views.ProgramListView.as_view(), name="program_list"),
    *editing_paths(
        "programs/", "program", views.ProgramCreateView, views.ProgramUpdateView, views.ProgramDeleteView
    ),
    # /program/cohorts/
    path("cohorts/", views.ParticipationListView.as_view(), name="participation_list"),
    *editing_paths(
        "cohorts/",
        "participation",
        views.ParticipationCreateView,
        views.ParticipationUpdateView,
        views.ParticipationDeleteView,
    ),
    # /program/ladder/
    path("ladder/", views.LadderView.as_view(), name="ladder"),
    path("ladder/recompute/", views.ladder_recompute, name="ladder_recompute"),
    *editing_paths(
        "ladder/stages/", "stage", views.StageCreateView, views.StageUpdateView, views.StageDeleteView
    ),
    *editing_paths(
        "ladder/criteria/",
        "criterion",
        views.CriterionCreateView,
        views.CriterionUpdateView,
        views.CriterionDeleteView,
    ),
    # /program/assessments/
    path("assessments/", views.AssessmentListView.as_view(), name="assessment_list"),
    path("assessments/<int:pk>/", views.AssessmentDetailView.as_view(), name="assessment_detail"),
    path("assessments/<int:pk>/edit/", views.assessment_update, name="assessment_update"),
    path("assessments/evidence/<int:pk>/", views.evidence_file, name="evidence_file"),
    path("assessments/evidence/<int:pk>/delete/", views.evidence_delete, name="evidence_delete"),
    path("libraries/<int:library_pk>/assessments/new/", views.assessment_create, name="assessment_create"),
    # /program/visits/
    path("visits/", views.VisitListView.as_view(), name="visit_list"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    *editing_paths("visits/", "visit", views.visit_create, views.visit_update, views.visit_delete),
    *member_paths("visits/", "visit", {"report": views.visit_report}),
    # /program/libraries/<pk>/progress/ and the dashboard
    path("libraries/<int:pk>/progress/", views.library_progress, name="library_progress"),
    path("dashboard/", views.dashboard, name="dashboard"),
    re_path(r"^dashboard/(?P<code>[0-9]{2}(?:\.[0-9]{2})?)/$", views.dashboard, name="dashboard_unit"),
    path("dashboard/library/<int:pk>/", views.library_dashboard, name="dashboard_library"),
]
