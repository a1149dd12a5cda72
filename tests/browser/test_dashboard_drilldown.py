"""Issue #8 journey: the program admin drills down the dashboard from the nation to a
library on a phone (390 px), downloads a table as XLSX and comes back up by the breadcrumb."""

from io import BytesIO

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from programs.services import recompute_progress
from tests.programs.dashboard_data import build

pytestmark = pytest.mark.browser


def test_program_admin_drills_down_to_a_library_and_downloads(
    site, page, log_in, program_admin, library, other_regency_library, outside_library, default_ladder
):
    library.latitude, library.longitude = -2.3, 115.4
    library.save()
    build([library, other_regency_library, outside_library], 2)
    recompute_progress(library_ids=[library.pk, other_regency_library.pk, outside_library.pk])

    log_in("admin")
    page.goto(f"{site}/program/dashboard/")
    by_unit = page.get_by_test_id("table-stages_by_unit")
    expect(by_unit.get_by_role("link")).to_have_count(2)  # Bali and Kalimantan Selatan
    for chart in ("stage-chart", "participant-chart"):
        expect(page.get_by_test_id(chart).locator("canvas")).to_have_count(1)
    # The map draws one circle per province with located libraries.
    expect(page.locator("#dashboard-map path.leaflet-interactive")).to_have_count(1)

    by_unit.get_by_role("link", name="Kalimantan Selatan").click()
    page.wait_for_url("**/program/dashboard/63/")
    expect(page.get_by_test_id("dashboard-breadcrumb")).to_contain_text("Indonesia")
    by_unit = page.get_by_test_id("table-stages_by_unit")
    expect(by_unit.get_by_role("link")).to_have_count(2)
    by_unit.get_by_role("link", name="Kabupaten Balangan").click()
    page.wait_for_url("**/program/dashboard/63.11/")
    expect(page.get_by_test_id("dashboard-breadcrumb")).to_contain_text("Kalimantan Selatan")

    # Download the completeness board of Balangan as XLSX.
    with page.expect_download() as download_info:
        page.get_by_test_id("download-completeness").get_by_role("link", name="XLSX").click()
    path = download_info.value.path()
    rows = list(load_workbook(BytesIO(open(path, "rb").read())).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == [library.name]

    # Back up through the breadcrumb, then down to the library's own dashboard.
    page.get_by_test_id("dashboard-breadcrumb").get_by_role("link", name="Kalimantan Selatan").click()
    page.wait_for_url("**/program/dashboard/63/")
    page.get_by_test_id("table-stages_by_unit").get_by_role("link", name="Kabupaten Balangan").click()
    page.wait_for_url("**/program/dashboard/63.11/")
    page.get_by_test_id("table-stages_by_unit").get_by_role("link", name=library.name).click()
    page.wait_for_url(f"**/program/dashboard/library/{library.pk}/")
    expect(page.locator("h1")).to_contain_text(library.name)
    expect(page.get_by_test_id("dashboard-breadcrumb")).to_contain_text("Kabupaten Balangan")
    expect(page.get_by_test_id("activity-chart").locator("canvas")).to_have_count(1)
    # Its one dot on the map, coloured as the legend says, with Indonesian zoom buttons.
    expect(page.locator("#dashboard-map path.leaflet-interactive")).to_have_count(1)
    expect(page.get_by_test_id("dashboard-map-legend")).to_contain_text("Belum ada tahap")
    expect(page.locator("#dashboard-map .leaflet-control-zoom-in")).to_have_attribute("title", "Perbesar")
    # What it has met and what is missing: its progress page.
    page.get_by_test_id("dashboard-library-stage").get_by_role("link").first.click()
    page.wait_for_url(f"**/program/libraries/{library.pk}/progress/")
    expect(page.locator("h1")).to_contain_text(library.name)
    # Back on the regency, with a month chosen: the map's links keep it too.
    month = page.evaluate("new Date().toISOString().slice(0, 7)")
    page.goto(f"{site}/program/dashboard/63.11/?start={month}&end={month}")
    page.locator("#dashboard-map path.leaflet-interactive").first.click()
    expect(page.locator(".leaflet-popup-content a")).to_have_attribute(
        "href", f"/program/dashboard/library/{library.pk}/?start={month}&end={month}"
    )


def test_regency_staff_open_a_library_of_their_regency(
    site, page, log_in, page_problems, regency_staff, library, other_regency_library, default_ladder
):
    """On a phone, regency staff start at their regency and drill down to a library; the
    breadcrumb starts at their regency (they have no province or national level)."""
    build([library, other_regency_library], 1)
    recompute_progress(library_ids=[library.pk, other_regency_library.pk])
    log_in("staf_balangan")
    page.goto(f"{site}/program/dashboard/")
    page.wait_for_url("**/program/dashboard/63.11/")
    page.get_by_test_id("table-stages_by_unit").get_by_role("link", name=library.name).click()
    page.wait_for_url(f"**/program/dashboard/library/{library.pk}/")
    crumbs = page.get_by_test_id("dashboard-breadcrumb")
    expect(crumbs).to_contain_text("Kabupaten Balangan")
    expect(crumbs).not_to_contain_text("Kalimantan Selatan")
    expect(page.get_by_test_id("table-reporting")).to_be_visible()
    # Another regency's library is not theirs.
    page_problems.allow(404)
    response = page.goto(f"{site}/program/dashboard/library/{other_regency_library.pk}/")
    assert response.status == 404
