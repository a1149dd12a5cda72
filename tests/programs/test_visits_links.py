"""Monitoring visits seen from elsewhere: assessments made during them, a library's page,
the start page, and the texts in both languages."""

from datetime import date

import pytest
from django.urls import reverse

from perpus.scopes import scope_of
from programs.models import Assessment, Criterion, CriterionKind
from programs.selectors.visits import library_visits_section
from tests.languages import use_language

from .factories import AssessmentFactory
from .visit_helpers import VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(balangan, library, consultant):
    return VisitFactory(regency=balangan, libraries=[library], author=consultant)


def _create_url(library, **params):
    url = reverse("programs:assessment_create", args=[library.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def _assessment_data(**values):
    """The assessment form's fields: every attested criterion left "not assessed"."""
    data = {f"verdict_{pk}": "not_assessed" for pk in Criterion.objects.filter(kind=CriterionKind.ATTESTED).values_list("pk", flat=True)}
    data.update(values)
    return data


# Assessments made during a visit ---------------------------------------------------


def test_assessment_visit_choices_narrowed(login, consultant, visit, hulu_sungai_utara, badung, library):
    other_regency = VisitFactory(regency=hulu_sungai_utara)
    outside = VisitFactory(regency=badung)
    form = login(consultant).get(_create_url(library)).context["form"]
    choices = list(form.fields["visit"].queryset)
    assert choices == [visit]
    assert other_regency not in choices and outside not in choices
    assert not form.fields["visit"].required


def test_assessment_form_preselects_visit(login, consultant, visit, library):
    form = login(consultant).get(_create_url(library, visit=visit.pk)).context["form"]
    assert form.initial["visit"] == visit.pk
    assert form.initial["visited_on"] == visit.ends_on


def test_outside_visit_not_preselected(login, consultant, badung, library):
    outside = VisitFactory(regency=badung)
    form = login(consultant).get(_create_url(library, visit=outside.pk)).context["form"]
    assert form.initial.get("visit") is None


def test_assessment_during_visit_links_and_joins_library(login, consultant, visit, balangan):
    from ..factories import LibraryFactory, VillageFactory

    second = LibraryFactory(village=VillageFactory(code="63.11.01.2002", regency=balangan))
    response = login(consultant).post(
        _create_url(second), _assessment_data(visited_on="2025-03-11", visit=visit.pk, findings="Baik.")
    )
    assessment = Assessment.objects.get(library=second)
    assert assessment.visit == visit
    assert response["Location"] == visit.get_absolute_url()
    # The visit now lists the library assessed during it.
    assert second in visit.libraries.all()
    page = login(consultant).get(assessment.get_absolute_url()).content.decode()
    assert visit.get_absolute_url() in page


def test_assessment_date_must_fall_within_visit(login, consultant, visit, library):
    response = login(consultant).post(
        _create_url(library), _assessment_data(visited_on="2025-03-20", visit=visit.pk, findings="Baik.")
    )
    assert response.status_code == 200 and "visited_on" in response.context["form"].errors
    assert not Assessment.objects.exists()


def test_assessment_with_outside_visit_refused(login, consultant, badung, library):
    outside = VisitFactory(regency=badung, starts_on=date(2025, 3, 10), ends_on=date(2025, 3, 11))
    response = login(consultant).post(
        _create_url(library), _assessment_data(visited_on="2025-03-11", visit=outside.pk, findings="Baik.")
    )
    assert response.status_code == 200 and "visit" in response.context["form"].errors
    assert not Assessment.objects.exists()


def test_edit_assessment_sets_visit(login, consultant, visit, library):
    assessment = AssessmentFactory(library=library, author=consultant, visited_on=date(2025, 3, 10))
    url = reverse("programs:assessment_update", args=[assessment.pk])
    response = login(consultant).post(url, _assessment_data(visited_on="2025-03-10", visit=visit.pk, findings="Baik."))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.visit == visit


def test_library_manager_sees_assessment_but_not_its_visit(login, library_manager, visit, library):
    assessment = AssessmentFactory(library=library, visit=visit, visited_on=date(2025, 3, 10))
    response = login(library_manager).get(assessment.get_absolute_url())
    assert response.status_code == 200
    assert visit.get_absolute_url() not in response.content.decode()


# A library's page -------------------------------------------------------------------


def _library_page(client, library):
    return client.get(library.get_absolute_url()).content.decode()


def test_library_page_shows_last_visit_to_staff(login, consultant, province_staff, regency_staff, visit, balangan, library):
    newer = VisitFactory(regency=balangan, libraries=[library], starts_on=date(2025, 8, 4), ends_on=date(2025, 8, 5))
    VisitFactory(regency=balangan, starts_on=date(2025, 9, 1), ends_on=date(2025, 9, 1))  # not this library
    for user in (consultant, province_staff, regency_staff):
        page = _library_page(login(user), library)
        assert 'data-testid="library-visits"' in page
        assert newer.get_absolute_url() in page and visit.get_absolute_url() in page
    section = library_visits_section(library, consultant)
    assert section["last_visited_on"] == date(2025, 8, 4)
    assert section["visits"] == [newer, visit] and section["can_record"]
    assert not library_visits_section(library, province_staff)["can_record"]


def test_library_page_hides_visits_from_others(client, login, library_manager, outside_consultant, other_regency_staff, visit, library):
    assert 'data-testid="library-visits"' not in _library_page(client, library)
    for user in (library_manager, outside_consultant, other_regency_staff):
        assert 'data-testid="library-visits"' not in _library_page(login(user), library)
        assert library_visits_section(library, user) is None


def test_last_visit_counts_assessments_as_the_dashboards_do(login, consultant, balangan, library):
    """The section showed the latest visit's first day; the dashboards (`_last_visits`) take
    the latest of the visits' first days and the library's assessments' days."""
    VisitFactory(regency=balangan, libraries=[library], starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 1))
    AssessmentFactory(library=library, author=consultant, visited_on=date(2026, 12, 2))
    AssessmentFactory(library=library, author=consultant, visited_on=date(2026, 11, 20))
    assert library_visits_section(library, consultant)["last_visited_on"] == date(2026, 12, 2)
    page = _library_page(login(consultant), library)
    assert "Terakhir dikunjungi pada 2 Desember 2026." in page
    # An assessment older than the latest visit leaves the visit's day.
    VisitFactory(regency=balangan, libraries=[library], starts_on=date(2026, 12, 5), ends_on=date(2026, 12, 6))
    assert library_visits_section(library, consultant)["last_visited_on"] == date(2026, 12, 5)


def test_last_visit_of_a_library_assessed_without_a_visit(login, consultant, library):
    AssessmentFactory(library=library, author=consultant, visited_on=date(2026, 3, 4))
    section = library_visits_section(library, consultant)
    assert section["visits"] == [] and section["last_visited_on"] == date(2026, 3, 4)
    page = _library_page(login(consultant), library)
    assert "Terakhir dikunjungi pada 4 Maret 2026." in page
    assert "Belum ada kunjungan monitoring" in page


@pytest.mark.parametrize("count", [1, 6])
def test_library_section_fixed_queries(consultant, balangan, library, django_assert_num_queries, count):
    for day in range(count):
        VisitFactory(regency=balangan, libraries=[library], starts_on=date(2026, 1, 1 + day), ends_on=date(2026, 1, 1 + day))
        AssessmentFactory(library=library, author=consultant, visited_on=date(2026, 2, 1 + day))
    scope_of(consultant)  # the scope is read once per request, before the section
    # The latest visits, and the day of the latest assessment: whatever their number.
    with django_assert_num_queries(2):
        section = library_visits_section(library, consultant)
    assert section["last_visited_on"] == date(2026, 2, count)




# The start page ---------------------------------------------------------------------


def test_start_panel_for_those_who_record(login, consultant, province_staff):
    create = reverse("programs:visit_create")
    assert create in login(consultant).get(reverse("start")).content.decode()
    assert create not in login(province_staff).get(reverse("start")).content.decode()


# Both languages -------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, title, button",
    [("id", "Kunjungan monitoring", "Catat kunjungan monitoring"), ("en", "Monitoring visits", "Record a monitoring visit")],
)
def test_list_in_both_languages(login, consultant, visit, language, title, button):
    client = login(consultant)
    use_language(client, language)
    page = client.get(reverse("programs:visit_list")).content.decode()
    assert title in page and button in page
