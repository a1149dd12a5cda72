"""Photos of a library, kept only as web renditions (see perpus.uploads)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from perpus.scopes import ScopedQuerySet, ScopePaths

from .libraries import Library


class LibraryPhotoQuerySet(ScopedQuerySet):
    scope_paths = ScopePaths(
        province="library__province_id", regency="library__regency_id", library="library_id"
    )


def photo_path(instance, filename: str) -> str:
    """Store renditions under the library's folder with an unguessable name."""
    return f"libraries/{instance.library_id}/{uuid.uuid4().hex}-{filename}"


class LibraryPhoto(models.Model):
    library = models.ForeignKey(
        Library, on_delete=models.CASCADE, related_name="photos", verbose_name=_("library")
    )
    # Only the resized renditions are stored; the uploaded original is discarded.
    small = models.ImageField(_("small image"), upload_to=photo_path, max_length=200)
    large = models.ImageField(_("large image"), upload_to=photo_path, max_length=200)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = LibraryPhotoQuerySet.as_manager()

    class Meta:
        ordering = ["library_id", "order", "pk"]
        verbose_name = _("library photo")
        verbose_name_plural = _("library photos")

    def __str__(self):
        return self.alt_text
