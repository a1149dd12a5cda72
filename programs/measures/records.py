"""Measures read from partnerships, support, products and stories (activities app).

Each counts VERIFIED, non-deleted records and runs one aggregate query for all
the libraries asked about (see `programs.measures`).
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from activities.models import ImpactStory, Partnership, Product, SupportRecord

from . import register


def _per_library(queryset, aggregate) -> dict[int, int]:
    rows = queryset.order_by().values("library_id").annotate(value=aggregate)
    return {row["library_id"]: row["value"] or 0 for row in rows}


@register("active_partnerships", _("Partnerships in force"), windowed=False, unit=_("partnerships"))
def active_partnerships(library_ids: Collection[int], start: datetime.date | None, end: datetime.date):
    """Verified partnerships in force on `end`, per library (one query)."""
    qs = Partnership.objects.verified().active_on(end).filter(library_id__in=library_ids)
    return _per_library(qs, Count("pk"))


@register("village_support", _("Regulations and budget allocations won"), windowed=False, unit=_("records"))
def village_support(library_ids: Collection[int], start: datetime.date | None, end: datetime.date):
    """Verified regulations and budget allocations of a year up to `end`'s, per library (one query)."""
    qs = SupportRecord.objects.verified().filter(library_id__in=library_ids, year__lte=end.year)
    return _per_library(qs, Count("pk"))


def _window(queryset, field: str, start, end):
    queryset = queryset.filter(**{f"{field}__lte": end})
    if start is not None:
        queryset = queryset.filter(**{f"{field}__gte": start})
    return queryset


@register("products", _("Community products"), unit=_("products"))
def products(library_ids: Collection[int], start: datetime.date | None, end: datetime.date):
    """Verified products reported in the window, per library (one query)."""
    qs = _window(Product.objects.verified().filter(library_id__in=library_ids), "reported_on", start, end)
    return _per_library(qs, Count("pk"))


@register("product_income", _("Reported income from products"), unit=_("rupiah"))
def product_income(library_ids: Collection[int], start: datetime.date | None, end: datetime.date):
    """Sum of the income reported with verified products in the window, per library (one query)."""
    qs = _window(Product.objects.verified().filter(library_id__in=library_ids), "reported_on", start, end)
    return _per_library(qs, Sum("income"))


@register("impact_stories", _("Impact stories with consent"), windowed=False, unit=_("stories"))
def impact_stories(library_ids: Collection[int], start: datetime.date | None, end: datetime.date):
    """Verified impact stories with recorded consent, collected by `end`, per library (one query)."""
    qs = ImpactStory.objects.verified().with_consent().filter(library_id__in=library_ids, happened_on__lte=end)
    return _per_library(qs, Count("pk"))
