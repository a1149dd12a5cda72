"""A village library manager records a community activity on a phone; the regency checks it
and the consultant verifies it from the review queue."""

import pytest
from playwright.sync_api import expect

from activities.models import Activity, ReviewStatus

pytestmark = pytest.mark.browser


def test_manager_records_activity_regency_checks_consultant_bulk_verifies(
    site, page, log_in, library_manager, library, regency_staff, consultant
):
    log_in("pengelola")
    page.goto(f"{site}/activities/new/")
    # Organiser and level come from the manager's own library.
    expect(page.locator("#id_library")).to_have_value(str(library.pk))
    page.locator("#id_title").fill("Pelatihan menganyam purun")
    page.locator("#id_kind").select_option("community")
    page.locator("#id_start_date").fill("2026-10-03")
    page.locator("#id_end_date").fill("2026-10-03")
    page.locator("#id_participants_male").fill("4")
    page.locator("#id_participants_female").fill("21")
    expect(page.locator("#participants-total")).to_contain_text("25")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_role("button", name="Ajukan untuk ditinjau").click()

    activity = Activity.objects.get(title="Pelatihan menganyam purun")
    assert activity.status == ReviewStatus.SUBMITTED and activity.needs_check
    assert activity.participants_total == 25

    page.context.clear_cookies()
    log_in("staf_balangan")
    page.goto(f"{site}{activity.get_absolute_url()}")
    page.get_by_role("button", name="Tandai sudah diperiksa").click()
    activity.refresh_from_db()
    assert activity.status == ReviewStatus.CHECKED

    page.context.clear_cookies()
    log_in("konsultan")
    page.goto(f"{site}/activities/queue/")
    expect(page.get_by_test_id("queue-total")).to_contain_text("1")
    page.get_by_role("checkbox").first.check()
    page.get_by_role("button", name="Verifikasi yang dipilih").click()
    activity.refresh_from_db()
    assert activity.status == ReviewStatus.VERIFIED
    assert activity.verified_by == consultant
