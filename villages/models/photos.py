"""Photos of a library, kept only as web renditions (see perpus.uploads).

A photo showing people who can be recognised is public only with their recorded
consent (UU PDP); a deleted photo stays in the trash, with its files, until restored.
Files are served by `villages.views.photos.library_photo_file`, never from a media URL.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.trash import SoftDeletable, SoftDeleteQuerySet
from perpus.uploads import RandomUploadTo

from .parts import LibraryPartQuerySet, library_link

#: Photos consent allows to show: of no one who can be recognised, or with their consent.
CONSENT_ALLOWS = Q(is_person_photo=False) | Q(consent_recorded=True)


class ConsentedPhoto(models.Model):
    """A photo that may show people (a library's or an activity's): it is public only with
    their recorded consent (UU PDP)."""

    is_person_photo = models.BooleanField(_("shows people who can be recognised"), default=True)
    consent_recorded = models.BooleanField(
        _("consent recorded"),
        default=False,
        help_text=_(
            "The people shown agreed to publication (UU PDP). Without it the photo stays private."
        ),
    )

    class Meta:
        abstract = True

    @property
    def may_be_public(self) -> bool:
        """Whether consent allows showing the photo publicly; whether its library or activity
        is public is for the queryset's `public()` (no query)."""
        return not self.is_person_photo or self.consent_recorded

    @property
    def shows_without_consent(self) -> bool:
        """Whether the photo shows people who did not consent: never public (no query)."""
        return not self.may_be_public


class LibraryPhotoQuerySet(LibraryPartQuerySet, SoftDeleteQuerySet):
    def public(self):
        """Photos anyone may see (lazy): not deleted, of a published library, and not of
        people unless their consent is recorded."""
        return self.alive().filter(CONSENT_ALLOWS, library__is_published=True)


def photo_path(instance, filename: str) -> str:
    """Kept only because migration 0002 names it; new files use `RandomUploadTo`."""
    return RandomUploadTo("library-photos")(instance, filename)


class LibraryPhoto(SoftDeletable, ConsentedPhoto):
    library = library_link("photos")
    # Only the resized renditions are stored; the uploaded original is discarded.
    small = models.ImageField(
        _("small image"), upload_to=RandomUploadTo("library-photos/small"), max_length=200,
        width_field="small_width", height_field="small_height",
    )
    # Kept with the file so pages give <img> its width and height (no layout shift) without
    # opening the file.
    small_width = models.PositiveSmallIntegerField(_("small image width"), null=True, blank=True, editable=False)
    small_height = models.PositiveSmallIntegerField(_("small image height"), null=True, blank=True, editable=False)
    large = models.ImageField(
        _("large image"), upload_to=RandomUploadTo("library-photos/large"), max_length=200
    )
    alt_text = models.CharField(
        _("alternative text"), max_length=250,
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

    @property
    def small_url(self) -> str:
        return reverse("villages:library_photo_file", args=[self.pk, "small"])

    @property
    def large_url(self) -> str:
        return reverse("villages:library_photo_file", args=[self.pk, "large"])
