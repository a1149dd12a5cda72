"""A village library's manager, on a phone: adds a photo, enters the month's figures,
deletes the photo by mistake and brings it back from the trash; the public sees the
photo only with the people's consent.

The `page_problems` fixture fails the journey on any JavaScript error, failed request
(the photo files included) or page wider than the screen.
"""

import pytest
from playwright.sync_api import expect

from tests.villages.factories import image_bytes
from villages.models import LibraryPhoto, LibraryStatistic

pytestmark = pytest.mark.browser


def test_manager_keeps_the_library_page_up_to_date_on_a_phone(site, page, log_in, library_manager, library):
    log_in("pengelola")
    page.goto(f"{site}{library.get_absolute_url()}")

    # A photo of readers, whose consent is recorded.
    page.get_by_role("link", name="Tambah foto").click()
    page.locator("input[type=file]").set_input_files(
        {"name": "baca.jpg", "mimeType": "image/jpeg", "buffer": image_bytes(size=(900, 600))}
    )
    page.locator("#id_alt_text").fill("Anak-anak membaca di teras perpustakaan")
    page.locator("#id_is_person_photo").check()
    page.locator("#id_consent_recorded").check()
    page.locator("main form button[type=submit]").click()
    photo = page.get_by_role("img", name="Anak-anak membaca di teras perpustakaan")
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.naturalWidth") > 0  # the scoped file view served it

    # This month's figures.
    page.get_by_role("link", name="Isi angka bulanan").click()
    page.locator("#id_month").fill("2026-10")
    for field, value in (("visits_male", "41"), ("visits_female", "63"), ("new_members", "5"),
                         ("total_members", "120"), ("loans", "88")):
        page.locator(f"#id_{field}").fill(value)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#statistics-table")).to_contain_text("104")
    assert LibraryStatistic.objects.get(library=library).visits == 104

    # Deleted by mistake, then restored from the trash.
    page.locator("figure").get_by_role("button", name="Hapus").click()
    expect(page.get_by_role("img", name="Anak-anak membaca di teras perpustakaan")).to_have_count(0)
    assert LibraryPhoto.objects.deleted().count() == 1
    page.goto(f"{site}/activities/trash/")
    page.get_by_role("button", name="Pulihkan").click()
    page.goto(f"{site}{library.get_absolute_url()}")
    expect(page.get_by_role("img", name="Anak-anak membaca di teras perpustakaan")).to_be_visible()

    # A visitor sees it too, since consent is recorded.
    page.context.clear_cookies()
    page.goto(f"{site}{library.get_absolute_url()}")
    visitor_photo = page.get_by_role("img", name="Anak-anak membaca di teras perpustakaan")
    expect(visitor_photo).to_be_visible()
    assert visitor_photo.evaluate("img => img.naturalWidth") > 0
