"""Input no person types, and small site-wide settings: NUL bytes, map tiles, admin wording."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from villages.models import Library

NUL_URLS = [
    "/libraries/?q=%00",
    "/libraries/?region=%00",
    "/activities/public/?q=a%00b",
    "/?x=%00",
    "/libraries/?%00=1",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_byte_in_the_address_gets_a_clear_400_page(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "karakter yang tidak diizinkan" in response.content.decode()


def test_a_nul_byte_in_a_form_changes_nothing(login, regency_staff, library):
    before = Library.objects.get(pk=library.pk).name
    response = login(regency_staff).post(
        reverse("villages:library_update", args=[library.pk]), {"name": "Perpus\x00Desa"}
    )
    assert response.status_code == 400
    assert Library.objects.get(pk=library.pk).name == before


def test_an_ordinary_query_passes_the_guard(client, db):
    assert client.get("/libraries/?q=Juai").status_code == 200


def test_map_tiles_load_over_https(settings):
    tiles = settings.LEAFLET_CONFIG["TILES"]
    assert tiles and all(url.startswith("https://") for _name, url, _options in tiles)


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw-12345678"))
    return client


def test_admin_uses_our_indonesian_for_djangos_typos(superuser_client, program_admin):
    page = superuser_client.get(reverse("admin:perpus_user_add"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Autentidikasi" not in html and "Diadakan" not in html and "Ditiadakan" not in html
    assert "Masuk dengan kata sandi" in html


def test_admin_permission_choices_are_in_indonesian(superuser_client):
    html = superuser_client.get(reverse("admin:auth_group_add")).content.decode()
    library_perm = Permission.objects.get(codename="add_library")
    assert f'value="{library_perm.pk}"' in html
    assert "Dapat menambah perpustakaan" in html
    assert "Can add library" not in html


@pytest.mark.parametrize("name", ["home", "start"])
def test_read_only_pages_refuse_post(login, regency_staff, name):
    assert login(regency_staff).post(reverse(name)).status_code == 405


def test_health_check_answers_ok_without_a_query(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.content == b"ok"
