"""The Django admin of the programs app: the ladder in the admin's language, changes recomputed."""

import pytest
from django.urls import reverse

from programs.models import Criterion

from tests.languages import use_language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, shown, hidden",
    [
        ("id", ["Memiliki pengelola perpustakaan", "Rintisan", "Terakreditasi"], ["Has a library manager", "Accredited<"]),
        ("en", ["Has a library manager", "Rintisan", "Accredited"], ["Memiliki pengelola perpustakaan", "Terakreditasi"]),
    ],
)
def test_default_ladder_names_follow_the_admin_language(admin_client, language, shown, hidden):
    use_language(admin_client, language)
    page = admin_client.get(reverse("admin:programs_criterion_changelist") + "?all=").content.decode()
    for text in shown:
        assert text in page, text
    for text in hidden:
        assert text not in page, text


def test_admin_form_edits_both_names(admin_client):
    criterion = Criterion.objects.get(name_en="Has a library manager")
    use_language(admin_client, "id")
    page = admin_client.get(reverse("admin:programs_criterion_change", args=[criterion.pk])).content.decode()
    assert 'value="Memiliki pengelola perpustakaan"' in page
    assert 'value="Has a library manager"' in page


@pytest.mark.parametrize("language, expected", [("id", "Memiliki pengelola perpustakaan"), ("en", "Has a library manager")])
def test_ladder_page_in_both_languages(login, consultant, language, expected):
    client = login(consultant)
    use_language(client, language)
    assert expected in client.get(reverse("programs:ladder")).content.decode()
