"""Downloads of the assessment list, the cohort list and the monitoring visits, registered in
`ProgramsConfig.ready()`.

The assessment and cohort downloads run their list view's own checks and `get_queryset()`
(`list_view_queryset`): its filters, its scope, its order. Rows are `.values()`
dictionaries read in chunks; the libraries of a visit come from a subquery.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from perpus.export_registry import (
    ExportDefinition,
    joined_names,
    list_view_queryset,
    model_column,
    register,
    rows,
    value_column,
)
from perpus.exports import Column

from .models import Assessment, Participation, Visit
from .views import AssessmentListView, ParticipationListView, VisitListView


def _person(prefix: str):
    """Getter of a user's full name, else their user name, from `<prefix>__…` values (no query)."""

    def person(row):
        full = f"{row[f'{prefix}__first_name']} {row[f'{prefix}__last_name']}".strip()
        return full or row[f"{prefix}__username"]

    return person


def _person_paths(prefix: str) -> list[str]:
    # Read by `_person`; they are not columns of the sheet (see `rows_with`).
    return [f"{prefix}__first_name", f"{prefix}__last_name", f"{prefix}__username"]


def rows_with(qs, columns, extra_paths):
    """`rows(qs, columns)` also reading `extra_paths` (lazy; one query when read)."""
    return rows(qs, columns + [value_column("", path) for path in extra_paths])


ASSESSMENT_COLUMNS = [
    model_column(Assessment, "pk", _("ID")),
    model_column(Assessment, "visited_on"),
    model_column(Assessment, "library__name", _("Library")),
    model_column(Assessment, "library__npp"),
    model_column(Assessment, "library__regency__name", _("Regency/city")),
    model_column(Assessment, "library__province__name", _("Province")),
    model_column(Assessment, "visit_id", _("Monitoring visit (ID)")),
    Column(_("Recorded by"), _person("author")),
    model_column(Assessment, "findings"),
    model_column(Assessment, "recommendations"),
    model_column(Assessment, "updated_at"),
]
_assessments = list_view_queryset(AssessmentListView)
_visits = list_view_queryset(VisitListView)


def assessment_rows(request):
    """The assessment list's rows for `request`'s user and filters (lazy; one query)."""
    return rows_with(_assessments(request), ASSESSMENT_COLUMNS, _person_paths("author"))


COHORT_COLUMNS = [
    model_column(Participation, "year"),
    model_column(Participation, "program__name", _("Program")),
    model_column(Participation, "library_id", _("Library ID")),
    model_column(Participation, "library__name", _("Library")),
    model_column(Participation, "library__npp"),
    model_column(Participation, "library__regency__name", _("Regency/city")),
    model_column(Participation, "library__province__name", _("Province")),
    model_column(Participation, "funding_source"),
    model_column(Participation, "books_received"),
    model_column(Participation, "computers_received"),
    model_column(Participation, "printer_received"),
    model_column(Participation, "internet_received"),
    model_column(Participation, "training_received"),
    model_column(Participation, "notes"),
]
_participations = list_view_queryset(ParticipationListView)


def cohort_rows(request):
    """The cohort list's rows for `request`'s user and filters (lazy; one query)."""
    return rows(_participations(request), COHORT_COLUMNS)


VISIT_COLUMNS = [
    model_column(Visit, "pk", _("ID")),
    model_column(Visit, "starts_on"),
    model_column(Visit, "ends_on"),
    model_column(Visit, "regency__name", _("Regency/city")),
    model_column(Visit, "province__name", _("Province")),
    model_column(Visit, "team"),
    value_column(_("Libraries visited"), "libraries_visited"),
    model_column(Visit, "purpose"),
    model_column(Visit, "findings"),
    model_column(Visit, "recommendations"),
    model_column(Visit, "users_interviewed"),
    model_column(Visit, "non_users_interviewed"),
    model_column(Visit, "survey_summary"),
    Column(_("Recorded by"), _person("author")),
    model_column(Visit, "updated_at"),
]


def visit_rows(request):
    """The visit list's rows for `request`'s user and filters (lazy; one query): the list's
    own access check (readers of the dashboards), scope, filters and order."""
    qs = _visits(request).annotate(
        libraries_visited=joined_names(
            Visit.libraries.through.objects, link="visit_id", name="library__name"
        )
    )
    return rows_with(qs, VISIT_COLUMNS, _person_paths("author"))


def register_exports():
    """Make the assessment, cohort and visit lists downloadable (no query)."""
    register(
        ExportDefinition(
            "assessments", _("Assessments"), assessment_rows, ASSESSMENT_COLUMNS, _("assessments")
        )
    )
    register(
        ExportDefinition("cohorts", _("Cohort entries"), cohort_rows, COHORT_COLUMNS, _("cohorts"))
    )
    register(
        ExportDefinition("visits", _("Monitoring visits"), visit_rows, VISIT_COLUMNS, _("visits"))
    )
