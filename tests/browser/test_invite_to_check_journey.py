"""Issue #10, end to end: a regency staffer invites a village library's new manager, who
accepts on a phone, records an activity and submits it; the regency staffer sees the
notification, follows it and checks the activity.

Both people use a 390 px phone screen, each in their own browser context. The
`page_problems` guard watches the staffer's page; the manager's page gets the same guard
(`phone_page`), so a JavaScript error, failed request or overflow on either fails the test.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from activities.models import Activity, ReviewStatus
from perpus.models import User
from perpus.notifications.models import Notification

from .conftest import OVERFLOW_PROBE, PageProblems

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def open_menu(page):
    """Open the phone menu and wait until it has finished unfolding (a click on one of its
    dropdowns while it still moves can be lost)."""
    page.get_by_role("button", name="Buka menu").click()
    expect(page.locator("#nav-main")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))


@pytest.fixture
def phone_page(browser, site):
    """A page in a new browser context (no cookies shared) at phone width, guarded like `page`."""
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    problems = PageProblems(site, page)
    page.add_init_script(OVERFLOW_PROBE)
    page.on("console", problems.on_console)
    page.on("pageerror", problems.on_page_error)
    page.on("requestfailed", problems.on_request_failed)
    page.on("response", problems.on_response)
    yield page
    page.wait_for_timeout(250)  # the last page's overflow probe
    context.close()
    assert not problems.found, "Problems on the manager's pages:\n" + "\n".join(problems.found)


def test_regency_invites_manager_who_submits_an_activity_that_the_regency_checks(
    site, page, phone_page, log_in, regency_staff, library
):
    # 1. The regency staffer invites the library's new manager, in Indonesian.
    log_in("staf_balangan")
    open_menu(page)
    page.get_by_test_id("nav-user").click()
    page.get_by_role("link", name="Pengguna", exact=True).click()
    page.wait_for_url("**/people/")
    page.get_by_role("link", name="Undang seseorang").first.click()
    page.locator("#id_email").fill("pengelola.juai@example.org")
    page.locator("#id_language").select_option("id")
    page.locator("#id_role").select_option("library_manager")
    page.locator("#id_library").select_option(str(library.pk))
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.get_by_test_id("invitations")).to_contain_text("pengelola.juai@example.org")

    # 2. The invitee opens the mailed link on their own phone and signs up.
    invitation = mail.outbox[-1]
    assert invitation.to == ["pengelola.juai@example.org"]
    link = re.search(r"https?://\S+/invitation/\S+/", invitation.body).group(0)
    manager = phone_page
    manager.goto(link)
    manager.locator("#id_first_name").fill("Siti")
    manager.locator("#id_username").fill("siti")
    manager.locator("#id_password1").fill("Buku-Desa-2026!")
    manager.locator("#id_password2").fill("Buku-Desa-2026!")
    manager.get_by_role("button", name="Buat akun saya").click()
    manager.wait_for_url("**/start/")
    expect(manager.get_by_test_id("scope-label")).to_have_text("Pengelola Perpustakaan Desa Juai")
    siti = User.objects.get(username="siti")
    assert siti.library == library and siti.language == "id"

    # 3. The new manager records an activity from the start page and submits it.
    manager.get_by_role("link", name="Catat kegiatan").click()
    expect(manager.locator("#id_library")).to_have_value(str(library.pk))
    manager.locator("#id_title").fill("Lomba bercerita anak desa")
    manager.locator("#id_kind").select_option("community")
    manager.locator("#id_start_date").fill("2026-11-07")
    manager.locator("#id_end_date").fill("2026-11-07")
    manager.locator("#id_participants_male").fill("12")
    manager.locator("#id_participants_female").fill("15")
    manager.get_by_role("button", name="Simpan draf").click()
    manager.get_by_role("button", name="Ajukan untuk ditinjau").click()
    activity = Activity.objects.get(title="Lomba bercerita anak desa")
    assert activity.status == ReviewStatus.SUBMITTED and activity.needs_check
    assert activity.created_by == siti and activity.library == library

    # 4. The regency staffer's bell shows the notice; following it leads to the check.
    page.reload()
    # On the phone the count shows beside the folded menu, and on the bell inside it.
    expect(page.get_by_test_id("nav-unread-phone")).to_be_visible()
    expect(page.get_by_test_id("nav-unread-phone")).to_contain_text("1")
    open_menu(page)
    expect(page.get_by_test_id("nav-unread")).to_contain_text("1")
    page.get_by_test_id("nav-notifications").click()
    page.wait_for_url("**/notifications/")
    notice = Notification.objects.get(recipient=regency_staff)
    assert notice.kind == Notification.Kind.REVIEW_WAITING and notice.read_at is None
    page.get_by_role("button", name="Catatan menunggu tinjauan Anda").click()
    page.wait_for_url("**/activities/queue/")
    expect(page.get_by_test_id("queue-total")).to_contain_text("1")
    page.get_by_role("link", name="Lomba bercerita anak desa").click()
    page.get_by_role("button", name="Tandai sudah diperiksa").click()
    expect(page.get_by_role("button", name="Tandai sudah diperiksa")).to_have_count(0)

    activity.refresh_from_db()
    assert activity.status == ReviewStatus.CHECKED
    assert activity.checked_by == regency_staff
    notice.refresh_from_db()
    assert notice.read_at is not None
    # Read: no count any more, on the bell or beside the menu.
    expect(page.get_by_test_id("nav-unread")).to_have_count(0)
    expect(page.get_by_test_id("nav-unread-phone")).to_have_count(0)
