"""Checks for evidence files: a real photo (re-encoded without metadata) or a PDF document."""

from __future__ import annotations

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from perpus.uploads import check_size, clean_image, validate_pdf

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
DOCUMENT_EXTENSIONS = {".pdf"}
#: Photos are stored at most this wide or high; the original is never kept.
MAX_IMAGE_SIDE = 1600


def clean_evidence(upload) -> ContentFile:
    """Validate an uploaded evidence file and return what to store.

    Photos go through `perpus.uploads` (verified, guarded against decompression
    bombs, resized, re-encoded as JPEG without EXIF/GPS); PDFs are kept as they are.
    Raises ValidationError with a message for the person uploading. No query.
    """
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix in DOCUMENT_EXTENSIONS:
        validate_pdf(upload)
        upload.seek(0)
        return ContentFile(upload.read(), name=PurePath(upload.name).name)
    if suffix not in IMAGE_EXTENSIONS:
        check_size(upload)
        raise ValidationError(
            _("Upload a photo (JPEG, PNG or WebP) or a PDF document."), code="bad_type"
        )
    return clean_image(upload, longest_side=MAX_IMAGE_SIDE)
