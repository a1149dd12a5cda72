"""Drill-down dashboards: levels in scope, figures equal to the records, filters, downloads."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activities.models import Activity, Partnership, ReviewStatus, SupportRecord
from programs.models import LibraryProgress
from programs.services import recompute_progress
from tests.programs.factories import ParticipationFactory, ProgramFactory

from .dashboard_data import build

NATION = "/program/dashboard/"


@pytest.fixture
def world(ladder, library, other_regency_library, outside_library, django_capture_on_commit_callbacks):
    # The summary refreshes the saves scheduled run, as at a commit: later saves schedule their own.
    with django_capture_on_commit_callbacks(execute=True):
        build([library, other_regency_library, outside_library], 3, stages=[ladder["A"], ladder["B"]])
    return {"libraries": [library, other_regency_library, outside_library]}


def table(response, key):
    return response.context["tables"][key]


def first_cells(response, key):
    return [str(row[0]) for row in table(response, key).rows]


def test_urls():
    assert reverse("programs:dashboard") == NATION
    assert reverse("programs:dashboard_unit", args=["63"]) == "/program/dashboard/63/"
    assert reverse("programs:dashboard_unit", args=["63.11"]) == "/program/dashboard/63.11/"


def test_each_level_lists_the_units_one_below(login, program_admin, world, library):
    client = login(program_admin)
    response = client.get(NATION)
    assert first_cells(response, "stages_by_unit") == ["Bali", "Kalimantan Selatan"]
    page = response.content.decode()
    assert 'href="/program/dashboard/63/' in page
    response = client.get("/program/dashboard/63/")
    assert first_cells(response, "stages_by_unit") == ["Kabupaten Balangan", "Kabupaten Hulu Sungai Utara"]
    assert [c.name for c in response.context["level"].crumbs] == ["Indonesia", "Kalimantan Selatan"]
    response = client.get("/program/dashboard/63.11/")
    assert first_cells(response, "stages_by_unit") == [library.name]
    assert [c.name for c in response.context["level"].crumbs] == ["Indonesia", "Kalimantan Selatan", "Kabupaten Balangan"]
    # The last level: the library's own dashboard, with the breadcrumb back up.
    assert table(response, "stages_by_unit").rows[0][0].url == reverse("programs:dashboard_library", args=[library.pk])
    response = client.get(reverse("programs:dashboard_library", args=[library.pk]))
    assert [c.name for c in response.context["level"].crumbs] == [
        "Indonesia", "Kalimantan Selatan", "Kabupaten Balangan", library.name,
    ]
    assert [c.url for c in response.context["level"].crumbs][:3] == [NATION, "/program/dashboard/63/", "/program/dashboard/63.11/"]


def test_figures_equal_the_records(login, program_admin, world, ladder, library, other_regency_library):
    response = login(program_admin).get("/program/dashboard/63/")
    in_kalsel = Activity.objects.filter(province_id="63", deleted_at__isnull=True)
    verified = in_kalsel.filter(status=ReviewStatus.VERIFIED)
    activities = table(response, "activities")
    assert activities.footer[-1] == verified.count() == 12
    review = table(response, "activity_review").rows
    assert review[0][1] == verified.count()
    assert review[1][1] == in_kalsel.filter(status__in=["submitted", "checked"]).count()
    # Men, women, children, youth, adults, elderly, disabled, UMKM.
    participants = [row[1] for row in table(response, "participants").rows]
    assert participants[0] == sum(a.participants_male for a in verified)
    assert participants[1] == sum(a.participants_female for a in verified)
    assert participants[3] == sum(a.participants_youth for a in verified)
    assert participants[5] == sum(a.participants_elderly for a in verified)
    today = timezone.localdate()
    partnerships = Partnership.objects.filter(province_id="63", status="verified")
    assert table(response, "partnerships").footer[1:] == [
        sum(1 for p in partnerships if p.valid_until is None or p.valid_until >= today),
        sum(1 for p in partnerships if p.valid_until and today <= p.valid_until <= today + timedelta(days=90)),
        sum(1 for p in partnerships if p.valid_until and p.valid_until < today),
    ]
    support = SupportRecord.objects.filter(province_id="63", status="verified")
    assert table(response, "support").footer[1:] == [
        sum(1 for s in support if s.kind == "regulation"),
        sum(1 for s in support if s.kind == "budget"),
        sum(s.amount for s in support if s.kind == "budget"),
    ]
    # Stage history: each library's snapshot per month.
    history = table(response, "stage_history").rows
    assert [row[1:] for row in history] == [[0, 2, 0, 0, 2], [0, 0, 2, 0, 2]]
    # Current stage (none computed yet: no progress rows).
    assert table(response, "stages").footer[1] == 2
    board = {str(row[0]): row for row in table(response, "completeness").rows}
    assert board["Kabupaten Balangan"][1] == "1 / 1" and board["Kabupaten Balangan"][3] == "1 / 1"
    backlog = table(response, "backlog")
    assert backlog.rows[0][1] == Activity.objects.filter(province_id="63", status="submitted", needs_check=True, deleted_at__isnull=True).count()


def test_current_stage_counts_follow_progress(login, program_admin, ladder, measure_data, library, other_regency_library):
    measure_data.points[library.pk] = 10
    recompute_progress(library_ids=[library.pk, other_regency_library.pk])
    response = login(program_admin).get("/program/dashboard/63/")
    assert [row[1] for row in table(response, "stages").rows] == [1, 1, 0, 0]  # none, A, B, C
    assert LibraryProgress.objects.count() == 2


def test_silent_libraries_and_last_visit(login, program_admin, ladder, library, other_regency_library):
    from tests.programs.factories import AssessmentFactory

    build([library], 1)
    AssessmentFactory(library=other_regency_library, visited_on=timezone.localdate() - timedelta(days=5))
    from programs.services.dashboard_summary import refresh_dashboard_summaries

    refresh_dashboard_summaries()
    response = login(program_admin).get("/program/dashboard/63/")
    silent = table(response, "silent").rows
    assert [str(row[0]) for row in silent] == [other_regency_library.name]
    assert silent[0][4] != "–"
    board = {str(row[0]): row for row in table(response, "completeness").rows}
    assert board["Kabupaten Hulu Sungai Utara"][6] == 1 and board["Kabupaten Balangan"][6] == 0


def test_consultant_never_sees_another_province(login, consultant, world, outside_library):
    client = login(consultant)
    response = client.get(NATION)
    assert first_cells(response, "stages_by_unit") == ["Kalimantan Selatan"]
    # (In the page's main part: a random user name in the navigation may contain "Bali".)
    assert "Bali" not in response.content.decode().split('id="main"', 1)[1]
    assert all(point["name"] != "Bali" for point in response.context["map_points"])
    # Totals hold only Kalimantan Selatan's two libraries and 12 verified activities.
    assert table(response, "stages").footer[1] == 2
    assert table(response, "activities").footer[-1] == 12
    assert client.get("/program/dashboard/51/").status_code == 404
    assert client.get("/program/dashboard/51.03/").status_code == 404
    assert client.get("/program/dashboard/51.03/?format=csv&table=completeness").status_code == 404
    csv = client.get(NATION + "?format=csv&table=stages_by_unit").getvalue().decode("utf-8-sig")
    assert "Kalimantan Selatan" in csv and "Bali" not in csv
    assert client.get("/program/dashboard/99/").status_code == 404


def test_home_level_of_each_role(login, client, province_staff, regency_staff, library_manager, no_role_user, world):
    assert login(province_staff).get(NATION).url == "/program/dashboard/63/"
    assert login(province_staff).get(NATION).status_code == 302
    assert login(province_staff).get("/program/dashboard/63.08/").status_code == 200
    assert login(province_staff).get("/program/dashboard/51/").status_code == 404
    client = login(regency_staff)
    assert client.get(NATION + "?year=2024").url == "/program/dashboard/63.11/?year=2024"
    assert client.get("/program/dashboard/63/").status_code == 404
    assert client.get("/program/dashboard/63.08/").status_code == 404
    response = client.get("/program/dashboard/63.11/")
    assert [c.name for c in response.context["level"].crumbs] == ["Kabupaten Balangan"]
    assert login(library_manager).get(NATION).url == reverse("programs:library_progress", args=[library_manager.library_id])
    assert login(library_manager).get("/program/dashboard/63/").status_code == 403
    assert login(no_role_user).get(NATION).status_code == 403
    client.logout()
    assert client.get("/program/dashboard/63/").status_code == 302


def test_read_only_answers_post_with_405(login, program_admin, world):
    assert login(program_admin).post("/program/dashboard/63/").status_code == 405


def test_filters_by_cohort_and_months_are_kept_when_drilling(login, program_admin, world, library, other_regency_library,
                                                            django_capture_on_commit_callbacks):
    program = ProgramFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ParticipationFactory(library=library, program=program, year=2024)
    client = login(program_admin)
    month = timezone.localdate().replace(day=1)
    query = f"program={program.pk}&year=2024&start={month:%Y-%m}&end={month:%Y-%m}"
    response = client.get(f"/program/dashboard/63/?{query}")
    assert table(response, "stages").footer[1] == 1
    # Only this month's verified activities of the cohort's library (3 of 6).
    assert table(response, "activities").footer[-1] == 3
    assert first_cells(response, "stages_by_cohort") == ["2024"]
    page = response.content.decode()
    assert f'href="/program/dashboard/63.11/?{query.replace("&", "&amp;")}"' in page
    # Bad input: a message, defaults used, never a 500.
    response = client.get("/program/dashboard/63/?start=2026-13&end=abc&year=x")
    assert response.status_code == 200 and response.context["form"].errors


def test_xlsx_and_csv_hold_the_table_rows(login, program_admin, world):
    client = login(program_admin)
    url = "/program/dashboard/63/"
    shown = table(client.get(url), "partnerships")
    response = client.get(url + "?format=xlsx&table=partnerships")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.getvalue())).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == [str(h) for h in shown.headers]
    assert rows[1:] == [[str(r[0]), *r[1:]] for r in shown.rows] + [[str(shown.footer[0]), *shown.footer[1:]]]
    assert client.get(url + "?format=pdf&table=partnerships").status_code == 404
    assert client.get(url + "?format=csv&table=nothing").status_code == 404
    cache.clear()  # the page's tables are in the context only when it is built, not when kept
    for key in client.get(url).context["tables"]:
        assert client.get(f"{url}?format=csv&table={key}").status_code == 200


def test_charts_and_their_tables(login, program_admin, world):
    page = login(program_admin).get("/program/dashboard/63/").content.decode()
    assert page.index("chartkick.js") < page.index('data-testid="stage-chart"')
    for test_id in ("stage-chart", "stage-history-chart", "activity-chart", "participant-chart"):
        assert f'data-testid="{test_id}"' in page
    assert page.count("<details") >= 4
    assert 'id="dashboard-map-data"' in page


def test_a_cohort_of_every_library_has_the_unfiltered_figures(login, program_admin, world, library, other_regency_library,
                                                             django_capture_on_commit_callbacks):
    """A cohort holding every library of the province: its figures are the province's."""
    program = ProgramFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for member in (library, other_regency_library):
            ParticipationFactory(library=member, program=program, year=2024)
    client = login(program_admin)
    plain = client.get("/program/dashboard/63/")
    cohort = client.get(f"/program/dashboard/63/?program={program.pk}")
    for key in ("stage_history", "activities", "activity_review", "participants", "backlog", "completeness"):
        assert table(plain, key).rows == table(cohort, key).rows, key


def test_summaries_follow_a_saved_record(login, program_admin, ladder, library, regency_staff, consultant):
    """Through the workflow: one activity entered, submitted, checked and verified; another
    only submitted."""
    from activities.models import ActivityKind
    from activities.services.records import record_create
    from activities.services.workflow import record_check, record_submit, record_verify
    from tests.activities.factories import ActivityFactory

    client = login(program_admin)
    month = timezone.localdate().replace(day=1)
    done, waiting = (
        record_create(record=ActivityFactory.build(library=library, kind=ActivityKind.COMMUNITY, start_date=month),
                      user=regency_staff)
        for _ in range(2)
    )
    for record in (done, waiting):
        record_submit(record=record, user=regency_staff)
    record_check(record=done, user=regency_staff)
    record_verify(record=done, user=consultant)
    response = client.get("/program/dashboard/63.11/")
    assert table(response, "activities").footer[-1] == 1
    assert table(response, "backlog").footer[1] == 1  # waiting for the regency's check
    assert table(client.get(NATION), "activities").footer[-1] == 1
