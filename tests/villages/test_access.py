"""Access in the villages app comes from perpus.scopes and the querysets, never restated."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import villages.views
from tests.factories import UserFactory
from villages.models import Library

TEMPLATES = Path(villages.views.__file__).resolve().parents[1] / "templates" / "villages"


def test_no_template_restates_a_role_rule():
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text()
        assert not re.search(r"role\s*==", text), template.name
        assert "effective_role" not in text, template.name


def test_the_view_helper_is_gone_in_favour_of_the_queryset():
    assert not hasattr(villages.views, "libraries_visible_to")


@pytest.mark.parametrize(
    "role, registers",
    [
        ("program_admin", True),
        ("province_staff", True),
        ("regency_staff", True),
        ("consultant", False),
        ("library_manager", False),
        ("no_role_user", False),
    ],
)
def test_nav_and_start_panel_offer_registration_by_ability(request, login, role, registers):
    client = login(request.getfixturevalue(role))
    create_url = reverse("villages:library_create")
    listing = client.get(reverse("villages:library_list")).content.decode()
    start = client.get(reverse("start")).content.decode()
    assert (f'href="{create_url}"' in listing) is registers
    assert (f'href="{create_url}"' in start) is registers


def test_manager_gets_my_library_in_nav_and_start_panel(login, library_manager, library):
    client = login(library_manager)
    listing = client.get(reverse("villages:library_list")).content.decode()
    start = client.get(reverse("start")).content.decode()
    assert f'href="{library.get_absolute_url()}"' in listing
    assert reverse("villages:library_statistic_edit", args=[library.pk]) in start


def test_visible_to_is_what_the_list_and_page_use(client, login, regency_staff, library, other_regency_library):
    other_regency_library.is_published = False
    other_regency_library.save()
    library.is_published = False
    library.save()
    assert list(Library.objects.visible_to(None)) == []
    assert list(Library.objects.visible_to(regency_staff)) == [library]
    assert list(client.get(reverse("villages:library_list")).context["page_obj"]) == []
    staff = login(regency_staff)
    assert list(staff.get(reverse("villages:library_list")).context["page_obj"]) == [library]
    assert staff.get(other_regency_library.get_absolute_url()).status_code == 404


@pytest.fixture
def unpublished(library):
    library.is_published = False
    library.save()
    return library


def _library_pages(library):
    return (library.get_absolute_url(), reverse("programs:library_progress", args=[library.pk]))


@pytest.mark.parametrize("role", ["program_admin", "consultant", "regency_staff"])
def test_unpublished_library_pages_open_to_everyone_whose_scope_holds_it(request, login, unpublished, role):
    client = login(request.getfixturevalue(role))
    for url in _library_pages(unpublished):
        response = client.get(url)
        assert response.status_code == 200, url
        assert unpublished.name in response.content.decode()
    assert list(client.get(reverse("villages:library_list")).context["page_obj"]) == [unpublished]


def test_a_superuser_without_role_sees_unpublished_libraries(unpublished):
    superuser = UserFactory(username="root", role="", is_superuser=True, is_staff=True)
    assert list(Library.objects.visible_to(superuser)) == [unpublished]


def test_unpublished_library_pages_are_404_out_of_scope_and_for_visitors(client, login, other_regency_staff, unpublished):
    for url in _library_pages(unpublished):
        assert client.get(url).status_code == 404, url
    staff = login(other_regency_staff)
    for url in _library_pages(unpublished):
        assert staff.get(url).status_code == 404, url
    assert list(Library.objects.visible_to(other_regency_staff)) == []
