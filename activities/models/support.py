"""Support a library won by advocacy: regulations and budget allocations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.uploads import RandomUploadTo

from .base import ReviewedRecord, trash_index
from .choices import BudgetSource, RegulationType, SupportKind


class SupportRecord(ReviewedRecord):
    """A regulation or a budget allocation supporting `library`, for one year."""

    kind = models.CharField(_("kind of support"), max_length=10, choices=SupportKind.choices)
    title = models.CharField(
        _("title"), max_length=255,
        help_text=_("The regulation's title, or what the budget pays for."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    regulation_type = models.CharField(
        _("type of regulation"), max_length=10, choices=RegulationType.choices, blank=True
    )
    number = models.CharField(_("number"), max_length=100, blank=True, help_text=_("E.g. 7 Tahun 2022."))
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    budget_source = models.CharField(
        _("source of funds"), max_length=14, choices=BudgetSource.choices, blank=True
    )
    amount = models.PositiveBigIntegerField(_("amount (Rp)"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    document = models.FileField(
        _("document"), upload_to=RandomUploadTo("support"), blank=True,
        help_text=_("The regulation or budget document, as a PDF or a photo. Only people in scope can open it."),
    )

    class Meta:
        ordering = newest_first("year")
        verbose_name = verbose_name_plural = _("support won")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind=SupportKind.REGULATION) & ~Q(regulation_type=""))
                | (Q(kind=SupportKind.BUDGET) & ~Q(budget_source="") & Q(amount__isnull=False)),
                name="support_fields_match_kind",
                violation_error_message=_("Fill in the fields of the kind of support you chose."),
            )
        ]
        indexes = [models.Index(fields=["library", "status", "year"], name="support_lib_status_year"), trash_index("support_trash")]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == SupportKind.REGULATION and not self.regulation_type:
            errors["regulation_type"] = _("Choose the type of regulation.")
        if self.kind == SupportKind.BUDGET:
            if not self.budget_source:
                errors["budget_source"] = _("Choose where the money comes from.")
            if self.amount is None:
                errors["amount"] = _("Give the amount in rupiah.")
        if errors:
            raise ValidationError(errors)
        # Keep only the fields of the chosen kind.
        if self.kind == SupportKind.REGULATION:
            self.budget_source, self.amount = "", None
        elif self.kind == SupportKind.BUDGET:
            self.regulation_type = ""

    def get_absolute_url(self):
        return reverse("activities:support_detail", args=[self.pk])
