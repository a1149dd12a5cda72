"""Library photos: upload stores only renditions, bad files change nothing, scope matrix, delete."""

import os

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from villages.models import LibraryPhoto

from .factories import image_bytes, jpeg_with_gps, upload


def create_url(library):
    return reverse("villages:library_photo_create", args=[library.pk])


def post_photo(client, library, data=None, **fields):
    payload = {"alt_text": "Anak-anak membaca di teras", "caption": "Sore hari", "order": "1"}
    payload.update(fields)
    payload["photo"] = upload(data if data is not None else jpeg_with_gps())
    return client.post(create_url(library), payload)


def test_manager_uploads_photo_renditions_without_gps(login, library_manager, library):
    response = post_photo(login(library_manager), library)
    assert response.status_code == 302
    photo = LibraryPhoto.objects.get(library=library)
    assert photo.alt_text == "Anak-anak membaca di teras"
    for field, size in ((photo.small, 480), (photo.large, 1600)):
        image = Image.open(field.path)
        assert max(image.size) == size
        assert not image.getexif()
    # Only the two renditions are on disk, under random names: the original was never stored.
    stored = sorted(
        os.path.relpath(os.path.join(folder, name), settings.MEDIA_ROOT)
        for folder, _dirs, names in os.walk(settings.MEDIA_ROOT)
        for name in names
    )
    assert stored == sorted([photo.small.name, photo.large.name])
    assert all(name.startswith("library-photos/") and "photo" not in os.path.basename(name) for name in stored)
    page = login(library_manager).get(library.get_absolute_url()).content.decode()
    assert photo.small_url in page and 'alt="Anak-anak membaca di teras"' in page


def test_form_starts_with_the_safe_default_people_shown_no_consent(login, regency_staff, library):
    form = login(regency_staff).get(create_url(library)).context["form"]
    assert form["is_person_photo"].value() is True and not form["consent_recorded"].value()


def test_upload_records_people_and_consent(login, regency_staff, library):
    post_photo(login(regency_staff), library, is_person_photo="on", consent_recorded="on")
    photo = LibraryPhoto.objects.get()
    assert photo.is_person_photo and photo.consent_recorded and photo.may_be_public


def test_consent_is_not_kept_on_a_photo_without_people(login, regency_staff, library):
    post_photo(login(regency_staff), library, consent_recorded="on")  # box "shows people" unticked
    photo = LibraryPhoto.objects.get()
    assert not photo.is_person_photo and not photo.consent_recorded and photo.may_be_public


def test_alt_text_is_required(login, regency_staff, library):
    response = post_photo(login(regency_staff), library, alt_text="")
    assert "alt_text" in response.context["form"].errors
    assert not LibraryPhoto.objects.exists()


@pytest.mark.parametrize(
    "data",
    [b"not an image", image_bytes("JPEG", size=(300, 300))[:300]],
    ids=["not-image", "truncated"],
)
def test_bad_file_changes_nothing(login, regency_staff, library, data):
    response = post_photo(login(regency_staff), library, data=data)
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not LibraryPhoto.objects.exists()
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, "libraries"))


def test_too_large_file_message(login, regency_staff, library, settings):
    settings.MAX_UPLOAD_BYTES = 500
    response = post_photo(login(regency_staff), library)
    message = response.context["form"].errors["photo"][0]
    assert "500" in message
    assert not LibraryPhoto.objects.exists()


@pytest.mark.parametrize(
    "role, target, status",
    [
        ("consultant", "library", 403),
        ("province_staff", "library", 403),
        ("other_regency_staff", "library", 404),
        ("library_manager", "other_regency_library", 404),
        ("outside_consultant", "library", 404),
    ],
)
def test_upload_scope_matrix(request, login, role, target, status):
    library = request.getfixturevalue(target)
    response = post_photo(login(request.getfixturevalue(role)), library)
    assert response.status_code == status
    assert not LibraryPhoto.objects.exists()


def test_anonymous_upload_redirects_to_login(client, library):
    response = post_photo(client, library)
    assert response.status_code == 302 and reverse("login") in response["Location"]


@pytest.fixture
def photo(login, regency_staff, library):
    post_photo(login(regency_staff), library)
    return LibraryPhoto.objects.get()


def test_delete_is_post_only_and_moves_the_photo_to_the_trash(login, regency_staff, regency_staff_photo_files):
    photo, paths = regency_staff_photo_files
    client = login(regency_staff)
    url = reverse("villages:library_photo_delete", args=[photo.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    photo.refresh_from_db()
    assert photo.is_deleted and photo.deleted_by == regency_staff
    # The files stay, so the photo can be restored; it is hidden from the page.
    assert all(os.path.exists(path) for path in paths)
    assert photo.small_url not in client.get(photo.library.get_absolute_url()).content.decode()
    assert client.get(reverse("villages:library_photo_update", args=[photo.pk])).status_code == 404
    assert client.post(url).status_code == 404  # already in the trash


@pytest.fixture
def regency_staff_photo_files(photo):
    return photo, [photo.small.path, photo.large.path]


@pytest.mark.parametrize("role, status", [("consultant", 403), ("other_regency_staff", 404)])
def test_delete_scope(request, login, photo, role, status):
    client = login(request.getfixturevalue(role))
    assert client.post(reverse("villages:library_photo_delete", args=[photo.pk])).status_code == status
    assert LibraryPhoto.objects.alive().filter(pk=photo.pk).exists()


def test_delete_anonymous_redirects(client, photo):
    client.logout()  # the photo fixture logged this client in
    response = client.post(reverse("villages:library_photo_delete", args=[photo.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert LibraryPhoto.objects.alive().filter(pk=photo.pk).exists()


def test_manager_edits_alt_text_and_order(login, library_manager, photo):
    url = reverse("villages:library_photo_update", args=[photo.pk])
    client = login(library_manager)
    data = {"alt_text": "Ruang baca", "caption": "", "order": "3", "is_person_photo": "on", "consent_recorded": "on"}
    assert client.post(url, data).status_code == 302
    photo.refresh_from_db()
    assert (photo.alt_text, photo.order, photo.consent_recorded) == ("Ruang baca", 3, True)


def test_page_links_photos_through_the_scoped_file_view_never_media(client, login, regency_staff, photo):
    photo.is_person_photo = False
    photo.save()
    client.logout()
    html = client.get(photo.library.get_absolute_url(), follow=True).content.decode()
    assert photo.small_url in html and photo.large_url in html
    assert settings.MEDIA_URL not in html and photo.small.name not in html
    assert "photo.jpg" not in html  # the uploaded file's name is not kept anywhere
