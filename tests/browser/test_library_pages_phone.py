"""At phone width every villages page fits the screen, for staff and the library's manager."""

import datetime

import pytest
from django.urls import reverse

from tests.villages.factories import LibraryPhotoFactory, LibraryStatisticFactory

pytestmark = pytest.mark.browser


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("username", ["staf_balangan", "pengelola"])
def test_library_pages_are_no_wider_than_a_phone(site, page, log_in, regency_staff, library_manager, library, username):
    for month in (4, 5):
        LibraryStatisticFactory(library=library, month=datetime.date(2024, month, 1))
    photo = LibraryPhotoFactory(library=library)
    log_in(username)
    page.goto(f"{site}{library.get_absolute_url()}")
    # The hidden "Actions" header of the statistics table stays inside its scrolling wrapper.
    assert page.locator("#statistics-table th .visually-hidden").count() == 1
    assert page_width(page) <= 390, library.get_absolute_url()
    for url in (
        reverse("villages:library_list"),
        reverse("villages:library_update", args=[library.pk]),
        reverse("villages:library_statistic_edit", args=[library.pk]) + "?month=2024-05",
        reverse("villages:library_photo_create", args=[library.pk]),
        reverse("villages:library_photo_update", args=[photo.pk]),
    ):
        page.goto(f"{site}{url}")
        assert page_width(page) <= 390, url
