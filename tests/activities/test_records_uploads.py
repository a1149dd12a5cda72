"""Uploaded photos are real images, resized, without EXIF; documents are checked."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from activities.models import Partnership, Product
from perpus.uploads import PDF_OR_IMAGE, clean_image
from perpus.uploads import clean_document as clean_any_document


def clean_photo(upload):
    return clean_image(upload)


def clean_document(upload):
    """What the records' forms do with a document upload (PDF or image)."""
    return clean_any_document(upload, allowed=PDF_OR_IMAGE)

from .records_factories import valid_post


def photo_with_gps(size=(3000, 2000)) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "KameraRahasia"  # Make
    exif[0x8825] = {1: "S", 2: (2.0, 20.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    Image.new("RGB", size, "green").save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_photo_is_resized_and_loses_exif():
    raw = photo_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif()  # the original carries metadata
    cleaned = clean_photo(SimpleUploadedFile("IMG_0001.jpg", raw, content_type="image/jpeg"))
    image = Image.open(io.BytesIO(cleaned.read()))
    assert max(image.size) == 1600
    assert not image.getexif() and "exif" not in image.info
    assert cleaned.name.endswith(".jpg") and "IMG_0001" not in cleaned.name


def test_fake_image_is_refused():
    with pytest.raises(ValidationError) as error:
        clean_photo(SimpleUploadedFile("x.jpg", b"not an image at all", content_type="image/jpeg"))
    assert error.value.code == "not_image"


def test_decompression_bomb_is_refused():
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, format="PNG")
    with pytest.raises(ValidationError) as error:
        clean_photo(SimpleUploadedFile("bomb.png", out.getvalue(), content_type="image/png"))
    assert error.value.code == "too_many_pixels"


def test_too_large_file_is_refused_with_sizes(settings):
    settings.MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        clean_document(SimpleUploadedFile("mou.pdf", b"%PDF-" + b"0" * 2000))
    assert error.value.code == "too_large"
    assert "1000" in error.value.messages[0] or "1,0" in error.value.messages[0] or "KB" in error.value.messages[0]


@pytest.mark.parametrize("name,content,code", [
    ("mou.docx", b"PK..", "bad_type"),
    ("mou.pdf", b"<html>", "not_pdf"),
])
def test_bad_documents_are_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        clean_document(SimpleUploadedFile(name, content))
    assert error.value.code == code


def test_image_document_is_cleaned_like_a_photo():
    cleaned = clean_document(SimpleUploadedFile("scan.jpg", photo_with_gps((800, 600))))
    assert not Image.open(io.BytesIO(cleaned.read())).getexif()


@pytest.mark.django_db
def test_product_form_stores_only_the_cleaned_photo(login, regency_staff, regency_library):
    data = valid_post("product", regency_library, photo=SimpleUploadedFile("p.jpg", photo_with_gps(), "image/jpeg"))
    assert login(regency_staff).post(reverse("activities:product_create"), data).status_code == 302
    product = Product.objects.get()
    with product.photo.open("rb") as stored:
        image = Image.open(stored)
        assert max(image.size) == 1600 and not image.getexif()


@pytest.mark.django_db
def test_bad_upload_gets_a_message_next_to_the_field_and_saves_nothing(login, regency_staff, regency_library):
    client = login(regency_staff)
    data = valid_post("product", regency_library, photo=SimpleUploadedFile("p.jpg", b"nope", "image/jpeg"))
    response = client.post(reverse("activities:product_create"), data)
    assert response.status_code == 200 and "photo" in response.context["form"].errors
    data = valid_post("partnership", regency_library, document=SimpleUploadedFile("mou.pdf", b"<html>"))
    response = client.post(reverse("activities:partnership_create"), data)
    assert "document" in response.context["form"].errors
    assert not Product.objects.exists() and not Partnership.objects.exists()


@pytest.mark.django_db
def test_scan_uploaded_as_a_partnership_document_is_stored_without_gps(login, regency_staff, regency_library):
    scan = SimpleUploadedFile("mou-ditandatangani.jpg", photo_with_gps((800, 600)), "image/jpeg")
    data = valid_post("partnership", regency_library, document=scan)
    assert login(regency_staff).post(reverse("activities:partnership_create"), data).status_code == 302
    partnership = Partnership.objects.get()
    assert partnership.document.name.endswith(".jpg") and "mou-ditandatangani" not in partnership.document.name
    with partnership.document.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert not image.getexif() and "exif" not in image.info
