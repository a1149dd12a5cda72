"""The stage history: its charts name the stages on their axis, and the demo data has a
history to draw.

A 2022-cohort demo library once showed one dot dated today, on an axis reading 0/2/4.
"""

import json
import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from programs.models import SnapshotReason, StageSnapshot
from programs.services import recompute_progress
from tests.languages import use_language

from .dashboard_data import build

pytestmark = pytest.mark.django_db


def chart_json(page: str, test_id: str = "stage-history-chart") -> dict:
    """The chartkick JSON (type, data, options) of the chart inside `data-testid=test_id`."""
    part = page[page.index(f'data-testid="{test_id}"'):]
    found = re.search(r'<script id="chart-[0-9a-f]+-json" type="application/json">(.*?)</script>', part, re.S)
    return json.loads(found.group(1))


@pytest.fixture
def history(ladder, measure_data, library):
    """Stage A since January, no stage before."""
    StageSnapshot.objects.create(library=library, stage=None, stage_order=0, date=date(2025, 12, 1),
                                 reason=SnapshotReason.FIRST)
    StageSnapshot.objects.create(library=library, stage=ladder["A"], stage_order=1, date=date(2026, 1, 1),
                                 reason=SnapshotReason.CHANGE)
    return library


def test_the_progress_chart_names_the_stages_on_its_axis(client, history, ladder):
    url = reverse("programs:library_progress", args=[history.pk])
    chart = chart_json(client.get(url).content.decode())
    assert chart["data"] == [["1 Des 2025", 0], ["1 Jan 2026", 1]]
    options = chart["options"]
    assert options["stage_names"] == {"0": "Belum ada tahap", "1": "A", "2": "B", "3": "C"}
    assert (options["min"], options["max"], options["library"]["scales"]["y"]["ticks"]["stepSize"]) == (0, 3, 1)
    chart = chart_json(use_language(client, "en").get(url).content.decode())
    assert chart["options"]["stage_names"]["0"] == "No stage yet"
    # The script that writes the names on the axis is loaded with the charts.
    assert "programs/stage-axis.js" in client.get(url).content.decode()


def test_the_stage_names_follow_the_language_of_the_ladder(client, history, ladder):
    ladder["A"].name_en = "Starting"
    ladder["A"].save()
    url = reverse("programs:library_progress", args=[history.pk])
    assert chart_json(client.get(url).content.decode())["options"]["stage_names"]["1"] == "A"
    english = chart_json(use_language(client, "en").get(url).content.decode())
    assert english["options"]["stage_names"]["1"] == "Starting"


def test_the_library_dashboard_chart_names_the_stages(
    login, program_admin, ladder, library, other_regency_library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        build([library, other_regency_library], 3, stages=[ladder["A"], ladder["B"]])
    page = login(program_admin).get(reverse("programs:dashboard_library", args=[library.pk])).content.decode()
    options = chart_json(page)["options"]
    assert options["stage_names"] == {"0": "Belum ada tahap", "1": "A", "2": "B", "3": "C"}
    assert options["library"]["scales"]["y"]["ticks"]["stepSize"] == 1


def rows():
    return list(StageSnapshot.objects.order_by("library_id", "date").values_list("library_id", "date", "stage_order", "reason"))


def test_seed_demo_gives_cohort_libraries_a_monthly_history():
    from villages import demo as village_demo

    call_command("seed_demo", stdout=StringIO())
    library = village_demo.get("lampihong_kanan")  # TPBIS 2022 cohort
    this_month = timezone.localdate().replace(day=1)
    snapshots = list(StageSnapshot.objects.filter(library=library).order_by("date"))
    before = [s for s in snapshots if s.date < this_month]
    # One a month, on the first, from January of its cohort year to last month.
    assert before[0].date == date(2022, 1, 1)
    assert all(s.date.day == 1 for s in before)
    assert len(before) == (this_month.year - 2022) * 12 + this_month.month - 1
    assert any(s.date.year < this_month.year for s in snapshots)
    # Computed from the demo records: it climbs once its manager is trained (2022).
    assert before[0].stage_order == 0 and max(s.stage_order for s in snapshots) >= 1
    assert before[0].reason == SnapshotReason.FIRST
    assert {s.reason for s in snapshots[1:]} <= {SnapshotReason.MONTHLY, SnapshotReason.CHANGE}
    # A 2020 replication starts in 2020; agencies' own libraries are not on the ladder.
    assert StageSnapshot.objects.filter(library=village_demo.get("sumberasri"), date=date(2020, 1, 1)).exists()
    assert not StageSnapshot.objects.filter(library__level="regency", date__lt=this_month).exists()

    first = rows()
    call_command("seed_demo", stdout=StringIO())
    assert rows() == first

    recompute_progress(library_ids=[library.pk])
    assert len(chart_json_of_library(library)["data"]) == len(snapshots)


def chart_json_of_library(library):
    from django.test import Client

    return chart_json(Client().get(reverse("programs:library_progress", args=[library.pk])).content.decode())
