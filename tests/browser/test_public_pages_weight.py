"""The public pages on a cheap phone: a library page's first view stays light, nothing on it
is a 404, it fits 390 px, and the place pages list their libraries without JavaScript.

The live test server serves static files uncompressed (WhiteNoise, which serves them
compressed in production, is not in the test middleware), so a static file counts with
its gzip size; pages are compressed by GZipMiddleware and count as transferred. Map
tiles and photos are left out, as the budget says.
"""

import datetime
import gzip

import pytest

from tests.activities.factories import ActivityFactory
from tests.villages.factories import LibraryPhotoFactory, LibraryStatisticFactory

pytestmark = pytest.mark.browser

BUDGET_BYTES = 120 * 1024
TILES = "https://tile.openstreetmap.org/**"


def _transfer_size(response) -> int:
    """Bytes the response costs on the wire, compressed as production serves it."""
    sizes = response.request.sizes()
    headers = sizes.get("responseHeadersSize", 0)
    if response.headers.get("content-encoding"):
        return headers + sizes["responseBodySize"]
    return headers + len(gzip.compress(response.body(), 6))


@pytest.fixture
def public_library(library):
    library.latitude, library.longitude = -2.3056, 115.6128
    library.description = "Perpustakaan desa dengan kelas menjahit dan pojok baca anak."
    library.save()
    for month in range(1, 13):
        LibraryStatisticFactory(library=library, month=datetime.date(2024, month, 1))
    LibraryPhotoFactory(library=library, is_person_photo=False)
    for n in range(5):
        ActivityFactory(library=library, status="verified", title=f"Kelas menjahit {n}")
    return library


def test_library_page_first_view_is_light_and_has_no_404(site, page, page_problems, public_library, default_ladder):
    page.route(TILES, lambda route: route.abort())
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(f"{site}{public_library.get_absolute_url()}", wait_until="networkidle")
    # Scroll to the end so the map comes into view and loads Leaflet: it counts too.
    page.mouse.wheel(0, 20000)
    page.wait_for_function("window.L !== undefined && document.querySelector('#library-map .leaflet-pane')")
    page.wait_for_load_state("networkidle")
    ours = [r for r in responses if r.url.startswith(site) and "/photos/" not in r.url]
    assert [r.url for r in ours if r.status == 404] == []
    assert all(r.status < 400 for r in ours)
    html = next(r for r in ours if r.url.endswith(public_library.get_absolute_url()))
    assert html.headers.get("content-encoding") == "gzip"
    total = sum(_transfer_size(r) for r in ours)
    names = sorted((_transfer_size(r), r.url.removeprefix(site)) for r in ours)
    assert total <= BUDGET_BYTES, f"{total} bytes: {names}"
    # No chart library: the visits chart is SVG in the page.
    assert not any("chartkick" in r.url or "Chart" in r.url for r in ours)
    assert page.locator("svg.visits-chart rect").count() == 12
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Leaflet's zoom buttons speak the page's language (they said "Zoom in"/"Zoom out").
    _assert_zoom_titles(page, "#library-map")


def _assert_zoom_titles(page, map_selector):
    for button, title in (("in", "Perbesar"), ("out", "Perkecil")):
        zoom = page.locator(f"{map_selector} .leaflet-control-zoom-{button}")
        assert zoom.get_attribute("title") == title
        assert zoom.get_attribute("aria-label") == title


def test_place_pages_list_libraries_with_javascript_off(site, browser, library, other_regency_library):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{site}/perpustakaan/kalimantan-selatan/kabupaten-balangan/")
        assert page.get_by_role("link", name="Perpustakaan Desa Juai").is_visible()
        assert page.locator("[data-public-map]").is_hidden()
        page.goto(f"{site}/perpustakaan/kalimantan-selatan/")
        assert page.get_by_role("link", name="Perpustakaan Desa Tetangga").is_visible()
        page.goto(f"{site}/")
        assert page.locator("[data-testid=sub-regions]").get_by_role("link", name="Kalimantan Selatan").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_map_without_tiles_still_lists_the_libraries(site, page, page_problems, library):
    library.latitude, library.longitude = -2.3056, 115.6128
    library.save()
    page.route(TILES, lambda route: route.abort())
    page.goto(f"{site}/perpustakaan/kalimantan-selatan/kabupaten-balangan/")
    page.locator("#public-map").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('#public-map .leaflet-interactive') !== null")
    assert page.get_by_role("link", name="Perpustakaan Desa Juai").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _assert_zoom_titles(page, "#public-map")
