"""Every role walks every page its navigation and start page link to, on a phone.

The demo data tells the seed stories (Balangan, Blitar, Badung, Kupang, Sofifi), so
the pages have real content. The `page_problems` fixture fails the walk on any
JavaScript error, failed or erroring request to the portal, or page wider than
the 390 px screen.
"""

from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from perpus.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

ROLES = ["admin", "konsultan", "staf_ntt", "staf_balangan", "pengelola_lampihong"]
#: Not walked: the Django admin (a separate tool), logging out, files (checked elsewhere).
SKIP_PREFIXES = ("/admin/", "/accounts/logout", "/i18n/", "/media/")


def links_on(page, site, selector) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if not href.startswith(site) or parts.path.startswith(SKIP_PREFIXES):
            continue
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


@pytest.fixture
def demo(default_ladder):
    call_command("seed_demo", stdout=StringIO())


def log_in_as(page, site, username):
    page.context.clear_cookies()
    page.goto(f"{site}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/start/")


@pytest.mark.parametrize("username", ROLES)
def test_each_page_a_role_can_reach_fits_a_phone_and_works(site, page, demo, username):
    log_in_as(page, site, username)
    to_visit = links_on(page, site, "#nav-main a[href], main a[href]")
    assert len(to_visit) >= 3, f"{username}'s start page links to almost nothing: {to_visit}"
    seen = set()
    for path in to_visit:
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(site + path)
        assert response.ok, f"{username}: {path} answered {response.status}"
        expect(page.locator("main h1").first).to_be_visible()


@pytest.mark.parametrize("username", ROLES)
def test_on_a_laptop_the_menu_is_one_line_and_log_out_is_reachable(site, page, demo, username):
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in_as(page, site, username)
    navbar = page.locator("nav.navbar").bounding_box()
    assert navbar["height"] < 70, f"{username}'s menu wraps: {navbar['height']} px high"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    page.get_by_test_id("nav-user").click()
    log_out = page.get_by_role("button", name="Keluar")
    expect(log_out).to_be_visible()
    box = log_out.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1366
    log_out.click()
    expect(page.get_by_role("link", name="Masuk", exact=True)).to_be_visible()
