"""Regency staff invite a new library manager from a phone; the invitee follows the mailed
link, chooses a password and lands signed in on their start page.

The `page_problems` fixture fails the journey on any JavaScript error, failed request or
page wider than the screen (390 px).
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from perpus.models import User

pytestmark = pytest.mark.browser


def test_regency_staff_invite_a_library_manager_on_a_phone(site, page, log_in, regency_staff,
                                                           library_manager, library):
    log_in("staf_balangan")
    page.goto(f"{site}/people/")
    expect(page.get_by_role("link", name=re.compile("pengelola|" + library_manager.first_name))).to_be_visible()
    page.get_by_role("link", name="Undang seseorang").first.click()
    page.locator("#id_email").fill("baru@example.org")
    page.locator("#id_role").select_option("library_manager")
    page.locator("#id_library").select_option(str(library.pk))
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.get_by_test_id("invitations")).to_contain_text("baru@example.org")

    link = re.search(r"https?://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)
    page.context.clear_cookies()
    page.goto(link)
    page.locator("#id_first_name").fill("Nur")
    page.locator("#id_username").fill("nur")
    page.locator("#id_password1").fill("Buku-Desa-2026!")
    page.locator("#id_password2").fill("Buku-Desa-2026!")
    page.get_by_role("button", name="Buat akun saya").click()
    page.wait_for_url("**/start/")
    expect(page.get_by_test_id("scope-label")).to_have_text("Pengelola Perpustakaan Desa Juai")
    assert User.objects.get(username="nur").library == library


def test_program_admin_narrows_province_regency_library_without_scripts(
    site, page, log_in, program_admin, kalsel, balangan, library, outside_library
):
    program_admin.set_password("secret-pass-123")
    program_admin.save()
    log_in("admin")
    page.goto(f"{site}/people/invite/")
    page.locator("#id_email").fill("pengelola.baru@example.org")
    page.locator("#id_role").select_option("library_manager")
    page.locator("#id_province").select_option("63")
    page.get_by_test_id("refine").click()
    page.locator("#id_regency").select_option("63.11")
    page.get_by_test_id("refine").click()
    # Only Balangan's libraries are offered; what was typed is kept.
    expect(page.locator("#id_email")).to_have_value("pengelola.baru@example.org")
    expect(page.locator("#id_library option")).to_have_count(2)  # the blank and Juai
    page.locator("#id_library").select_option(str(library.pk))
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.get_by_test_id("invitations")).to_contain_text("pengelola.baru@example.org")
    assert mail.outbox[-1].to == ["pengelola.baru@example.org"]
