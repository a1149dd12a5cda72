"""Template helpers of the records (partnerships, support, products, stories)."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ..models import ImpactStory, Partnership, Product, SupportRecord

register = template.Library()


def optional_url(name: str, *args) -> str:
    """Return the URL called `name`, or "" when no such URL exists (no query).

    The generic history and delete views live in another part of the app; the
    buttons appear once those URLs are installed.
    """
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


@register.simple_tag
def record_links(record, key: str, model_name: str) -> dict:
    """URLs of the actions on `record` of type `key` (no query)."""
    return {
        "update": reverse(f"activities:{key}_update", args=[record.pk]),
        "transition": reverse(f"activities:{key}_transition", args=[record.pk]),
        "history": optional_url("activities:record_history", model_name, record.pk),
        "delete": optional_url("activities:record_delete", model_name, record.pk),
    }


@register.simple_tag
def library_records(library, limit: int = 6) -> dict:
    """What visitors may see of `library`'s records: partnerships in force, products, stories.

    Four queries, whatever the number of records.
    """
    today = timezone.localdate()
    partnerships = Partnership.objects.verified().active_on(today).filter(library=library)
    return {
        "partnerships": list(partnerships.order_by("-signed_on", "-pk")[:limit]),
        "support": list(SupportRecord.objects.verified().filter(library=library).order_by("-year", "-pk")[:limit]),
        "products": list(Product.objects.public().filter(library=library).order_by("-reported_on", "-pk")[:limit]),
        "stories": list(ImpactStory.objects.public().filter(library=library).order_by("-happened_on", "-pk")[:limit]),
    }


@register.filter
def rupiah(value) -> str:
    """Format an amount as Indonesian rupiah, e.g. "Rp 1.250.000" ("" for None)."""
    if value in (None, ""):
        return ""
    return "Rp " + f"{int(value):,}".replace(",", ".")
