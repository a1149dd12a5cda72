"""Control characters, NUL bytes and malformed parameters are never a server error: a
parameter is ignored (with a message where the visitor should know), a form refuses it."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize("params", [{"q": "\x01"}, {"q": "Ju\x01ai"}, {"region": "\x01"}, {"region": "63\x01"}, {"region": "'; drop"}, {"q": "a" * 5000}])
def test_library_list_survives_hostile_parameters(client, library, params):
    response = client.get(reverse("villages:library_list"), params)
    assert response.status_code == 200


def test_search_ignores_control_characters(client, library):
    response = client.get(reverse("villages:library_list"), {"q": "Ju\x01ai"})
    assert list(response.context["page_obj"]) == [library]


def test_malformed_region_is_ignored_with_a_message(client, library):
    response = client.get(reverse("villages:library_list"), {"region": "63\x01"})
    assert list(response.context["page_obj"]) == [library]
    assert "Wilayah pada alamat bukan kode wilayah" in response.content.decode()


def test_region_filter_still_filters(client, library, outside_library):
    response = client.get(reverse("villages:library_list"), {"region": "51.03"})
    assert list(response.context["page_obj"]) == [outside_library]


@pytest.mark.parametrize("q", ["\x01", "Ju\x01", "63.11\x01"])
def test_village_search_survives_nul(login, regency_staff, juai_village, q):
    response = login(regency_staff).get(reverse("villages:village_search"), {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


def test_statistics_month_with_nul_is_ignored(login, regency_staff, library):
    url = reverse("villages:library_statistic_edit", args=[library.pk])
    assert login(regency_staff).get(url, {"month": "2024-05\x01"}).status_code == 200


def test_profile_text_with_nul_is_a_form_error(login, regency_staff, library):
    from .test_library_forms import edit_data

    response = login(regency_staff).post(
        reverse("villages:library_update", args=[library.pk]), edit_data(library, name="Juai\x00")
    )
    assert response.status_code == 400  # perpus.middleware refuses NUL bytes
    library.refresh_from_db()
    assert library.name == "Perpustakaan Desa Juai"


def test_month_figures_with_nul_are_a_form_error(login, regency_staff, library):
    response = login(regency_staff).post(
        reverse("villages:library_statistic_edit", args=[library.pk]),
        {"month": "2024-05", "visits_male": "4\x00", "visits_female": "1", "new_members": "0", "total_members": "0", "loans": "0"},
    )
    assert response.status_code == 400  # perpus.middleware refuses NUL bytes
    assert not library.statistics.exists()
