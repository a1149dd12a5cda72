"""Partnerships (MoU / PKS) between a library or agency and a partner."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.uploads import RandomUploadTo

from .base import RecordQuerySet, ReviewedRecord, trash_index
from .choices import AgreementKind, PartnerType


def active_on_q(day: datetime.date, prefix: str = "") -> Q:
    """Filter for partnerships in force on `day`: signed by then and not expired (no query)."""
    return Q(**{f"{prefix}signed_on__lte": day}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": day})
    )


class PartnershipQuerySet(RecordQuerySet):
    def active_on(self, day: datetime.date):
        """Partnerships in force on `day` (lazy; any status: chain `verified()`)."""
        return self.filter(active_on_q(day))


class Partnership(ReviewedRecord):
    """An MoU or cooperation agreement (PKS); `library` is the library or agency that signed it.

    Several partners signing at one event are entered as one partnership each,
    sharing title, place and dates.
    """

    kind = models.CharField(
        _("kind of agreement"), max_length=3, choices=AgreementKind.choices, default=AgreementKind.MOU
    )
    title = models.CharField(_("title"), max_length=200)
    partner_name = models.CharField(_("partner"), max_length=200)
    partner_type = models.CharField(_("partner type"), max_length=12, choices=PartnerType.choices)
    scope = models.TextField(_("scope of the cooperation"), blank=True)
    signed_on = models.DateField(_("signed on"))
    signed_at = models.CharField(
        _("signed at"), max_length=200, blank=True, help_text=_("Place of the signing, e.g. Paringin.")
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty if it does not expire.")
    )
    document = models.FileField(
        _("document"), upload_to=RandomUploadTo("partnerships"), blank=True,
        help_text=_("The signed agreement, as a PDF or a photo. Only people in scope can open it."),
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = newest_first("signed_on")
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("signed_on")),
                name="partnership_valid_after_signing",
                violation_error_message=_("The end of validity cannot be before the signing date."),
            )
        ]
        indexes = [models.Index(fields=["library", "status", "signed_on"], name="partnership_lib_status"), trash_index("partnership_trash")]

    def __str__(self):
        return f"{self.title} ({self.partner_name})"

    def clean(self):
        super().clean()
        if self.valid_until and self.signed_on and self.valid_until < self.signed_on:
            raise ValidationError(
                {"valid_until": _("The end of validity cannot be before the signing date.")}
            )

    def get_absolute_url(self):
        return reverse("activities:partnership_detail", args=[self.pk])

    @property
    def is_in_force(self) -> bool:
        """Whether the agreement is in force today (no query)."""
        return self.is_active_on(timezone.localdate())

    @property
    def is_upcoming(self) -> bool:
        """Whether the agreement starts after today (no query)."""
        return self.signed_on > timezone.localdate()

    def is_active_on(self, day: datetime.date) -> bool:
        """Whether the agreement is in force on `day` (no query)."""
        return self.signed_on <= day and (self.valid_until is None or self.valid_until >= day)
