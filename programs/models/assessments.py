"""Consultants' monitoring visits and their verdicts on attested criteria."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.scopes import Role, ScopedQuerySet, ScopePaths

from .ladder import Criterion


class AssessmentQuerySet(ScopedQuerySet):
    scope_paths = ScopePaths(
        province="library__province_id", regency="library__regency_id", library="library_id"
    )
    # Consultants record monitoring visits; the program admin may too.
    writer_roles = frozenset({Role.ADMIN, Role.CONSULTANT})


class Assessment(models.Model):
    library = models.ForeignKey(
        "villages.Library",
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("library"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("recorded by"),
    )
    visited_on = models.DateField(_("date of visit"))
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-visited_on", "-pk"]
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


def evidence_path(instance, filename):
    """Store evidence under a random name: the path must not reveal or guess anything."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"programs/evidence/{uuid.uuid4().hex}{suffix}"


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
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(_("evidence file name"), max_length=200, blank=True)

    class Meta:
        ordering = ["criterion__stage__order", "criterion__order"]
        verbose_name = _("assessed criterion")
        verbose_name_plural = _("assessed criteria")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="assessment_item_unique")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_verdict_display()}"

    def get_evidence_url(self):
        return reverse("programs:assessment_evidence", args=[self.pk])
