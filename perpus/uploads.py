"""Every upload of every app goes through this module: checking, cleaning, naming, serving.

Checking
    `validate_photo(file)` refuses anything that is not a real, complete JPEG, PNG
    or WebP image of reasonable size; `validate_pdf(file)` anything that does not
    start like a PDF; `check_size(file)` anything over `settings.MAX_UPLOAD_BYTES`.
    `clean_document(file, allowed=…)` checks a document against the types the
    caller allows (the keys of `DOCUMENT_TYPES`) and returns what to store.

Cleaning
    Every stored image is re-encoded here as a JPEG without metadata (EXIF, GPS,
    camera, date, XMP, ICC comments), with its orientation applied:
    `process_photo(file)` makes the two web renditions (small and large) of a
    photo, `clean_image(file)` one cleaned JPEG; an image uploaded as a
    *document* is cleaned the same way by `clean_document`. The original upload
    is never stored, so it can never be served.

Naming
    `RandomUploadTo("folder")` stores files as `folder/<year>/<random>.<ext>`: the
    uploader's file name (often a person's name) is not kept in the path.

Serving
    `serve_file(fieldfile, public=…)` answers with the file and the right headers:
    images and PDFs inline (so a phone opens them), other documents as downloads,
    `nosniff` always, and a cache policy that keeps private files out of shared
    caches. Views decide *whether* to serve (through `perpus.scopes` and the
    models' `public()` querysets); this module decides *how*.

Forms use `PhotoField` and `DocumentField`, so a form shows a clear, translated
message next to the field::

    photo = PhotoField(label=_("photo"))
    ...
    small, large = process_photo(form.cleaned_data["photo"])
    obj.small.save(small.name, small, save=False)
"""

from __future__ import annotations

import io
import mimetypes
import uuid
import warnings
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.deconstruct import deconstructible
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
        # The stored file (no new upload) was checked when it came in.
        if file and file is not initial:
            validate_photo(file)
        return file


# Documents ------------------------------------------------------------------------

#: Document types a caller may allow: extension → (what the file must start with, kind).
#: Office files are checked by their container's signature (ZIP for OOXML/ODF, OLE2 for
#: the old binary formats); images are re-encoded; PDFs must start like a PDF.
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
DOCUMENT_TYPES: dict[str, tuple[tuple[bytes, ...], str]] = {
    ".pdf": ((b"%PDF-",), "pdf"),
    ".jpg": ((), "image"),
    ".jpeg": ((), "image"),
    ".png": ((), "image"),
    ".webp": ((), "image"),
    ".docx": (_ZIP, "office"),
    ".xlsx": (_ZIP, "office"),
    ".odt": (_ZIP, "office"),
    ".ods": (_ZIP, "office"),
    ".doc": (_OLE, "office"),
    ".xls": (_OLE, "office"),
}
#: Common sets of allowed document types.
PDF_ONLY = frozenset({".pdf"})
PDF_OR_IMAGE = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".webp"})
ANY_DOCUMENT = frozenset(DOCUMENT_TYPES)


def _describe(allowed) -> str:
    kinds = {DOCUMENT_TYPES[ext][1] for ext in allowed}
    names = []
    if "pdf" in kinds:
        names.append(gettext("PDF"))
    if "office" in kinds:
        names.append(gettext("an office document (Word, Excel, OpenDocument)"))
    if "image" in kinds:
        names.append(gettext("a photo or scan (JPEG, PNG, WebP)"))
    return ", ".join(names)


def validate_document(file, *, allowed=ANY_DOCUMENT) -> str:
    """Check `file` against the `allowed` extensions; return its extension. No query.

    Raises `ValidationError` with a translated message for a file that is too large,
    of a type not allowed, or whose content does not match its type.
    """
    check_size(file)
    suffix = PurePosixPath(getattr(file, "name", "") or "").suffix.lower()
    if suffix not in allowed or suffix not in DOCUMENT_TYPES:
        raise ValidationError(
            _("This type of file is not accepted here. Upload %(kinds)s.")
            % {"kinds": _describe(allowed)},
            code="bad_type",
        )
    signatures, kind = DOCUMENT_TYPES[suffix]
    if kind == "image":
        validate_photo(file)
    elif kind == "pdf":
        validate_pdf(file)
    elif not _read(file)[:8].startswith(signatures):
        raise ValidationError(
            _("This file is not a real %(type)s document.") % {"type": suffix.lstrip(".").upper()},
            code="bad_content",
        )
    return suffix


def clean_document(file, *, allowed=ANY_DOCUMENT):
    """Return what to store for an uploaded document: images re-encoded, others as they are.

    An image (also a JPEG or PNG uploaded as a document) comes back as a JPEG without
    metadata; a PDF or office file comes back with a random name of its own type.
    Raises `ValidationError` (see `validate_document`). No query.
    """
    suffix = validate_document(file, allowed=allowed)
    if DOCUMENT_TYPES[suffix][1] == "image":
        return clean_image(file)
    return ContentFile(_read(file), name=f"{uuid.uuid4().hex}{suffix}")


def document_help_text(allowed=ANY_DOCUMENT) -> str:
    """A translated help text naming the accepted types and the size limit (no query)."""
    kinds = _describe(allowed)
    return gettext("%(kinds)s, at most %(limit)s.") % {
        "kinds": kinds[:1].upper() + kinds[1:],
        "limit": filesizeformat(max_upload_bytes()),
    }


class DocumentField(forms.FileField):
    """A file field accepting only the `allowed` document types (see `validate_document`)."""

    def __init__(self, *, allowed=ANY_DOCUMENT, **kwargs):
        self.allowed = frozenset(allowed)
        kwargs.setdefault("help_text", lazy(document_help_text, str)(self.allowed))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ",".join(sorted(self.allowed)))

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if file and file is not initial:
            validate_document(file, allowed=self.allowed)
        return file


# Names ----------------------------------------------------------------------------


@deconstructible
class RandomUploadTo:
    """`upload_to` storing files as `<folder>/<year>/<random>.<ext>`.

    Random names keep stored files from being guessed and keep uploaders' file
    names (often people's names) out of paths; files are served through scoped
    views anyway. A class (not a closure) so migrations can serialise it.
    """

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = PurePosixPath(filename).suffix.lower()[:6]
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadTo) and other.folder == self.folder

    def __hash__(self):
        return hash(self.folder)


# Serving --------------------------------------------------------------------------

#: Types a browser may show inline; anything else is a download.
INLINE_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png", "image/webp"})


def serve_file(fieldfile, *, public: bool, filename: str | None = None) -> FileResponse:
    """Return a response with the stored `fieldfile`; 404 if it is missing. No query.

    Images and PDFs are shown inline, other documents are downloads. `public` files
    may be kept by shared caches for an hour; private ones only by the user's own
    browser, never by a proxy. `filename` is the name offered for saving.
    """
    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    stored_name = PurePosixPath(fieldfile.name).name
    content_type = mimetypes.guess_type(stored_name)[0] or "application/octet-stream"
    if filename and not PurePosixPath(filename).suffix:
        filename += PurePosixPath(stored_name).suffix
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=filename or stored_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=3600" if public else "private, max-age=600"
    if not public:
        response["Vary"] = "Cookie"
    return response
