"""Uploads: photos are checked, resized and stripped; documents and photos are served by scope."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from activities.models import ActivityDocument, ActivityPhoto, RecordEvent
from activities.services import activity_document_add, activity_photo_add
from perpus.uploads import process_photo

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def jpeg_with_gps(size=(2400, 1800)):
    image = Image.new("RGB", size, "green")
    exif = Image.Exif()
    exif[0x010F] = "KameraHP"  # Make
    exif[0x8825] = {2: (1.0, 2.0, 3.0)}  # GPS IFD
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


def pdf(name="daftar.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%test\n", content_type="application/pdf")


def test_process_photo_resizes_and_strips_metadata():
    small, large = process_photo(jpeg_with_gps())
    for content, limit in ((small, 480), (large, 1600)):
        image = Image.open(io.BytesIO(content.read()))
        assert max(image.size) <= limit
        assert not image.getexif()


def test_not_an_image_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        process_photo(SimpleUploadedFile("x.jpg", b"not an image"))


def test_too_large_file_is_refused(settings):
    from django.core.exceptions import ValidationError

    settings.MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as error:
        process_photo(jpeg_with_gps((50, 50)))
    assert error.value.code == "too_large"


def test_decompression_bomb_is_refused(monkeypatch):
    from django.core.exceptions import ValidationError

    from perpus import uploads as images

    monkeypatch.setattr(images, "MAX_PIXELS", 100)
    with pytest.raises(ValidationError) as error:
        process_photo(jpeg_with_gps((50, 50)))
    assert error.value.code == "too_many_pixels"


def test_fake_pdf_is_refused(draft, library_manager):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        activity_document_add(
            activity=draft, user=library_manager, upload=SimpleUploadedFile("a.pdf", b"MZ..."),
            title="x", kind="report", is_private=False,
        )
    assert not ActivityDocument.objects.exists()


def test_photo_upload_view_logs_history(login, library_manager, draft):
    response = login(library_manager).post(
        reverse("activities:activity_photo_add", args=[draft.pk]),
        {"photo": jpeg_with_gps(), "alt_text": "Ibu-ibu menganyam", "is_person_photo": "on"},
    )
    assert response.status_code == 302
    photo = ActivityPhoto.objects.get()
    assert (photo.is_person_photo, photo.consent_recorded) == (True, False)
    assert not Image.open(photo.image.path).getexif()
    assert "Ibu-ibu menganyam" in RecordEvent.objects.for_record(draft).first().reason


def test_attachment_views_scope_matrix(login, client, draft, consultant, other_regency_staff):
    url = reverse("activities:activity_document_add", args=[draft.pk])
    data = {"file": pdf(), "title": "Daftar hadir", "kind": "attendance"}
    assert login(consultant).get(url).status_code == 405
    assert login(consultant).post(url, data).status_code == 403
    assert login(other_regency_staff).post(url, {**data, "file": pdf()}).status_code == 404
    client.logout()
    response = client.post(url, {**data, "file": pdf()})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not ActivityDocument.objects.exists()


def test_attendance_list_is_served_only_to_the_scope(login, client, library, library_manager, consultant, outside_consultant):
    activity = ActivityFactory(library=library, created_by=library_manager)
    document = activity_document_add(
        activity=activity, user=library_manager, upload=pdf(), title="Daftar hadir", kind="attendance", is_private=False
    )
    assert document.is_private
    activity.status = "verified"
    activity.save()
    url = reverse("activities:activity_document_file", args=[document.pk])
    response = login(consultant).get(url)
    assert response.status_code == 200 and b"%PDF" in b"".join(response.streaming_content)
    assert login(outside_consultant).get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    # Not on the public page either.
    page = client.get(reverse("activities:activity_detail", args=[activity.pk])).content.decode()
    assert "Daftar hadir" not in page


def test_public_report_of_a_verified_activity_is_served_to_all(client, library, library_manager):
    activity = ActivityFactory(library=library, created_by=library_manager)
    document = activity_document_add(
        activity=activity, user=library_manager, upload=pdf("laporan.pdf"), title="Laporan", kind="report", is_private=False
    )
    url = reverse("activities:activity_document_file", args=[document.pk])
    assert client.get(url).status_code == 302  # draft: not public yet
    activity.status = "verified"
    activity.save()
    assert client.get(url).status_code == 200


def test_person_photo_without_consent_stays_private(client, login, library, library_manager, outside_consultant):
    activity = ActivityFactory(library=library, created_by=library_manager)
    private = activity_photo_add(activity=activity, user=library_manager, upload=jpeg_with_gps((60, 40)),
                                 alt_text="Peserta", is_person_photo=True, consent_recorded=False)
    public = activity_photo_add(activity=activity, user=library_manager, upload=jpeg_with_gps((60, 40)),
                                alt_text="Gedung", is_person_photo=False, consent_recorded=False)
    activity.status = "verified"
    activity.save()
    assert client.get(reverse("activities:activity_photo_file", args=[public.pk, "small"])).status_code == 200
    assert client.get(reverse("activities:activity_photo_file", args=[private.pk, "large"])).status_code == 302
    assert login(outside_consultant).get(reverse("activities:activity_photo_file", args=[private.pk, "small"])).status_code == 404
    assert login(library_manager).get(reverse("activities:activity_photo_file", args=[private.pk, "small"])).status_code == 200
    client.logout()
    page = client.get(reverse("activities:activity_detail", args=[activity.pk]))
    assert list(page.context["photos"]) == [public]


def test_photo_file_size_must_be_known(client, library, library_manager):
    activity = ActivityFactory(library=library, created_by=library_manager, status="verified")
    photo = ActivityPhoto.objects.create(activity=activity, image="a.jpg", thumbnail="b.jpg", alt_text="x", is_person_photo=False)
    assert client.get(reverse("activities:activity_photo_file", args=[photo.pk, "original"])).status_code == 404


def test_attachments_cannot_be_added_once_submitted(login, regency_staff, awaiting_verification):
    response = login(regency_staff).post(
        reverse("activities:activity_document_add", args=[awaiting_verification.pk]),
        {"file": pdf(), "title": "Laporan", "kind": "report"},
    )
    assert response.status_code == 302
    assert not ActivityDocument.objects.exists()
