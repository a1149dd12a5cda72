"""Each role logs in on a phone-sized screen and sees who they are and their scope."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_regency_staff_logs_in_and_sees_scope_then_switches_language(
    site, page, log_in, regency_staff
):
    log_in("staf_balangan")
    expect(page.get_by_test_id("scope-label")).to_have_text("Staf Dinas Kabupaten Balangan")
    page.get_by_role("button", name="Buka menu").click()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_test_id("scope-label")).to_have_text("Agency staff, Kabupaten Balangan")


def test_consultant_sees_assigned_provinces(site, page, log_in, consultant):
    log_in("konsultan")
    expect(page.get_by_test_id("scope-label")).to_contain_text("Kalimantan Selatan")
