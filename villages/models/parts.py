"""What the rows that belong to one library share: the link to it, and scoping through it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from perpus.scopes import ScopedQuerySet, ScopePaths


class LibraryPartQuerySet(ScopedQuerySet):
    """Rows of one library (their `library` field), scoped by the library's places."""

    scope_paths = ScopePaths(
        province="library__province_id", regency="library__regency_id", library="library_id"
    )


def library_link(related_name: str) -> models.ForeignKey:
    """The library a row belongs to, labelled "library": the row goes when the library does."""
    return models.ForeignKey(
        "villages.Library", on_delete=models.CASCADE, related_name=related_name, verbose_name=_("library")
    )
