"""The staff charts draw in Chromium: no "Memuat…" left, a canvas per chart, no JS error."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from programs.models import SnapshotReason, Stage, StageSnapshot
from programs.services import recompute_progress

pytestmark = pytest.mark.browser


def test_dashboard_and_progress_charts_draw(site, page, log_in, program_admin, library, default_ladder):
    recompute_progress(library_ids=[library.pk])
    # A stage change this month, so the dashboard has its second chart.
    StageSnapshot.objects.create(
        library=library, stage=Stage.objects.first(), stage_order=1,
        date=timezone.localdate() - timedelta(days=40), reason=SnapshotReason.CHANGE,
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in("admin")
    for path, ids in (
        ("/program/dashboard/", ["stage-chart", "change-chart"]),
        (f"/program/libraries/{library.pk}/progress/", ["stage-history-chart"]),
    ):
        page.goto(f"{site}{path}")
        for test_id in ids:
            chart = page.get_by_test_id(test_id)
            # Chartkick replaces the loading text with the Chart.js canvas once it has drawn.
            expect(chart.locator("canvas")).to_have_count(1)
            expect(chart).not_to_contain_text("Memuat")
    assert errors == []
