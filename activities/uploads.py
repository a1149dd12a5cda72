"""Checking and preparing uploaded photos and documents.

Photos: the upload must be a real image of a common format, not too large in
bytes or in pixels (decompression bombs), and is re-encoded as JPEG in two sizes,
which drops EXIF and GPS metadata. The original is never stored.

(`villages/images.py` is meant to offer the same `process_photo`; this module can
delegate to it once both are merged.)
"""

from __future__ import annotations

import io
import uuid
import warnings
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

#: Accepted image formats, as Pillow names them.
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
#: More pixels than this is refused before decoding (a 40-megapixel photo is plenty).
MAX_PIXELS = 40_000_000
SMALL_SIZE = (480, 480)
LARGE_SIZE = (1600, 1600)

DOCUMENT_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods"}


def _check_size(uploaded) -> None:
    limit = settings.MAX_UPLOAD_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(uploaded.size / 1_048_576, 1), "limit": round(limit / 1_048_576, 1)},
            code="too_large",
        )


def _open_checked(uploaded) -> Image.Image:
    """Return the upload opened as an image after checking it is a real, sane image."""
    _check_size(uploaded)
    invalid = ValidationError(
        _("This is not a photo we can read. Upload a JPEG, PNG or WebP image."), code="invalid_image"
    )
    try:
        uploaded.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded)
            if image.format not in IMAGE_FORMATS:
                raise invalid
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    _("The photo has too many pixels; send a smaller one."), code="too_many_pixels"
                )
            image.verify()
            # verify() leaves the image unusable: open again to decode it.
            uploaded.seek(0)
            image = Image.open(uploaded)
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as error:
        raise invalid from error
    return image


def validate_photo(uploaded) -> None:
    """Raise `ValidationError` unless `uploaded` is an acceptable photo (reads the file)."""
    _open_checked(uploaded)
    uploaded.seek(0)


def _encode(image: Image.Image, size: tuple[int, int]) -> ContentFile:
    copy = image.copy()
    copy.thumbnail(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # Re-encoding without `exif=` drops every metadata block, GPS included.
    copy.save(buffer, format="JPEG", quality=85, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def process_photo(uploaded) -> tuple[ContentFile, ContentFile]:
    """Return (small, large) JPEG copies of `uploaded`, upright and without metadata.

    Raises `ValidationError` with a clear message when the upload is not acceptable.
    """
    image = _open_checked(uploaded)
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    elif image.mode == "L":
        image = image.convert("RGB")
    return _encode(image, SMALL_SIZE), _encode(image, LARGE_SIZE)


def validate_document(uploaded) -> None:
    """Raise `ValidationError` unless `uploaded` has an accepted type and size (reads its head)."""
    _check_size(uploaded)
    suffix = PurePosixPath(uploaded.name or "").suffix.lower()
    if suffix not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Upload a PDF, an office document or a scan (JPEG or PNG)."), code="bad_type"
        )
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if suffix == ".pdf" and not head.startswith(b"%PDF"):
        raise ValidationError(_("This file is not a real PDF."), code="bad_pdf")
    if suffix in {".jpg", ".jpeg", ".png"}:
        _open_checked(uploaded)
        uploaded.seek(0)
