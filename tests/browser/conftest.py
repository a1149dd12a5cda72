"""Browser journeys in Debian's Chromium, driven by Playwright against the live server.

Run with `make test-browser` (needs `apt-get install chromium`). Playwright's own
browser download does not work here, so the launch points at /usr/bin/chromium.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A phone-sized screen: most agency staff enter data from a phone.
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}, "locale": "id-ID"}


@pytest.fixture
def site(live_server, transactional_db):
    """The live server's base URL, with an empty database."""
    return live_server.url


@pytest.fixture
def log_in(page, site):
    """Log in through the form as `username` with the test password."""

    def _log_in(username, password="secret-pass-123"):
        page.goto(f"{site}/accounts/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/start/")
        return page

    return _log_in
