"""The staff charts draw in Chromium: no "Memuat…" left, a canvas per chart, no JS error."""

import datetime
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from playwright.sync_api import expect

from programs.models import SnapshotReason, Stage, StageSnapshot
from programs.services import recompute_progress
from programs.services.dashboard_summary import refresh_dashboard_summaries

pytestmark = pytest.mark.browser


def test_dashboard_and_progress_charts_draw(site, page, log_in, program_admin, library, default_ladder):
    recompute_progress(library_ids=[library.pk])
    # Stage records last month and this month, so the dashboard draws the stage history.
    StageSnapshot.objects.create(
        library=library, stage=Stage.objects.first(), stage_order=1,
        date=timezone.localdate() - timedelta(days=40), reason=SnapshotReason.CHANGE,
    )
    refresh_dashboard_summaries()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in("admin")
    for path, ids in (
        ("/program/dashboard/", ["stage-chart", "stage-history-chart", "participant-chart"]),
        (f"/program/libraries/{library.pk}/progress/", ["stage-history-chart"]),
    ):
        page.goto(f"{site}{path}")
        for test_id in ids:
            chart = page.get_by_test_id(test_id)
            # Chartkick replaces the loading text with the Chart.js canvas once it has drawn.
            expect(chart.locator("canvas")).to_have_count(1)
            expect(chart).not_to_contain_text("Memuat")
    # The stage history's axis reads Indonesian dates (it read "Aug 28, Sep 7…"), one label a snapshot.
    StageSnapshot.objects.create(
        library=library, stage=None, stage_order=0, date=datetime.date(2025, 8, 28), reason=SnapshotReason.CHANGE,
    )
    page.reload()
    expect(page.get_by_test_id("stage-history-chart").locator("canvas")).to_have_count(1)
    labels = page.evaluate("Object.values(Chartkick.charts).map((c) => c.getChartObject().data.labels)[0]")
    with translation.override("id"):
        expected = [date_format(s.date, "j M Y") for s in StageSnapshot.objects.filter(library=library).order_by("date")]
    assert labels[0] == "28 Agu 2025" and labels == expected and len(labels) == 3
    assert errors == []


def test_dashboard_history_is_drawn_month_by_month_in_indonesian(site, page, log_in, program_admin, library, default_ladder):
    """Chart.js parses only English month names: the months are labels, one point each."""
    from django.utils.formats import date_format
    from django.utils.translation import override

    recompute_progress(library_ids=[library.pk])
    for days in (70, 40):
        StageSnapshot.objects.create(
            library=library, stage=Stage.objects.first(), stage_order=1,
            date=timezone.localdate() - timedelta(days=days), reason=SnapshotReason.CHANGE,
        )
    refresh_dashboard_summaries()
    months = sorted({snapshot.date.replace(day=1) for snapshot in StageSnapshot.objects.filter(library=library)})
    with override("id"):
        expected = [date_format(month, "YEAR_MONTH_FORMAT") for month in months]
    log_in("admin")
    page.goto(f"{site}/program/dashboard/")
    expect(page.get_by_test_id("stage-history-chart").locator("canvas")).to_have_count(1)
    labels = page.evaluate(
        """() => {
            const box = document.querySelector('[data-testid="stage-history-chart"] [id^="chart-"]');
            return Chartkick.charts[box.id].getChartObject().data.labels;
        }"""
    )
    assert labels == expected and len(expected) >= 3
