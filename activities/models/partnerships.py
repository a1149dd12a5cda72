"""Partnerships (MoU / PKS) between a library or agency and a partner."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .base import ReviewedRecord


class PartnerType(models.TextChoices):
    SCHOOL = "school", _("School")
    LKSA = "lksa", _("Orphanage (LKSA)")
    BUMDES = "bumdes", _("Village enterprise (BUMDes)")
    PKK = "pkk", _("Family welfare group (PKK)")
    HEALTH = "health", _("Health post (posyandu/puskesmas)")
    CSR = "csr", _("Company (CSR)")
    NGO = "ngo", _("Non-governmental organisation")
    GOVERNMENT = "government", _("Government office")
    OTHER = "other", _("Other")


class Partnership(ReviewedRecord):
    """An MoU or cooperation agreement (PKS); `library` is the library or agency that signed it."""

    title = models.CharField(_("title"), max_length=200)
    partner_name = models.CharField(_("partner"), max_length=200)
    partner_type = models.CharField(_("partner type"), max_length=12, choices=PartnerType.choices)
    scope = models.TextField(_("scope of the cooperation"), blank=True)
    signed_on = models.DateField(_("signed on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to="partnerships/%Y/", blank=True)

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return f"{self.title} ({self.partner_name})"

    def get_absolute_url(self):
        return reverse("activities:partnership_detail", args=[self.pk])
