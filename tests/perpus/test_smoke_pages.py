import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_shows_library_figures_in_indonesian(client, library):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    sections = {part.key: part.data for part in response.context["sections"]}
    assert sections["libraries"]["figures"]["village_libraries"] == 1
    assert "perpustakaan desa" in response.content.decode()


def test_start_page_names_regency_staff_scope(login, regency_staff):
    response = login(regency_staff).get(reverse("start"))
    assert "Kabupaten Balangan" in response.context["scope_label"]
