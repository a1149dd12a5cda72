"""The library progress panel, the progress page with its history, and the dashboard."""

from datetime import date, timedelta

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

import programs
from programs.models import SnapshotReason, StageSnapshot, Verdict
from programs.selectors import library_section, progress_panel
from programs.services import recompute_progress
from villages.sections import library_sections
from tests.factories import LibraryFactory, VillageFactory
from tests.languages import use_language

from .factories import AssessmentFactory, AssessmentItemFactory, day_last_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessed_library(ladder, measure_data, library, consultant):
    """A library at stage A with 4 points short of nothing, an accredited verdict with a note."""
    measure_data.points[library.pk] = 10
    measure_data.events.append((library.pk, day_last_month()))
    AssessmentItemFactory(
        assessment=AssessmentFactory(library=library, author=consultant, visited_on=date(2024, 1, 5), findings="Rahasia"),
        criterion=ladder["accredited"],
        verdict=Verdict.MET,
        note="Catatan internal",
    )
    recompute_progress(library_ids=[library.pk])
    return library


def english(client):
    return use_language(client, "en")


def test_public_sees_stage_figures_and_missing_but_no_assessment_details(client, assessed_library, ladder):
    page = english(client).get(assessed_library.get_absolute_url()).content.decode()
    assert 'data-testid="current-stage">A<' in page
    assert "10 pts, needs ≥ 10" in page
    assert "1 events in the last 3 full months (" in page and "), needs ≥ 2" in page
    assert "What is still missing for the next stage, B" in page
    assert "Confirmed by a consultant" in page
    assert "Catatan internal" not in page
    assert reverse("programs:assessment_detail", args=[assessed_library.assessments.get().pk]) not in page
    assert "Record an assessment" not in page
    assert reverse("programs:library_progress", args=[assessed_library.pk]) in page


def test_consultant_in_scope_sees_assessment_and_record_link(login, consultant, outside_consultant, assessed_library):
    page = english(login(consultant)).get(assessed_library.get_absolute_url()).content.decode()
    assert "Catatan internal" in page
    assert reverse("programs:assessment_create", args=[assessed_library.pk]) in page
    page = english(login(outside_consultant)).get(assessed_library.get_absolute_url()).content.decode()
    assert "Catatan internal" not in page and "Record an assessment" not in page


def test_unregistered_measure_says_data_not_yet_recorded(client, library, monkeypatch):
    # Every default measure is registered by now; pretend one app has not registered its own.
    from programs.measures import MEASURES

    monkeypatch.delitem(MEASURES, "spptik_trained")
    page = english(client).get(library.get_absolute_url()).content.decode()
    assert "data not yet recorded" in page
    assert "No stage reached yet" in page


def test_panel_selector_runs_a_fixed_number_of_queries(ladder, measure_data, consultant, django_assert_num_queries):
    libraries = [LibraryFactory(village=VillageFactory(code=f"63.11.01.20{n:02d}")) for n in range(1, 4)]
    for library in libraries:
        measure_data.points[library.pk] = 10
    recompute_progress(library_ids=[lib.pk for lib in libraries])
    # Ladder (2) + stored progress (1) + consultant's provinces (1) + latest verdicts (1).
    with django_assert_num_queries(5):
        assert progress_panel(libraries[0], consultant)["stage"] == ladder["A"]
    with django_assert_num_queries(3):
        assert progress_panel(libraries[1], AnonymousUser())["stage"] == ladder["A"]


def test_library_page_gets_the_panel_from_the_registered_section(client, library, ladder, measure_data):
    measure_data.points[library.pk] = 10
    recompute_progress(library_ids=[library.pk])
    sections = {part.key: part for part in library_sections(library, AnonymousUser())}
    assert sections["progress"].template == "programs/_library_section.html"
    assert sections["progress"].data["stage"] == ladder["A"]
    # No template tag reads the stage: the panel's template only formats `section`.
    assert not (Path(programs.__file__).parent / "templatetags").exists()
    page = english(client).get(library.get_absolute_url()).content.decode()
    assert 'data-testid="current-stage">A<' in page


@pytest.mark.parametrize("fixture", ["regency_library", "province_library"])
def test_agency_library_is_not_on_the_village_ladder(client, request, fixture):
    agency = request.getfixturevalue(fixture)
    recompute_progress(library_ids=[agency.pk])
    assert library_section(agency, AnonymousUser()) is None
    page = english(client).get(agency.get_absolute_url()).content.decode()
    assert 'data-testid="library-progress"' not in page
    assert ", needs ≥" not in page and ", perlu ≥" not in page
    page = english(client).get(reverse("programs:library_progress", args=[agency.pk])).content.decode()
    assert 'data-testid="not-on-ladder"' in page
    assert ", needs ≥" not in page and "current-stage" not in page and "Stage history" not in page


def _chart_ids_and_script_position(page):
    """(ids of the charts, whether chartkick.js is loaded before every chart's inline script)."""
    ids = re.findall(r'<div id="(chart-[0-9a-f]+)"', page)
    library_at = page.find("chartkick/chartkick.js")
    bundle_at = page.find("chartkick/Chart.bundle.js")
    inline_at = [page.find("document.currentScript.previousElementSibling", page.find(i)) for i in ids]
    loaded_first = library_at != -1 and bundle_at != -1 and all(
        bundle_at < library_at < at for at in inline_at
    )
    return ids, loaded_first


def test_charts_are_drawn_at_once_on_the_progress_page(login, program_admin, assessed_library):
    """Each chart's inline script reads `document.currentScript`; it is null when the script
    runs later from the "chartkick:load" event, so Chart.js must already be loaded.
    (The dashboards' charts: tests/programs/test_dashboard.py.)"""
    client = login(program_admin)
    page = client.get(reverse("programs:library_progress", args=[assessed_library.pk])).content.decode()
    ids, loaded_first = _chart_ids_and_script_position(page)
    assert len(ids) == 1 and loaded_first
    # The chart's JSON sits right before its inline script, as chartkick's script expects.
    assert re.search(r'<script id="chart-[0-9a-f]+-json" type="application/json">.*?</script>\s*<script>', page, re.S)


@pytest.mark.parametrize("name, args", [("library_progress", ["pk"])])
def test_read_only_pages_answer_post_with_405(login, program_admin, library, name, args):
    url = reverse(f"programs:{name}", args=[library.pk for _ in args])
    assert login(program_admin).post(url).status_code == 405


def test_progress_page_draws_history(client, assessed_library, measure_data, ladder):
    StageSnapshot.objects.filter(library=assessed_library).update(date=date(2024, 1, 1))
    measure_data.events.append((assessed_library.pk, day_last_month()))
    recompute_progress(library_ids=[assessed_library.pk])
    response = client.get(reverse("programs:library_progress", args=[assessed_library.pk]))
    assert [s.stage for s in response.context["snapshots"]] == [ladder["A"], ladder["C"]]
    page = response.content.decode()
    assert "Chartkick" in page and "chartkick.js" in page


def _chart(page):
    """The chartkick chart's data (as [label, value] pairs) and options, from its JSON script."""
    import json

    found = re.search(r'<script id="chart-[0-9a-f]+-json" type="application/json">(.*?)</script>', page, re.S)
    chart = json.loads(found.group(1))
    return chart["data"], chart["options"]


def test_stage_history_axis_is_labelled_in_the_page_language(client, assessed_library):
    """The time axis read "Aug 28, Sep 7…" on Indonesian pages (Chart.js's own English dates):
    the dates are labels written by Django in the active language, on a discrete axis."""
    StageSnapshot.objects.filter(library=assessed_library).update(date=date(2026, 8, 28))
    StageSnapshot.objects.create(library=assessed_library, stage=None, stage_order=0, date=date(2026, 12, 7),
                                 reason=SnapshotReason.CHANGE)
    url = reverse("programs:library_progress", args=[assessed_library.pk])
    data, options = _chart(client.get(url).content.decode())
    assert data == [["28 Agu 2026", 1], ["7 Des 2026", 0]]
    # Labels, not dates to place on a time axis; straight lines (a curve overshoots).
    assert options["discrete"] is True and options["curve"] is False
    data, _options = _chart(english(client).get(url).content.decode())
    assert data == [["28 Aug 2026", 1], ["7 Dec 2026", 0]]


def test_computed_time_never_ends_a_sentence_with_a_second_period(client, assessed_library):
    """English read "Computed on Dec. 7, 2026, 4:05 a.m.." (the time ends with a period)."""
    from datetime import datetime

    from django.utils import timezone

    from programs.models import Criterion, LibraryProgress, Stage

    # The stored stage is shown with its time when the ladder has not changed since.
    Stage.objects.update(updated_at=timezone.make_aware(datetime(2026, 1, 1)))
    Criterion.objects.update(updated_at=timezone.make_aware(datetime(2026, 1, 1)))
    at = timezone.make_aware(datetime(2026, 12, 7, 4, 5))
    LibraryProgress.objects.filter(library=assessed_library).update(computed_at=at)
    url = reverse("programs:library_progress", args=[assessed_library.pk])
    page = english(client).get(url).content.decode()
    assert "Computed on Dec. 7, 2026, 4:05 a.m. from the recorded data." in page
    assert "a.m.." not in page
    client.cookies.clear()
    assert "Dihitung pada 7 Des. 2026, 4.05 dari data yang dicatat." in client.get(url).content.decode()


def test_progress_page_of_unpublished_library_is_404_outside_scope(client, login, library, regency_staff):
    library.is_published = False
    library.save()
    url = reverse("programs:library_progress", args=[library.pk])
    assert client.get(url).status_code == 404
    assert login(regency_staff).get(url).status_code == 200


def test_nav_and_start_panel_links(login, consultant, library_manager):
    page = login(consultant).get(reverse("start")).content.decode()
    assert reverse("programs:dashboard") in page and reverse("programs:assessment_list") in page
    page = login(library_manager).get(reverse("start")).content.decode()
    assert reverse("programs:library_progress", args=[library_manager.library_id]) in page
