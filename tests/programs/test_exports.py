"""Downloads of the assessment list, the cohort list and the monitoring visits."""

import datetime

import pytest
from django.urls import reverse

from programs.models import FundingSource, Visit
from tests.factories import LibraryFactory
from tests.perpus.test_export_view import column, download, export_url, read_export
from tests.programs.factories import AssessmentFactory, ParticipationFactory, ProgramFactory


def listed_ids(client, url_name, context_name, query=""):
    """The ids of the rows the list page itself shows for `query` (first page)."""
    response = client.get(reverse(f"programs:{url_name}") + f"?{query}")
    assert response.status_code == 200
    return sorted(row.pk for row in response.context[context_name])


def make_visit(regency, author, libraries=(), **fields):
    visit = Visit.objects.create(
        regency=regency,
        province=regency.province,
        starts_on=fields.pop("starts_on", datetime.date(2024, 3, 4)),
        ends_on=fields.pop("ends_on", datetime.date(2024, 3, 6)),
        team=fields.pop("team", "Tim Perpusnas"),
        findings=fields.pop("findings", "Layanan berjalan"),
        author=author,
        **fields,
    )
    visit.libraries.set(libraries)
    return visit


@pytest.fixture
def assessments(library, other_regency_library, outside_library, consultant):
    return [
        AssessmentFactory(library=library, author=consultant),
        AssessmentFactory(library=other_regency_library, author=consultant, findings="=1+1"),
        AssessmentFactory(library=outside_library),
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_assessments_hold_the_rows_of_the_list_in_scope(login, consultant, assessments, fmt):
    client = login(consultant)
    rows = download(client, "assessments", fmt)
    ids = sorted(int(pk) for pk in column(rows, "ID"))
    assert ids == listed_ids(client, "assessment_list", "assessments")
    assert assessments[2].pk not in ids and len(ids) == 2
    assert "'=1+1" in column(rows, "Temuan")
    assert set(column(rows, "Dicatat oleh")) == {consultant.get_full_name() or consultant.username}


def test_library_manager_gets_their_library_only(login, library_manager, library, assessments):
    rows = download(login(library_manager), "assessments", "xlsx")
    assert column(rows, "Perpustakaan") == [library.name]


def test_no_role_user_is_refused_like_the_list(login, no_role_user):
    client = login(no_role_user)
    assert client.get(reverse("programs:assessment_list")).status_code == 403
    for key in ("assessments", "cohorts", "visits"):
        assert client.get(export_url(key)).status_code == 403


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("query", ["", "year=2022", "funding=csr", "program=999", "year=abc"])
def test_cohorts_hold_exactly_the_filtered_rows_of_the_list(login, regency_staff, library, other_regency_library,
                                                            regency_library, fmt, query):
    ParticipationFactory(library=library, year=2022)
    ParticipationFactory(library=regency_library, year=2023, funding_source=FundingSource.CSR)
    ParticipationFactory(library=other_regency_library, year=2022)
    client = login(regency_staff)
    rows = download(client, "cohorts", fmt, query)
    listed = client.get(reverse("programs:participation_list") + f"?{query}").context["participations"]
    expected = sorted((p.year, p.library_id) for p in listed)
    assert sorted((int(y), int(pk)) for y, pk in zip(column(rows, "Tahun"), column(rows, "ID perpustakaan"))) == expected
    assert other_regency_library.pk not in [int(pk) for pk in column(rows, "ID perpustakaan")]


def test_cohort_cells_use_labels(login, program_admin, library):
    entry = ParticipationFactory(
        library=library, program=ProgramFactory(), funding_source=FundingSource.CSR, printer_received=True
    )
    row = dict(zip(*download(login(program_admin), "cohorts", "xlsx")))
    assert row["Program"] == entry.program.name
    assert row["Printer diterima"] == "Ya"
    assert row["Sumber dana"] == str(FundingSource.CSR.label)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_visits_in_scope_with_their_libraries(login, consultant, program_admin, balangan, badung, library,
                                              regency_library, outside_library, fmt):
    inside = make_visit(balangan, consultant, [library, regency_library], users_interviewed=7)
    make_visit(badung, program_admin, [outside_library])
    rows = download(login(consultant), "visits", fmt)
    assert [int(pk) for pk in column(rows, "ID")] == [inside.pk]
    row = dict(zip(rows[0], rows[1]))
    assert sorted(row["Perpustakaan yang dikunjungi"].split("; ")) == sorted([library.name, regency_library.name])
    assert int(row["Pemustaka yang diwawancarai"]) == 7


@pytest.mark.parametrize("query", ["date_from=garbage", "date_from=2026-12-10&date_to=2026-12-01", "regency=51.03"])
def test_visits_with_invalid_filters_are_refused(login, consultant, balangan, library, query):
    make_visit(balangan, consultant, [library])
    client = login(consultant)
    response = client.get(export_url("visits", "csv", query))
    assert response.status_code == 400
    assert "Unduhan ditolak" in response.content.decode()
    # Valid filters behave as before.
    assert len(download(client, "visits", "csv", "regency=63.11&date_from=2020-01-01")) == 2


def test_library_managers_get_no_visit_download_like_the_list(login, library_manager, consultant, balangan, library):
    make_visit(balangan, consultant, [library])
    client = login(library_manager)
    assert client.get(reverse("programs:visit_list")).status_code == 403
    assert client.get(reverse("export", args=["visits", "csv"])).status_code == 403


def test_queries_stay_the_same_as_rows_grow(login, program_admin, balangan, library, consultant,
                                           django_assert_max_num_queries):
    client = login(program_admin)
    make_visit(balangan, consultant, [library])
    AssessmentFactory(library=library, author=consultant)
    ParticipationFactory(library=library)

    def consume():
        return [len(read_export(client.get(export_url(key, "xlsx")))) for key in ("visits", "assessments", "cohorts")]

    # (An XLSX first counts whether it is long enough for the background: at most one query.)
    with django_assert_max_num_queries(13) as few:
        assert consume() == [2, 2, 2]
    for n in range(15):
        other = LibraryFactory(village=library.village, name=f"Perpus {n}")
        make_visit(balangan, consultant, [library, other])
        AssessmentFactory(library=other, author=consultant)
        ParticipationFactory(library=other)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert consume() == [17, 17, 17]


def test_list_pages_link_their_downloads(login, program_admin):
    client = login(program_admin)
    page = client.get(reverse("programs:participation_list") + "?year=2022").content.decode()
    assert export_url("cohorts", "xlsx", "year=2022") in page
    page = client.get(reverse("programs:assessment_list")).content.decode()
    assert export_url("assessments", "csv") in page
