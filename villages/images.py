"""Safe photo uploads, reusable by every app.

`validate_photo(file)` refuses anything that is not a real, complete JPEG, PNG
or WebP image of reasonable size; `process_photo(file)` turns an accepted
upload into two web renditions (small and large JPEG) with orientation applied
and all metadata (EXIF, GPS, XMP, ICC comments) dropped. Callers store only
the renditions: the original is never saved, so it can never be served.

`clean_image(file)` makes one cleaned JPEG (for evidence, products, stories);
`check_size(file)` and `validate_pdf(file)` serve document uploads. Every app
checks uploads through this module, so the rules and messages are the same
everywhere.

`PhotoField` is the form field that runs the validation, so a form shows a
clear, translated message next to the field::

    photo = PhotoField(label=_("photo"))
    ...
    small, large = process_photo(form.cleaned_data["photo"])
    obj.small.save(small.name, small, save=False)
"""

from __future__ import annotations

import io
import uuid
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
ACCEPT = "image/jpeg,image/png,image/webp"
#: Largest picture we decode (pixels); a 48-megapixel phone photo passes.
MAX_PIXELS = 50_000_000
SMALL_SIZE = 480
LARGE_SIZE = 1600
JPEG_QUALITY = 82


def max_upload_bytes() -> int:
    return settings.MAX_UPLOAD_BYTES


def _read(file) -> bytes:
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if hasattr(file, "seek"):
        file.seek(0)
    return data


def _open(data: bytes) -> Image.Image:
    """Open `data` lazily, turning Pillow's decompression-bomb warning into an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def check_size(file) -> None:
    """Raise `ValidationError` if `file` is larger than `settings.MAX_UPLOAD_BYTES` (no query)."""
    size = getattr(file, "size", None)
    limit = max_upload_bytes()
    if size is not None and size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def validate_pdf(file) -> None:
    """Raise `ValidationError` unless `file` is within the size limit and starts like a PDF."""
    check_size(file)
    if not _read(file).startswith(b"%PDF-"):
        raise ValidationError(_("This file is not a real PDF document."), code="not_pdf")


def validate_photo(file) -> None:
    """Raise `ValidationError` unless `file` is a complete JPEG/PNG/WebP within the limits.

    Checks the size before reading, the format and pixel count from the header
    before decoding (decompression bombs), then verifies and fully decodes the
    image (corrupt and truncated files). No query.
    """
    check_size(file)
    limit = max_upload_bytes()
    data = _read(file)
    if len(data) > limit:
        raise ValidationError(
            _("The file is too large. The limit is %(limit)s.") % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    not_image = ValidationError(
        _("This file is not a photo we can read. Upload a JPEG, PNG or WebP image."),
        code="not_image",
    )
    too_big = ValidationError(
        _("The picture has too many pixels to process. Resize it and upload it again."),
        code="too_many_pixels",
    )
    try:
        image = _open(data)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except Exception:  # Pillow raises many kinds of errors on garbage input.
        raise not_image from None
    if image.format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Photos must be JPEG, PNG or WebP images."), code="format"
        )
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise too_big
    try:
        image.verify()
        # verify() does not decode the pixels; load() does, and fails on truncated files.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            _open(data).load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except Exception:
        raise ValidationError(
            _("The image is damaged or incomplete. Upload it again."), code="truncated"
        ) from None


def _rendition(image: Image.Image, longest_side: int, name: str) -> ContentFile:
    copy = image.copy()
    copy.thumbnail((longest_side, longest_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif=, no icc_profile=: the saved JPEG carries no metadata at all.
    copy.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return ContentFile(out.getvalue(), name=name)


def _upright_rgb(file) -> Image.Image:
    """Decode a validated upload: orientation applied, transparency flattened, no metadata."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(_read(file)))
        image.load()
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    elif image.mode != "RGB":
        image = image.convert("RGB")
    # Build a fresh image so nothing of the original's info dict travels along.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean


def process_photo(file) -> tuple[ContentFile, ContentFile]:
    """Return (small, large) JPEG renditions of `file`, validated first.

    Orientation from EXIF is applied to the pixels, then all metadata is
    dropped; transparency is flattened on white. Names are `small.jpg` and
    `large.jpg` (storage adds its own unique path). Raises `ValidationError`. No query.
    """
    validate_photo(file)
    clean = _upright_rgb(file)
    return _rendition(clean, SMALL_SIZE, "small.jpg"), _rendition(clean, LARGE_SIZE, "large.jpg")


def clean_image(file, *, longest_side: int = LARGE_SIZE) -> ContentFile:
    """Return one JPEG of `file`, validated, at most `longest_side` pixels, without metadata.

    The name is random, so the uploader's file name is not kept. Raises `ValidationError`. No query.
    """
    validate_photo(file)
    return _rendition(_upright_rgb(file), longest_side, f"{uuid.uuid4().hex}.jpg")


def _photo_help_text() -> str:
    return gettext("JPEG, PNG or WebP, at most %(limit)s. Location data is removed.") % {
        "limit": filesizeformat(max_upload_bytes())
    }


# Lazy, so the help text follows the language of each request.
photo_help_text = lazy(_photo_help_text, str)


class PhotoField(forms.FileField):
    """A file field that accepts only photos passing `validate_photo`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", photo_help_text())
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if file:
            validate_photo(file)
        return file
