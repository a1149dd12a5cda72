"""Checking and cleaning uploaded photos and documents of the activities records.

Photos are re-encoded by Pillow: that proves they are real images, shrinks them
to a sensible size and drops every metadata block (EXIF with GPS location
included), so the original file is never stored. Documents (PDF or image) are
checked for size and type; image documents are cleaned like photos.
"""

from __future__ import annotations

import io
import uuid
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

#: Longest side of a stored photo, in pixels.
PHOTO_MAX_SIDE = 1600
#: Refuse images with more pixels than this before decoding them (decompression bombs).
MAX_PIXELS = 40_000_000

IMAGE_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
DOCUMENT_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".webp"}


def check_size(upload) -> None:
    """Raise `ValidationError` if `upload` is larger than `settings.MAX_UPLOAD_BYTES` (no query)."""
    limit = settings.MAX_UPLOAD_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def _open_image(upload) -> Image.Image:
    """Return the decoded image in `upload`, or raise `ValidationError`."""
    not_image = ValidationError(
        _("This file is not an image we can read. Upload a JPEG, PNG or WebP photo."),
        code="not_an_image",
    )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(upload)
            if probe.format not in IMAGE_FORMATS:
                raise not_image
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(
                    _("The image is too large (%(width)s × %(height)s pixels).")
                    % {"width": probe.width, "height": probe.height},
                    code="image_too_large",
                )
            probe.verify()
            # verify() leaves the image unusable: open it again to decode it.
            upload.seek(0)
            image = Image.open(upload)
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The image is too large to process."), code="image_too_large")
    except Exception:
        raise not_image
    return image


def clean_photo(upload, *, max_side: int = PHOTO_MAX_SIDE) -> SimpleUploadedFile:
    """Return a new JPEG/PNG file made from the photo in `upload`, resized and without metadata.

    Raises `ValidationError` (size, not an image, too many pixels). No query.
    """
    check_size(upload)
    image = _open_image(upload)
    # Respect the camera's orientation before the EXIF block that carries it is dropped.
    image = ImageOps.exif_transpose(image)
    image.thumbnail((max_side, max_side))
    keep_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    out = io.BytesIO()
    if keep_alpha:
        image.convert("RGBA").save(out, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        extension, content_type = "jpg", "image/jpeg"
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", out.getvalue(), content_type=content_type)


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
        upload.seek(0)
        if upload.read(5) != b"%PDF-":
            raise ValidationError(
                _("This file does not look like a PDF document."), code="not_a_pdf"
            )
        upload.seek(0)
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
