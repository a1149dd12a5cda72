"""Consultants' monitoring visits and their verdicts on attested criteria."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.scopes import ASSESSOR_ROLES, ScopedQuerySet, ScopePaths
from perpus.trash import SoftDeletable, SoftDeleteQuerySet
from perpus.uploads import RandomUploadTo
from villages.models import LibraryPartQuerySet, library_link

from .ladder import Criterion


class AssessmentQuerySet(LibraryPartQuerySet):
    # Consultants record monitoring visits; the program admin may too.
    writer_roles = ASSESSOR_ROLES


class Assessment(models.Model):
    library = library_link("assessments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments",
        verbose_name=_("recorded by"),
    )
    visited_on = models.DateField(_("date of visit"))
    visit = models.ForeignKey(
        "programs.Visit", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="assessments", verbose_name=_("monitoring visit"),
        help_text=_("The visit during which this assessment was made, if any."),
    )
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = newest_first("visited_on")
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        indexes = [models.Index(fields=["library", "-visited_on"])]

    def __str__(self):
        return f"{self.library} · {self.visited_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("programs:assessment_detail", args=[self.pk])


class Verdict(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_ASSESSED = "not_assessed", _("Not assessed")


class AssessmentItem(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="items", verbose_name=_("assessment")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="assessment_items", verbose_name=_("criterion")
    )
    verdict = models.CharField(
        _("verdict"), max_length=16, choices=Verdict.choices, default=Verdict.NOT_ASSESSED
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["criterion__stage__order", "criterion__order"]
        verbose_name = _("assessed criterion")
        verbose_name_plural = _("assessed criteria")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="assessment_item_unique")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_verdict_display()}"


def evidence_path(instance, filename):
    """The evidence field's old `upload_to`; migration 0001 still names it (unused since 0003)."""
    return RandomUploadTo("programs/evidence")(instance, filename)


class EvidenceQuerySet(SoftDeleteQuerySet, ScopedQuerySet):
    scope_paths = ScopePaths(
        province="item__assessment__library__province_id",
        regency="item__assessment__library__regency_id",
        library="item__assessment__library_id",
    )
    writer_roles = ASSESSOR_ROLES


class AssessmentEvidence(SoftDeletable):
    """A file (PDF, or a photo re-encoded without metadata) backing one verdict.

    Private: served only to users who may see the assessment. Deleting it is a soft
    delete (restorable from the trash); the file stays while the row exists.
    """

    item = models.ForeignKey(
        AssessmentItem,
        # The file follows its row: evidence is removed through the trash, never by a cascade.
        on_delete=models.PROTECT,
        related_name="evidence_files",
        verbose_name=_("assessed criterion"),
    )
    file = models.FileField(_("file"), upload_to=RandomUploadTo("programs/evidence"))
    #: Offered as the name when the file is opened or saved.
    name = models.CharField(_("file name"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = verbose_name_plural = _("evidence")

    def __str__(self):
        return self.name or self.file.name

    def get_absolute_url(self):
        return reverse("programs:evidence_file", args=[self.pk])
