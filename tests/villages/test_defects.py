"""Defects found by probing the villages pages as every role, with hostile input."""

import datetime
import re

import pytest
from django.urls import reverse


from .factories import LibraryStatisticFactory

# Read-only views answer only GET and HEAD ---------------------------------------------


@pytest.mark.parametrize("name", ["library_list", "library_page", "village_search", "library_photo_file"])
def test_read_only_views_answer_post_with_405(login, regency_staff, library, name):
    from .factories import LibraryPhotoFactory

    args = {
        "library_page": list(library.url_parts),
        "library_photo_file": [LibraryPhotoFactory(library=library).pk, "small"],
    }.get(name, [])
    client = login(regency_staff)
    url = reverse(f"villages:{name}", args=args)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 405


def test_village_search_still_answers_get(login, regency_staff, juai_village):
    response = login(regency_staff).get(reverse("villages:village_search"), {"q": "Jua"})
    assert response.json()["results"][0]["id"] == juai_village.code


# A NUL byte (or other control character) in a parameter is never a server error -------


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


# At 390 px the hidden "Actions" header stayed outside the scrolling table wrapper -----


def test_hidden_actions_header_is_inside_a_positioned_scrolling_wrapper(login, regency_staff, library):
    LibraryStatisticFactory(library=library, month=datetime.date(2024, 5, 1))
    html = login(regency_staff).get(library.get_absolute_url()).content.decode()
    wrapper = re.search(r'<div class="([^"]*)" id="statistics-table">(.*?)</table>', html, re.S)
    assert wrapper, "the statistics table has its wrapper"
    classes = wrapper.group(1).split()
    # A visually hidden label is absolutely positioned: its containing block must be
    # inside the overflow wrapper, or it widens the page (browser test: test_phone_width_browser).
    assert "table-responsive" in classes and "position-relative" in classes
    assert 'class="visually-hidden"' in wrapper.group(2)
