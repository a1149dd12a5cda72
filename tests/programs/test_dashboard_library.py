"""The last level of the drill-down: one library's dashboard. Its figures equal those
counted here from its records; it is open to the staff whose scope holds the library."""

from datetime import date, timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.db.models import Max, Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activities.models import Activity, Partnership, ReviewStatus, SupportRecord
from activities.registry import record_types
from tests.programs.factories import AssessmentFactory, ParticipationFactory, ProgramFactory
from tests.programs.visit_helpers import VisitFactory

from .dashboard_data import build


def url(library, query: str = "") -> str:
    return reverse("programs:dashboard_library", args=[library.pk]) + (f"?{query}" if query else "")


def table(response, key):
    return response.context["tables"][key]


@pytest.fixture
def world(ladder, library, other_regency_library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build([library, other_regency_library], 3, stages=[ladder["A"], ladder["B"]])


def test_figures_equal_the_records_of_the_library(login, program_admin, world, library, ladder):
    VisitFactory(regency=library.regency, libraries=[library], starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 3))
    AssessmentFactory(library=library, visited_on=date(2026, 3, 3))
    response = login(program_admin).get(url(library))
    start = (timezone.localdate().replace(day=1) - timedelta(days=330)).replace(day=1)
    mine = Activity.objects.filter(library=library, deleted_at__isnull=True, start_date__gte=start)
    verified = mine.filter(status=ReviewStatus.VERIFIED)
    assert table(response, "activities").footer[-1] == verified.count() > 0
    assert len(table(response, "activities").rows) == 12  # every month of the range
    assert table(response, "activity_review").rows[1][1] == mine.filter(status=ReviewStatus.SUBMITTED).count()
    assert table(response, "participants").rows[0][1] == verified.aggregate(n=Sum("participants_male"))["n"]
    partnerships = Partnership.objects.filter(library=library, status=ReviewStatus.VERIFIED, deleted_at__isnull=True)
    assert len(table(response, "partnerships").rows) == partnerships.count()
    support = SupportRecord.objects.filter(library=library, status=ReviewStatus.VERIFIED, deleted_at__isnull=True)
    assert len(table(response, "support").rows) == support.count()
    waiting = sum(t.model.objects.filter(library=library, deleted_at__isnull=True,
                                         status__in=["submitted", "checked"]).count() for t in record_types())
    backlog = table(response, "backlog").footer
    assert backlog[1] + backlog[2] == waiting
    reporting = [row[1] for row in table(response, "reporting").rows]
    entered = mine.exclude(status=ReviewStatus.DRAFT).aggregate(last=Max("created_at"))["last"]
    assert reporting[2] == timezone.localtime(entered).date()
    # The assessment of the visit's second day is the latest time someone was there.
    assert reporting[5] == date(2026, 3, 3)
    assert [str(row[1]) for row in table(response, "visits").rows] == ["2026-03-03"]
    # Its stage, month by month (two snapshots: last month A, this month B).
    assert [row[1] for row in table(response, "stage_history").rows] == [str(ladder["A"].label), str(ladder["B"].label)]
    page = response.content.decode()
    assert 'data-testid="dashboard-library-stage"' in page and reverse("programs:library_progress", args=[library.pk]) in page


def test_breadcrumb_and_filters_lead_back_up(login, program_admin, regency_staff, province_staff, world, library):
    month = timezone.localdate().replace(day=1)
    query = f"start={month:%Y-%m}&end={month:%Y-%m}"
    # From the regency, a library's link keeps the filters.
    regency = login(program_admin).get(f"/program/dashboard/63.11/?{query}").content.decode()
    assert f'href="{url(library, query).replace("&", "&amp;")}"' in regency
    response = login(program_admin).get(url(library, query))
    assert f'href="/program/dashboard/63.11/?{query.replace("&", "&amp;")}"' in response.content.decode()
    assert table(response, "activities").footer[-1] == 3
    # Regency staff start at their regency; province staff at their province.
    crumbs = login(regency_staff).get(url(library)).context["level"].crumbs
    assert [c.name for c in crumbs] == ["Kabupaten Balangan", library.name]
    crumbs = login(province_staff).get(url(library)).context["level"].crumbs
    assert [c.name for c in crumbs] == ["Kalimantan Selatan", "Kabupaten Balangan", library.name]


def test_who_may_open_it(client, login, consultant, outside_consultant, other_regency_staff, library_manager, world, library,
                        other_regency_library):
    assert login(consultant).get(url(library)).status_code == 200
    assert login(outside_consultant).get(url(library)).status_code == 404
    assert login(other_regency_staff).get(url(library)).status_code == 404
    # A library manager's dashboard is their library's progress page; others are not theirs.
    response = login(library_manager).get(url(library))
    assert response.status_code == 302 and response.url == reverse("programs:library_progress", args=[library.pk])
    assert login(library_manager).get(url(other_regency_library)).status_code == 404
    assert client.post(url(library)).status_code == 405
    client.logout()
    response = client.get(url(library))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_library_outside_the_chosen_cohort_says_so(login, program_admin, world, library, other_regency_library,
                                                    django_capture_on_commit_callbacks):
    program = ProgramFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ParticipationFactory(library=other_regency_library, program=program, year=2024)
    client = login(program_admin)
    assert 'data-testid="dashboard-not-in-cohort"' in client.get(url(library, "year=2024")).content.decode()
    assert 'data-testid="dashboard-not-in-cohort"' not in client.get(url(other_regency_library, "year=2024")).content.decode()


def test_downloads_hold_dates_and_numbers(login, program_admin, world, library):
    client = login(program_admin)
    shown = table(client.get(url(library)), "partnerships")
    sheet = load_workbook(BytesIO(client.get(url(library, "table=partnerships&format=xlsx")).getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + len(shown.rows)
    # Signed on: a date a spreadsheet can sort, not text.
    assert all(hasattr(row[1], "year") for row in rows[1:])


def test_queries_do_not_grow_with_the_records(login, program_admin, ladder, library, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    client = login(program_admin)
    counts = []
    for size in (1, 5):
        with django_capture_on_commit_callbacks(execute=True):
            build([library], size, stages=[ladder["A"]])
        cache.clear()
        client.get(url(library))  # the session and the like, read once
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url(library)).status_code == 200
        counts.append(len(context))
    assert counts[0] == counts[1] <= 25


def test_deleting_a_library_in_a_cohort_renews_its_figures(library, other_regency_library, django_capture_on_commit_callbacks):
    """Its cohort entry goes with it, and asks for a rebuild of a library that is no more."""
    from programs.models import LibraryCohortKey

    with django_capture_on_commit_callbacks(execute=True):
        ParticipationFactory(library=library, program=ProgramFactory(), year=2024)
    assert LibraryCohortKey.objects.filter(library=library).exists()
    with django_capture_on_commit_callbacks(execute=True):
        library.delete()
    assert not LibraryCohortKey.objects.exists()


def test_an_agencys_library_has_no_stage(login, program_admin, world, regency_library):
    """Agencies' own libraries are not on the ladder: their dashboard has no stage section."""
    page = login(program_admin).get(url(regency_library)).content.decode()
    assert 'data-testid="dashboard-library-stage"' not in page and 'data-testid="table-activities"' in page
