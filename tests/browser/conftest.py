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
def default_ladder(transactional_db):
    """The TPBIS program and default ladder that the data migrations install.

    Transactional tests flush the database after each test, which removes the rows a
    data migration made; this puts them back (idempotent).
    """
    from importlib import import_module

    from django.apps import apps

    from programs.models import Criterion

    if not Criterion.objects.exists():
        import_module("programs.migrations.0002_default_program_and_ladder").install(apps, None)
        import_module("programs.migrations.0004_ladder_names_in_both_languages").to_both_languages(apps, None)


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


# Every browser test fails on what a person would meet but a test might not look
# at: a JavaScript error, a request to the portal that fails or is answered with
# an error, or a page wider than the screen (sideways scrolling on a phone).
OVERFLOW_PROBE = """
window.addEventListener("load", () => setTimeout(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return;
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .map((el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : ""))
    .slice(-3);
  console.error(`perpus-overflow: ${location.pathname} is ${document.documentElement.scrollWidth}px wide ` +
    `on a ${width}px screen; widest: ${wide.join(" | ")}`);
}, 100));
"""


class PageProblems:
    """What went wrong on the pages a test visited; `allow(status)` for an expected error page."""

    def __init__(self, site, page=None):
        self.site = site
        self.page = page
        self.found: list[str] = []
        self.allowed_statuses: set[int] = set()

    def allow(self, *statuses: int) -> None:
        self.allowed_statuses.update(statuses)

    def on_console(self, message):
        text = message.text
        if message.type != "error":
            return
        # Resources are judged by the request handlers below (outside hosts such as map
        # tiles are unreachable here and are not the portal's failures).
        if text.startswith("Failed to load resource"):
            return
        self.found.append(f"console error on {self._where()}: {text}")

    def on_page_error(self, error):
        self.found.append(f"JavaScript error on {self._where()}: {error}")

    def _where(self) -> str:
        return self.page.url.removeprefix(self.site) if self.page is not None else "?"

    def on_request_failed(self, request):
        failure = request.failure or ""
        if request.url.startswith(self.site) and "ERR_ABORTED" not in failure:
            self.found.append(f"request failed: {request.method} {request.url} ({failure})")

    def on_response(self, response):
        if response.url.startswith(self.site) and response.status >= 400:
            if response.status not in self.allowed_statuses:
                self.found.append(f"HTTP {response.status}: {response.request.method} {response.url}")


@pytest.fixture(autouse=True)
def page_problems(request):
    """Fail the test if any page it visited had a problem (see `PageProblems`)."""
    if "page" not in request.fixturenames:
        yield None
        return
    page = request.getfixturevalue("page")
    site = request.getfixturevalue("site")
    problems = PageProblems(site, page)
    page.add_init_script(OVERFLOW_PROBE)
    page.on("console", problems.on_console)
    page.on("pageerror", problems.on_page_error)
    page.on("requestfailed", problems.on_request_failed)
    page.on("response", problems.on_response)
    yield problems
    # Give the last page's load probe its chance to report.
    try:
        page.wait_for_timeout(250)
    except Exception:  # the page may already be closed
        pass
    assert not problems.found, "Problems on the visited pages:\n" + "\n".join(problems.found)
