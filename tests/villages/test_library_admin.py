"""The admin lists and edits the library models (with hours inline)."""

import pytest
from django.urls import reverse

from .factories import LibraryStatisticFactory, OpeningHoursFactory


@pytest.fixture
def superuser(program_admin):
    program_admin.is_superuser = True
    program_admin.save()
    return program_admin


@pytest.mark.parametrize(
    "name", ["villages_library", "villages_openinghours", "villages_libraryphoto", "villages_librarystatistic"]
)
def test_admin_changelists_render(login, superuser, library, name):
    OpeningHoursFactory(library=library)
    LibraryStatisticFactory(library=library)
    response = login(superuser).get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200


def test_admin_library_change_page_shows_hours_inline(login, superuser, library):
    OpeningHoursFactory(library=library)
    html = login(superuser).get(reverse("admin:villages_library_change", args=[library.pk])).content.decode()
    assert "opening_hours-0-opens" in html
