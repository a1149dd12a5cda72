"""Products made by community groups that a library supports."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.uploads import RandomUploadTo

from .base import ReviewedRecord, trash_index
from .choices import IncomePeriod, ProductCategory


class Product(ReviewedRecord):
    """A product of a community group trained or supported by `library`."""

    name = models.CharField(_("product name"), max_length=200)
    group_name = models.CharField(
        _("community group"), max_length=200, help_text=_("The group or business that makes it.")
    )
    category = models.CharField(
        _("category"), max_length=12, choices=ProductCategory.choices, default=ProductCategory.CRAFT
    )
    description = models.TextField(_("description"), blank=True)
    photo = models.ImageField(_("photo"), upload_to=RandomUploadTo("products"), blank=True)
    price = models.PositiveBigIntegerField(_("price (Rp)"), null=True, blank=True)
    sales_url = models.URLField(
        _("where it is sold"), blank=True, help_text=_("Link to the online shop or social media page.")
    )
    reported_on = models.DateField(_("reported on"), help_text=_("When the product and its income were reported."))
    income = models.PositiveBigIntegerField(_("reported income (Rp)"), null=True, blank=True)
    income_period = models.CharField(
        _("income period"), max_length=5, choices=IncomePeriod.choices, blank=True
    )
    income_year = models.PositiveSmallIntegerField(
        _("income year"), null=True, blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )

    class Meta:
        ordering = newest_first("reported_on")
        verbose_name = _("product")
        verbose_name_plural = _("products")
        indexes = [models.Index(fields=["library", "status", "reported_on"], name="product_lib_status_date"), trash_index("product_trash")]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.income is not None and not self.income_period:
            raise ValidationError({"income_period": _("Say which period the income covers.")})

    def get_absolute_url(self):
        return reverse("activities:product_detail", args=[self.pk])
