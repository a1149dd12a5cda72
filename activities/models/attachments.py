"""Photos and documents of an activity.

Photos of people are public only with recorded consent (`villages.models.ConsentedPhoto`);
documents marked private (attendance lists always) are served only to the record's scope.
"""

from pathlib import PurePosixPath

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from perpus.trash import SoftDeletable, SoftDeleteQuerySet
from perpus.uploads import RandomUploadTo
from villages.models.photos import CONSENT_ALLOWS, ConsentedPhoto

from .activities import Activity
from .choices import DocumentKind


class AttachmentQuerySet(SoftDeleteQuerySet):
    def of(self, activities):
        """Attachments of the activities in `activities` (lazy). A correlated EXISTS on each
        attachment row: `activity__in=<activities>` would list every activity first."""
        return self.filter(Exists(activities.filter(pk=OuterRef("activity_id"))))

    def public_attachments(self):
        """Live attachments of a public activity (`Activity.objects.public()`; lazy)."""
        return self.alive().of(Activity.objects.public())


class ActivityPhotoQuerySet(AttachmentQuerySet):
    def public(self):
        """Photos visitors may see (lazy): live, of a public activity, and not of people
        unless they consented."""
        return self.public_attachments().filter(CONSENT_ALLOWS)


class Attachment(SoftDeletable):
    """A photo or document of an activity: listed in the order added, and soft-deleted so that
    the trash can bring it back with its file."""

    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["pk"]


class ActivityPhoto(Attachment, ConsentedPhoto):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="photos", verbose_name=_("activity")
    )
    # Only resized, re-encoded copies are kept: never the uploaded original (EXIF, GPS).
    image = models.ImageField(_("photo"), upload_to=RandomUploadTo("activities/photos/large"))
    thumbnail = models.ImageField(_("thumbnail"), upload_to=RandomUploadTo("activities/photos/small"))
    # The thumbnail's size, set by the service that makes it: pages give <img> its size
    # (no layout shift). Not ImageField's width_field, which would open the file of every
    # row loaded without one.
    thumbnail_width = models.PositiveSmallIntegerField(null=True, editable=False)
    thumbnail_height = models.PositiveSmallIntegerField(null=True, editable=False)
    alt_text = models.CharField(
        _("description"), max_length=200, help_text=_("What the photo shows, for screen readers.")
    )

    objects = ActivityPhotoQuerySet.as_manager()

    class Meta(Attachment.Meta):
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")

    def __str__(self):
        return self.alt_text


class ActivityDocumentQuerySet(AttachmentQuerySet):
    def public(self):
        """Documents visitors may get (lazy): live, not private, of a public activity."""
        return self.public_attachments().filter(is_private=False)


class ActivityDocument(Attachment):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="documents", verbose_name=_("activity")
    )
    kind = models.CharField(
        _("document type"), max_length=12, choices=DocumentKind.choices, default=DocumentKind.REPORT
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=RandomUploadTo("activities/documents"))
    is_private = models.BooleanField(
        _("private"), default=True,
        help_text=_("Private documents (attendance lists always) are shown only to the record's staff."),
    )

    objects = ActivityDocumentQuerySet.as_manager()

    class Meta(Attachment.Meta):
        verbose_name = _("activity document")
        verbose_name_plural = _("activity documents")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=DocumentKind.ATTENDANCE) | Q(is_private=True),
                name="attendance_lists_are_private",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.kind == DocumentKind.ATTENDANCE:
            self.is_private = True
        super().save(*args, **kwargs)

    @property
    def filename(self) -> str:
        return PurePosixPath(self.file.name or "").name
