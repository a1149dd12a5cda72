"""Library photos are served by a scoped view: public ones to anyone, others only in scope."""

import pytest
from django.urls import reverse
from django.utils import timezone

from villages.models import LibraryPhoto

from .factories import LibraryPhotoFactory


def file_url(photo, size="small"):
    return reverse("villages:library_photo_file", args=[photo.pk, size])


@pytest.fixture
def public_photo(library):
    return LibraryPhotoFactory(library=library)


@pytest.fixture
def person_photo(library):
    return LibraryPhotoFactory(library=library, is_person_photo=True, alt_text="Pengunjung")


@pytest.fixture
def consented_photo(library):
    return LibraryPhotoFactory(library=library, is_person_photo=True, consent_recorded=True)


def test_public_queryset(public_photo, person_photo, consented_photo, library, outside_library):
    deleted = LibraryPhotoFactory(library=library, deleted_at=timezone.now())
    unpublished = LibraryPhotoFactory(library=outside_library)
    outside_library.is_published = False
    outside_library.save()
    public = set(LibraryPhoto.objects.public())
    assert public == {public_photo, consented_photo}
    assert not {person_photo, deleted, unpublished} & public


@pytest.mark.parametrize("size", ["small", "large"])
def test_public_photo_is_served_to_anyone_with_public_headers(client, public_photo, size):
    response = client.get(file_url(public_photo, size))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert "attachment" not in response.get("Content-Disposition", "")
    stored = getattr(public_photo, size)
    stored.open("rb")
    assert b"".join(response.streaming_content) == stored.read()


def test_consented_photo_of_people_is_public(client, consented_photo):
    assert client.get(file_url(consented_photo)).status_code == 200


def test_photo_of_people_without_consent_stays_in_scope(client, login, person_photo, regency_staff, consultant, other_regency_staff):
    response = client.get(file_url(person_photo))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert login(other_regency_staff).get(file_url(person_photo)).status_code == 404
    for user in (regency_staff, consultant):
        response = login(user).get(file_url(person_photo))
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, max-age=600"


def test_photo_of_unpublished_library_is_never_public(client, login, public_photo, library, regency_staff, outside_consultant):
    library.is_published = False
    library.save()
    response = client.get(file_url(public_photo, "large"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert login(outside_consultant).get(file_url(public_photo)).status_code == 404
    response = login(regency_staff).get(file_url(public_photo))
    assert response.status_code == 200 and response["Cache-Control"].startswith("private")


def test_deleted_photo_only_for_those_who_may_restore_it(client, login, public_photo, regency_staff, consultant):
    public_photo.mark_deleted(regency_staff)
    assert client.get(file_url(public_photo)).status_code == 302
    assert login(consultant).get(file_url(public_photo)).status_code == 404  # sees, may not restore
    assert login(regency_staff).get(file_url(public_photo)).status_code == 200


def test_unknown_size_or_photo_is_404(client, public_photo):
    assert client.get(reverse("villages:library_photo_file", args=[public_photo.pk, "original"])).status_code == 404
    assert client.get(reverse("villages:library_photo_file", args=[public_photo.pk + 99, "small"])).status_code == 302


def test_file_view_answers_post_with_405(login, regency_staff, public_photo):
    assert login(regency_staff).post(file_url(public_photo)).status_code == 405


def test_page_shows_private_photos_only_in_scope(client, login, public_photo, person_photo, regency_staff):
    html = client.get(public_photo.library.get_absolute_url()).content.decode()
    assert file_url(public_photo) in html and file_url(person_photo) not in html
    html = login(regency_staff).get(public_photo.library.get_absolute_url()).content.decode()
    assert file_url(public_photo) in html and file_url(person_photo) in html
    assert html.count('data-testid="private-photo"') == 1
