"""The library page: private contact only in scope, map and charts when data exists, list query count."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import LibraryFactory, VillageFactory

from .factories import LibraryPhotoFactory, LibraryStatisticFactory, OpeningHoursFactory

PHONE = "0812-9876-5432"
EMAIL = "juai.private@example.org"


@pytest.fixture
def profiled(library):
    library.manager_name = "Ibu Rahmawati"
    library.manager_phone = PHONE
    library.contact_email = EMAIL
    library.description = "Perpustakaan desa di Juai."
    library.latitude, library.longitude = "-2.305600", "115.398000"
    library.collection_titles = 1200
    library.save()
    return library


def page(client, library):
    return client.get(library.get_absolute_url())


def _assert_private_hidden(html):
    assert PHONE not in html
    assert EMAIL not in html
    assert "Ibu Rahmawati" not in html
    assert 'id="private-contact"' not in html


def test_public_sees_profile_but_never_private_contact(client, profiled):
    response = page(client, profiled)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Perpustakaan desa di Juai." in html
    _assert_private_hidden(html)
    assert "Edit profile" not in html and "Ubah profil" not in html


@pytest.mark.parametrize("role", ["other_regency_staff", "outside_consultant", "no_role_user"])
def test_users_of_other_scopes_never_see_private_contact(request, login, profiled, role):
    response = page(login(request.getfixturevalue(role)), profiled)
    assert response.status_code == 200
    _assert_private_hidden(response.content.decode())
    assert not response.context["can_edit"]


@pytest.mark.parametrize(
    "role, can_edit",
    [("regency_staff", True), ("library_manager", True), ("consultant", False), ("province_staff", False), ("program_admin", True)],
)
def test_users_in_scope_see_private_contact(request, login, profiled, role, can_edit):
    response = page(login(request.getfixturevalue(role)), profiled)
    html = response.content.decode()
    assert PHONE in html and EMAIL in html and "Ibu Rahmawati" in html
    assert response.context["can_edit"] is can_edit
    edit_url = reverse("villages:library_update", args=[profiled.pk])
    assert (edit_url in html) is can_edit


def test_unpublished_library_is_404_for_public_and_visible_in_scope(client, login, regency_staff, library):
    library.is_published = False
    library.save()
    assert page(client, library).status_code == 404
    assert page(login(regency_staff), library).status_code == 200


def test_page_renders_map_and_charts_when_data_exists(client, profiled):
    april = LibraryStatisticFactory(library=profiled, month=datetime.date(2024, 4, 1), visits_female=71)
    LibraryStatisticFactory(library=profiled, month=datetime.date(2024, 5, 1))
    OpeningHoursFactory(library=profiled, weekday=2)
    response = page(client, profiled)
    html = response.content.decode()
    assert 'id="library-map"' in html
    assert 'data-lat="-2.305600"' in html
    # Leaflet is named for the map script to load when the map comes into view.
    assert 'data-leaflet-js="/static/leaflet/leaflet.js"' in html and "js/public-map.js" in html
    # The visits chart is an SVG drawn on the server: no chart library on the page.
    assert '<svg class="visits-chart"' in html and "chartkick" not in html.lower()
    assert f"<title>April 2024: {71 + april.visits_male}</title>" in html
    # The table lists months newest first.
    table = html[html.index('id="statistics-table"'):]
    assert table.index("Mei 2024") < table.index("April 2024")


def test_page_without_location_or_statistics_has_no_map_or_chart(client, library):
    html = page(client, library).content.decode()
    assert 'id="library-map"' not in html
    assert "visits-chart" not in html and "leaflet" not in html


@pytest.mark.parametrize("user_fixture", [None, "regency_staff"])
def test_detail_query_count_does_not_grow_with_photos_and_months(
    request, client, login, django_assert_num_queries, library, user_fixture
):
    if user_fixture:
        client = login(request.getfixturevalue(user_fixture))
    LibraryStatisticFactory(library=library, month=datetime.date(2023, 1, 1))
    LibraryPhotoFactory(library=library)
    page(client, library)
    # Measure the page as rendered, not as served from the anonymous page cache.
    cache.clear()
    with CaptureQueriesContext(connection) as with_one:
        assert page(client, library).status_code == 200
    for month in range(2, 13):
        LibraryStatisticFactory(library=library, month=datetime.date(2023, month, 1))
        LibraryPhotoFactory(library=library)
    cache.clear()
    with django_assert_num_queries(len(with_one)):
        response = page(client, library)
    assert len(response.context["statistics"]) == 12 and len(response.context["photos"]) == 12


def _make_libraries(n, district="63.11.02"):
    for i in range(n):
        village = VillageFactory(code=f"{district}.2{i:03d}", name=f"Desa {district} {i}")
        LibraryFactory(village=village)


@pytest.mark.parametrize("user_fixture", [None, "regency_staff"])
def test_library_list_query_count_is_fixed(
    request, client, login, django_assert_num_queries, balangan, user_fixture
):
    if user_fixture:
        client = login(request.getfixturevalue(user_fixture))
    url = reverse("villages:library_list")
    _make_libraries(1)
    client.get(url)  # warm up the session
    with CaptureQueriesContext(connection) as with_one:
        assert len(client.get(url).context["page_obj"]) == 1
    _make_libraries(19, district="63.11.03")
    with django_assert_num_queries(len(with_one)):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 20
