"""perpus.uploads beyond photos: documents of the types a caller allows, names, serving."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from PIL import Image

from perpus import uploads
from tests.villages.factories import image_bytes, jpeg_with_gps, upload

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"\x00" * 60
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 60


def test_pdf_is_kept_with_a_random_name():
    stored = uploads.clean_document(upload(PDF, "Daftar hadir Ibu Sari.pdf", "application/pdf"))
    assert stored.read() == PDF
    assert stored.name.endswith(".pdf")
    assert "Sari" not in stored.name


def test_image_uploaded_as_a_document_is_re_encoded_without_gps():
    stored = uploads.clean_document(upload(jpeg_with_gps((800, 600)), "scan.jpg"))
    image = Image.open(io.BytesIO(stored.read()))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info


@pytest.mark.parametrize(
    ("name", "data", "allowed"),
    [
        ("report.docx", DOCX, uploads.ANY_DOCUMENT),
        ("budget.xls", OLE, uploads.ANY_DOCUMENT),
        ("minutes.odt", DOCX, uploads.ANY_DOCUMENT),
    ],
)
def test_office_documents_with_the_right_signature_are_accepted(name, data, allowed):
    stored = uploads.clean_document(upload(data, name, "application/octet-stream"), allowed=allowed)
    assert stored.read() == data


@pytest.mark.parametrize(
    ("name", "data", "allowed", "code"),
    [
        ("report.docx", DOCX, uploads.PDF_ONLY, "bad_type"),
        ("photo.jpg", image_bytes(), uploads.PDF_ONLY, "bad_type"),
        ("script.exe", b"MZ" + b"\x00" * 40, uploads.ANY_DOCUMENT, "bad_type"),
        ("no-extension", PDF, uploads.ANY_DOCUMENT, "bad_type"),
        ("fake.pdf", b"<html>not a pdf</html>", uploads.PDF_ONLY, "not_pdf"),
        ("fake.docx", b"<html>not a zip</html>", uploads.ANY_DOCUMENT, "bad_content"),
        ("fake.png", b"not an image at all", uploads.PDF_OR_IMAGE, "not_image"),
    ],
)
def test_documents_of_other_types_or_false_content_are_refused(name, data, allowed, code):
    with pytest.raises(ValidationError) as error:
        uploads.clean_document(upload(data, name, "application/octet-stream"), allowed=allowed)
    assert error.value.code == code


def test_refusal_names_what_is_accepted_in_indonesian():
    with pytest.raises(ValidationError) as error:
        uploads.validate_document(upload(DOCX, "x.docx"), allowed=uploads.PDF_ONLY)
    assert "Jenis berkas ini tidak diterima di sini. Unggah PDF." in error.value.messages


def test_too_large_documents_are_refused(settings):
    settings.MAX_UPLOAD_BYTES = 10
    with pytest.raises(ValidationError) as error:
        uploads.clean_document(upload(PDF, "a.pdf"), allowed=uploads.PDF_ONLY)
    assert error.value.code == "too_large"


def test_document_field_validates_and_advertises_allowed_types():
    field = uploads.DocumentField(allowed=uploads.PDF_ONLY)
    assert field.widget.attrs["accept"] == ".pdf"
    assert "PDF" in str(field.help_text)
    with pytest.raises(ValidationError):
        field.clean(upload(DOCX, "x.docx"))
    assert field.clean(upload(PDF, "x.pdf")).name == "x.pdf"


def test_random_upload_to_keeps_only_the_extension():
    path = uploads.RandomUploadTo("documents")(None, "Foto Ibu Sari di Desa Juai.JPEG")
    folder, year, name = path.split("/")
    assert folder == "documents" and year.isdigit()
    assert name.endswith(".jpeg") and "Sari" not in name
    assert uploads.RandomUploadTo("a") == uploads.RandomUploadTo("a") != uploads.RandomUploadTo("b")


class Stored:
    """A minimal FieldFile stand-in over the default storage."""

    def __init__(self, name):
        self.name = name

    def __bool__(self):
        return bool(self.name)

    def open(self, mode="rb"):
        return default_storage.open(self.name, mode)


@pytest.fixture
def stored_files():
    names = {
        "pdf": default_storage.save("t/report.pdf", ContentFile(PDF)),
        "jpg": default_storage.save("t/photo.jpg", ContentFile(image_bytes())),
        "docx": default_storage.save("t/report.docx", ContentFile(DOCX)),
    }
    yield {key: Stored(name) for key, name in names.items()}
    for name in names.values():
        default_storage.delete(name)


def test_pdfs_and_images_are_served_inline(stored_files):
    for key, content_type in (("pdf", "application/pdf"), ("jpg", "image/jpeg")):
        response = uploads.serve_file(stored_files[key], public=False, filename="Laporan")
        assert response["Content-Type"] == content_type
        assert response["Content-Disposition"].startswith("inline")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_office_documents_are_downloads(stored_files):
    response = uploads.serve_file(stored_files["docx"], public=False, filename="Notulen")
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="Notulen.docx"' in response["Content-Disposition"]


def test_private_files_stay_out_of_shared_caches_and_public_ones_may_be_cached(stored_files):
    private = uploads.serve_file(stored_files["jpg"], public=False)
    public = uploads.serve_file(stored_files["jpg"], public=True)
    assert private["Cache-Control"].startswith("private")
    assert "Cookie" in private["Vary"]
    assert public["Cache-Control"].startswith("public")


def test_missing_or_empty_files_are_404():
    with pytest.raises(Http404):
        uploads.serve_file(Stored(""), public=True)
    with pytest.raises(Http404):
        uploads.serve_file(Stored("t/gone.pdf"), public=True)


@pytest.mark.django_db
def test_public_files_stay_cacheable_by_proxies_through_the_middleware(client, monkeypatch, stored_files):
    """The language middleware adds `Vary: Cookie` to pages, not to public files."""
    from django.urls import path

    from perpus import urls

    def view(request):
        return uploads.serve_file(stored_files["jpg"], public=True)

    monkeypatch.setattr(urls, "urlpatterns", [path("f/", view)] + urls.urlpatterns)
    from django.urls import clear_url_caches

    clear_url_caches()
    try:
        response = client.get("/f/")
        assert response["Cache-Control"].startswith("public")
        assert "Cookie" not in response.get("Vary", "")
        assert "Cookie" in client.get("/").get("Vary", "")
    finally:
        clear_url_caches()
