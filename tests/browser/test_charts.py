"""The staff charts draw in Chromium: no "Memuat…" left, a canvas per chart, no JS error."""

from datetime import timedelta

import pytest
from django.utils import timezone
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
    assert errors == []
