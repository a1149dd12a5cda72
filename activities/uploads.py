"""Checking uploaded activity photos and documents, with the portal's shared rules.

Photos go through `perpus.uploads` (real image, size and pixel limits, two JPEG
renditions without metadata; the original is never stored).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from perpus.uploads import check_size, process_photo, validate_pdf, validate_photo

__all__ = ["DOCUMENT_EXTENSIONS", "process_photo", "validate_document", "validate_photo"]

DOCUMENT_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods"}


def validate_document(uploaded) -> None:
    """Raise `ValidationError` unless `uploaded` has an accepted type and size (reads the file)."""
    check_size(uploaded)
    suffix = PurePosixPath(uploaded.name or "").suffix.lower()
    if suffix not in DOCUMENT_EXTENSIONS:
        raise ValidationError(
            _("Upload a PDF, an office document or a scan (JPEG or PNG)."), code="bad_type"
        )
    if suffix == ".pdf":
        validate_pdf(uploaded)
    elif suffix in {".jpg", ".jpeg", ".png"}:
        validate_photo(uploaded)
