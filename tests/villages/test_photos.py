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
    # Only the two renditions are on disk: the original was never stored.
    folder = os.path.join(settings.MEDIA_ROOT, "libraries", str(library.pk))
    assert sorted(os.listdir(folder)) == sorted(
        os.path.basename(name) for name in (photo.small.name, photo.large.name)
    )
    page = login(library_manager).get(library.get_absolute_url()).content.decode()
    assert photo.small.url in page and 'alt="Anak-anak membaca di teras"' in page


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


def test_delete_is_post_only_and_removes_files(login, regency_staff, photo, django_capture_on_commit_callbacks):
    client = login(regency_staff)
    url = reverse("villages:library_photo_delete", args=[photo.pk])
    assert client.get(url).status_code == 405
    paths = [photo.small.path, photo.large.path]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not LibraryPhoto.objects.exists()
    assert not any(os.path.exists(path) for path in paths)


@pytest.mark.parametrize("role, status", [("consultant", 403), ("other_regency_staff", 404)])
def test_delete_scope(request, login, photo, role, status):
    client = login(request.getfixturevalue(role))
    assert client.post(reverse("villages:library_photo_delete", args=[photo.pk])).status_code == status
    assert LibraryPhoto.objects.filter(pk=photo.pk).exists()


def test_delete_anonymous_redirects(client, photo):
    client.logout()  # the photo fixture logged this client in
    response = client.post(reverse("villages:library_photo_delete", args=[photo.pk]))
    assert response.status_code == 302
    assert LibraryPhoto.objects.filter(pk=photo.pk).exists()


def test_manager_edits_alt_text_and_order(login, library_manager, photo):
    url = reverse("villages:library_photo_update", args=[photo.pk])
    client = login(library_manager)
    assert client.post(url, {"alt_text": "Ruang baca", "caption": "", "order": "3"}).status_code == 302
    photo.refresh_from_db()
    assert (photo.alt_text, photo.order) == ("Ruang baca", 3)


def test_public_page_shows_renditions_only(client, photo):
    client.logout()
    html = client.get(photo.library.get_absolute_url()).content.decode()
    assert photo.small.url in html and photo.large.url in html
    assert photo.small.name.endswith("small.jpg") and photo.large.name.endswith("large.jpg")
    assert "photo.jpg" not in html  # the uploaded file's name is not kept anywhere
