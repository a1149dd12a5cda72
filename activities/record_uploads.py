"""Checking and cleaning uploaded photos and documents of the activities records.

Photos are checked and re-encoded by `perpus.uploads`: that proves they are real
images, shrinks them to a sensible size and drops every metadata block (EXIF with
GPS location included), so the original file is never stored. Documents (PDF or image) are
checked for size and type; image documents are cleaned like photos.
"""

from __future__ import annotations

import uuid
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from perpus.uploads import check_size, clean_image, validate_pdf

#: Longest side of a stored photo, in pixels.
PHOTO_MAX_SIDE = 1600

DOCUMENT_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".webp"}


def clean_photo(upload) -> ContentFile:
    """Return the photo in `upload` as a resized JPEG without metadata (`perpus.uploads`)."""
    return clean_image(upload, longest_side=PHOTO_MAX_SIDE)


def clean_document(upload):
    """Return a safe file for a document upload: a checked PDF, or a cleaned image.

    Raises `ValidationError` for files that are too large or of another type. No query.
    """
    check_size(upload)
    extension = PurePosixPath(upload.name or "").suffix.lower()
    if extension not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Upload the document as a PDF file or a photo (JPEG, PNG)."), code="bad_document_type"
        )
    if extension == ".pdf":
        validate_pdf(upload)
        upload.name = f"{uuid.uuid4().hex}.pdf"
        return upload
    return clean_photo(upload)


@deconstructible
class RandomUploadTo:
    """`upload_to` storing files as `<folder>/<year>/<random>.<ext>`.

    Random names keep stored files from being guessed; they are served through
    scoped views anyway. A class (not a closure) so migrations can serialise it.
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = PurePosixPath(filename).suffix.lower()[:6]
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadTo) and other.folder == self.folder
