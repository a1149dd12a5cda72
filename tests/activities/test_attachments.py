"""Photos and documents of activities: public only through `public()`, stored clean, soft-deleted,
listed in the trash, restored by it or by a revert; served inline (images, PDFs) or as downloads."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from activities.models import ActivityDocument, ActivityPhoto, RecordEvent
from activities.services import activity_document_add, activity_photo_add, record_delete, record_revert, record_save

from .factories import ActivityFactory
from .test_files import jpeg_with_gps, pdf

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def verified_with_files(library, library_manager):
    """A verified activity of a published library with a public photo, a public report and a docx."""
    activity = ActivityFactory(library=library, created_by=library_manager)
    photo = activity_photo_add(
        activity=activity, user=library_manager, upload=jpeg_with_gps((60, 40)),
        alt_text="Gedung", is_person_photo=False, consent_recorded=False,
    )
    report = activity_document_add(
        activity=activity, user=library_manager, upload=pdf("laporan.pdf"), title="Laporan", kind="report",
        is_private=False,
    )
    docx = activity_document_add(
        activity=activity, user=library_manager, title="Materi", kind="materials", is_private=False,
        upload=SimpleUploadedFile("materi.docx", b"PK\x03\x04 office"),
    )
    activity.status = "verified"
    activity.save()
    return activity, photo, report, docx


def test_files_of_an_unpublished_library_are_not_served_to_visitors(client, login, verified_with_files, regency_staff):
    activity, photo, report, _docx = verified_with_files
    urls = [
        reverse("activities:activity_photo_file", args=[photo.pk, "small"]),
        reverse("activities:activity_document_file", args=[report.pk]),
    ]
    assert [client.get(url).status_code for url in urls] == [200, 200]
    activity.library.is_published = False
    activity.library.save()
    # Like the activity's page: visitors are asked to log in, its scope still gets the files.
    assert client.get(activity.get_absolute_url()).status_code == 302
    assert [client.get(url).status_code for url in urls] == [302, 302]
    staff = login(regency_staff)
    assert [staff.get(url).status_code for url in urls] == [200, 200]


def test_pdf_and_images_inline_office_files_downloaded(client, verified_with_files):
    _activity, photo, report, docx = verified_with_files
    response = client.get(reverse("activities:activity_document_file", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff" and "public" in response["Cache-Control"]
    response = client.get(reverse("activities:activity_photo_file", args=[photo.pk, "large"]))
    assert response["Content-Type"] == "image/jpeg" and response["Content-Disposition"].startswith("inline")
    response = client.get(reverse("activities:activity_document_file", args=[docx.pk]))
    assert response["Content-Disposition"].startswith("attachment")


def test_jpeg_uploaded_as_a_document_is_stored_without_gps(client, library, library_manager):
    activity = ActivityFactory(library=library, created_by=library_manager)
    upload = jpeg_with_gps((800, 600))
    assert Image.open(io.BytesIO(upload.read())).getexif()  # the original carries GPS
    upload.seek(0)
    document = activity_document_add(
        activity=activity, user=library_manager, upload=upload, title="Foto daftar hadir", kind="report",
        is_private=False,
    )
    assert document.file.name.endswith(".jpg") and "foto" not in document.file.name
    with document.file.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert not image.getexif() and "exif" not in image.info
    activity.status = "verified"
    activity.save()
    served = Image.open(io.BytesIO(body(client.get(reverse("activities:activity_document_file", args=[document.pk])))))
    assert not served.getexif()


def test_removing_a_photo_is_a_soft_delete_listed_in_the_trash(login, library_manager, regency_staff, draft):
    photo = activity_photo_add(
        activity=draft, user=library_manager, upload=jpeg_with_gps((60, 40)),
        alt_text="Menganyam", is_person_photo=False, consent_recorded=False,
    )
    client = login(library_manager)
    response = client.post(reverse("activities:activity_photo_delete", args=[photo.pk]))
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.is_deleted and photo.deleted_by == library_manager
    assert photo.image.storage.exists(photo.image.name)  # the file stays: restorable
    page = client.get(draft.get_absolute_url())
    assert list(page.context["photos"]) == []
    assert client.get(reverse("activities:activity_photo_file", args=[photo.pk, "small"])).status_code == 404
    items = client.get(reverse("activities:trash")).context["items"]
    assert [(i["kind"], i["obj"]) for i in items] == [("activity_photo", photo)]
    # The regency's staff may restore it too (they may edit the draft); out of reach for others.
    restore = reverse("activities:trash_restore", args=["activity_photo", photo.pk])
    assert login(regency_staff).get(restore).status_code == 405
    assert login(regency_staff).post(restore).status_code == 302
    photo.refresh_from_db()
    assert not photo.is_deleted


def test_removing_needs_an_editable_activity(login, library_manager, consultant, outside_consultant, draft):
    document = activity_document_add(
        activity=draft, user=library_manager, upload=pdf(), title="Laporan", kind="report", is_private=True
    )
    url = reverse("activities:activity_document_delete", args=[document.pk])
    assert login(outside_consultant).post(url).status_code == 404
    assert login(consultant).post(url).status_code == 403
    document.refresh_from_db()
    assert not document.is_deleted


def test_trash_restore_of_something_out_of_reach_is_404(login, library_manager, other_regency_staff, draft):
    photo = ActivityPhoto.objects.create(activity=draft, image="a.jpg", thumbnail="b.jpg", alt_text="x")
    photo.mark_deleted(library_manager)
    url = reverse("activities:trash_restore", args=["activity_photo", photo.pk])
    assert login(other_regency_staff).post(url).status_code == 404
    assert login(library_manager).post(reverse("activities:trash_restore", args=["nothing", photo.pk])).status_code == 404
    photo.refresh_from_db()
    assert photo.is_deleted


def test_revert_brings_back_attachments_deleted_after_that_version(login, library_manager, draft):
    created = RecordEvent.objects.create(
        content_type=ContentType.objects.get_for_model(draft),
        object_id=draft.pk, action="created", user=library_manager,
        snapshot={"title": draft.title},
    )
    document = activity_document_add(
        activity=draft, user=library_manager, upload=pdf(), title="Laporan", kind="report", is_private=True
    )
    client = login(library_manager)
    client.post(reverse("activities:activity_document_delete", args=[document.pk]))
    draft.refresh_from_db()
    draft.title = "Judul baru"
    record_save(record=draft, user=library_manager, expected_version=draft.version)
    record_revert(record=draft, user=library_manager, event=created)
    document.refresh_from_db()
    draft.refresh_from_db()
    assert not document.is_deleted and draft.title == "Pelatihan menganyam"


def test_trash_lists_every_kind_newest_first_in_fixed_queries(
    login, library_manager, draft, django_assert_max_num_queries
):
    for n in range(3):
        ActivityPhoto.objects.create(activity=draft, image="a.jpg", thumbnail="b.jpg", alt_text=f"foto {n}").mark_deleted(
            library_manager
        )
    ActivityDocument.objects.create(activity=draft, file="x.pdf", title="dok").mark_deleted(library_manager)
    other = ActivityFactory(library=draft.library, created_by=library_manager, title="Salah input")
    record_delete(record=other, user=library_manager, reason="dobel")
    client = login(library_manager)
    # session, user; count and keys of the UNION; one fetch per kind on the page; unread count
    with django_assert_max_num_queries(2 + 2 + 3 + 1):
        response = client.get(reverse("activities:trash"))
    items = response.context["items"]
    assert [i["title"] for i in items] == ["Salah input", "dok", "foto 2", "foto 1", "foto 0"]
    assert response.context["page_obj"].paginator.count == 5
