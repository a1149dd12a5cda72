"""Checks for evidence files: a real photo (re-encoded without metadata) or a PDF document."""

from __future__ import annotations

import io
import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
DOCUMENT_EXTENSIONS = {".pdf"}
#: Photos are stored at most this wide or high; the original is never kept.
MAX_IMAGE_SIDE = 1600
#: Refuse images with more pixels than this before decoding them (decompression bombs).
MAX_IMAGE_PIXELS = 50_000_000


def _read(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def clean_evidence(upload) -> ContentFile:
    """Validate an uploaded evidence file and return what to store.

    Photos are verified with Pillow, guarded against decompression bombs, resized and
    re-encoded as JPEG (which drops EXIF, GPS included); PDFs are kept as they are.
    Raises ValidationError with a message for the person uploading. No query.
    """
    name = PurePath(upload.name or "").name
    suffix = PurePath(name).suffix.lower()
    if upload.size > settings.MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.MAX_UPLOAD_BYTES)},
            code="too_large",
        )
    if suffix in DOCUMENT_EXTENSIONS:
        if not _read(upload).startswith(b"%PDF-"):
            raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
        return ContentFile(_read(upload), name=name)
    if suffix not in IMAGE_EXTENSIONS:
        raise ValidationError(
            _("Upload a photo (JPEG, PNG or WebP) or a PDF document."), code="bad_type"
        )
    data = _read(upload)
    not_image = ValidationError(
        _("This file is not a valid image, or it is damaged."), code="not_image"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValidationError(
                        _("The image is too large in pixels; take a smaller photo."), code="bomb"
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
                if image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                out = io.BytesIO()
                # No exif= argument: the saved JPEG carries no metadata.
                image.save(out, format="JPEG", quality=85, optimize=True)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("The image is too large in pixels; take a smaller photo."), code="bomb"
        ) from None
    except Exception:  # Pillow raises many types for broken files.
        raise not_image from None
    return ContentFile(out.getvalue(), name=f"{PurePath(name).stem[:80] or 'photo'}.jpg")
