"""What the dashboards show and how: labels in the reader's language, every month of the
range, the statistics that are due, the agencies' records, the filters that are valid,
the map's legend and links, and downloads that keep numbers and dates."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override
from openpyxl import load_workbook

from activities.models import ReviewStatus
from programs.services.dashboard_summary import refresh_dashboard_summaries
from tests.activities.records_factories import PartnershipFactory
from tests.programs.factories import ParticipationFactory, ProgramFactory
from villages.models import LibraryStatistic

from .dashboard_data import build

NATION = "/program/dashboard/"


@pytest.fixture
def world(ladder, library, other_regency_library, outside_library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build([library, other_regency_library, outside_library], 2, stages=[ladder["A"], ladder["B"]])


def table(response, key):
    return response.context["tables"][key]


def test_chart_months_are_labels_in_the_readers_language(login, program_admin, world):
    """Chart.js reads only English month names as dates: the months are given as labels."""
    page = login(program_admin).get("/program/dashboard/63/").content.decode()
    with override("id"):
        this_month = date_format(timezone.localdate().replace(day=1), "YEAR_MONTH_FORMAT")
    history = page[page.index('data-testid="stage-history-chart"'):]
    history = history[:history.index("</script>")]
    assert f'"{this_month}"' in history and '"discrete": true' in history and '"curve": false' in history


def test_every_month_of_the_range_has_a_row(login, program_admin, world):
    month = timezone.localdate().replace(day=1)
    first = month
    for _ in range(3):
        first = (first - timedelta(days=1)).replace(day=1)
    response = login(program_admin).get(f"/program/dashboard/63/?start={first:%Y-%m}&end={month:%Y-%m}")
    rows = table(response, "activities").rows
    assert [row[0] for row in rows][0] == first and len(rows) == 4
    assert sum(row[-1] for row in rows[:2]) == 0  # months without activities show 0


def test_a_cohort_year_is_not_written_as_a_number(login, program_admin, world, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ParticipationFactory(library=library, program=ProgramFactory(), year=2024)
    page = login(program_admin).get("/program/dashboard/63/").content.decode()
    assert ">2024</th>" in page and "2.024" not in page


def test_the_statistics_due_are_last_months(login, program_admin, ladder, library, other_regency_library):
    """A month's statistics can be reported once it is over: this month, last month's are due."""
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    earlier = (last_month - timedelta(days=1)).replace(day=1)
    LibraryStatistic.objects.create(library=library, month=last_month, visits_male=3)
    LibraryStatistic.objects.create(library=other_regency_library, month=earlier, visits_male=3)
    refresh_dashboard_summaries()
    response = login(program_admin).get("/program/dashboard/63/")
    board = table(response, "completeness")
    with override("id"):
        assert date_format(last_month, "YEAR_MONTH_FORMAT") in str(board.headers[1])
    reported = {str(row[0]): row[1] for row in board.rows}
    assert reported["Kabupaten Balangan"] == "1 / 1" and reported["Kabupaten Hulu Sungai Utara"] == "0 / 1"
    # When it was saved: the date, whatever the month.
    assert all(row[2] == timezone.localdate() for row in board.rows if str(row[0]) in reported and row[1] != "0 / 0")


def test_an_agencys_partnerships_have_a_row_of_their_own(login, program_admin, world, regency_library):
    """The regency agency is no unit of its regency's dashboard: its partnerships show all the same."""
    today = timezone.localdate()
    for _ in range(2):
        PartnershipFactory(library=regency_library, status=ReviewStatus.VERIFIED, signed_on=today - timedelta(days=10),
                           valid_until=None)
    refresh_dashboard_summaries()
    response = login(program_admin).get("/program/dashboard/63.11/")
    rows = table(response, "partnerships").rows
    assert [str(rows[-1][0]), rows[-1][1]] == ["Dinas dan perpustakaan lain", 2]
    assert table(response, "partnerships").footer[1] == sum(row[1] for row in rows)
    assert 'data-testid="table-partnerships"' in response.content.decode()


def test_a_wrong_filter_leaves_the_others_in_force(login, program_admin, world):
    client = login(program_admin)
    response = client.get(f"{NATION}?start=abcd&end=2026-05")
    assert response.context["form"].errors["start"]
    assert response.context["filters"].month_to.isoformat() == "2026-05-01"
    response = client.get(f"{NATION}?start=1990-01")
    assert response.context["form"].errors["start"] == ["Pilih bulan antara tahun 2000 dan 2100."]


def test_a_consultants_top_level_is_their_provinces(login, consultant, world):
    response = login(consultant).get(NATION)
    assert response.context["level"].name == "Provinsi Anda"
    assert "Dasbor pemantauan: Provinsi Anda" in response.content.decode()


def test_the_map_has_a_legend_and_its_links_keep_the_filters(login, program_admin, world, ladder, library,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        library.latitude, library.longitude = -2.3, 115.4
        library.save()
        ParticipationFactory(library=library, program=ProgramFactory(), year=2024)
    response = login(program_admin).get(f"{NATION}?year=2024")
    legend = response.context["map_legend"]
    assert [name for name, _colour in legend][:3] == ["Belum ada tahap", str(ladder["A"].label), str(ladder["B"].label)]
    points = response.context["map_points"]
    assert [point["url"] for point in points] == ["/program/dashboard/63/?year=2024"]
    assert {point["colour"] for point in points} <= {colour for _name, colour in legend}
    assert 'data-testid="dashboard-map-legend"' in response.content.decode()


def test_a_stray_space_in_a_filter_never_keeps_a_broken_page(login, program_admin, world, library):
    """The cache key trims the filters: the page must be built from the same trimmed values."""
    ParticipationFactory(library=library, program=ProgramFactory(), year=2024)
    client = login(program_admin)
    spaced = client.get(f"{NATION}?year=2024%20")
    assert not spaced.context["form"].errors and spaced.context["filters"].year == 2024
    clean = client.get(f"{NATION}?year=2024")
    assert "pilihan yang valid" not in clean.content.decode()


def test_a_download_with_a_wrong_filter_is_refused(login, program_admin, world):
    response = login(program_admin).get(f"{NATION}?start=2026-13&table=activities&format=xlsx")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'data-testid="export-invalid-filters"' in page and "Isi bulan dengan format TTTT-BB." in page


def test_a_partnership_not_yet_signed_is_not_expiring(login, program_admin, library):
    today = timezone.localdate()
    PartnershipFactory(library=library, status=ReviewStatus.VERIFIED, signed_on=today + timedelta(days=5),
                       valid_until=today + timedelta(days=40))
    PartnershipFactory(library=library, status=ReviewStatus.VERIFIED, signed_on=today - timedelta(days=5),
                       valid_until=today + timedelta(days=40))
    refresh_dashboard_summaries()
    footer = table(login(program_admin).get("/program/dashboard/63/"), "partnerships").footer
    assert footer[1:] == [1, 1, 0]  # in force, expiring within 90 days, expired


def test_a_share_is_a_number_in_the_download(login, program_admin, world):
    client = login(program_admin)
    shown = table(client.get("/program/dashboard/63/"), "participants")
    sheet = load_workbook(BytesIO(client.get("/program/dashboard/63/?table=participants&format=xlsx").getvalue())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert isinstance(rows[1][2], (int, float)) and rows[1][2] == shown.rows[0][2]
    page = client.get("/program/dashboard/63/").content.decode()
    assert f"{str(shown.rows[0][2]).replace('.', ',')}\u00a0%" in page


def test_no_time_ends_a_sentence_with_a_second_period(login, program_admin, world):
    """English times end with "a.m."/"p.m.": a sentence must not add its own period after one."""
    from programs.services.dashboard_summary import refresh_dashboard_summaries
    from tests.languages import use_language

    refresh_dashboard_summaries()  # the page then says when everything was last rebuilt
    client = use_language(login(program_admin), "en")
    page = client.get("/program/dashboard/63/").content.decode()
    assert "Figures computed at" in page and "all rebuilt on" in page
    assert "m.." not in page
