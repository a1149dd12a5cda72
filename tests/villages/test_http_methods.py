"""Read-only views of the villages app answer only GET and HEAD."""

import pytest
from django.urls import reverse


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
