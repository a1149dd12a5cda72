"""Formatting for reviewed records: status badges, waiting times, amounts, type labels and URLs.

These filters and tags format what views already loaded; they run no query.
"""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from ..registry import record_url as _record_url
from ..registry import type_of

register = template.Library()

BADGES = {
    "draft": "secondary",
    "submitted": "info",
    "checked": "primary",
    "verified": "success",
    "returned": "warning",
}


@register.filter
def record_url(record, action: str = "detail") -> str:
    """The URL of `action` ("detail", "history"...) on `record` (no query)."""
    return _record_url(record, action)


@register.filter
def waited(value) -> str:
    """How long since `value`, in its largest unit ("3 days")."""
    if not value:
        return ""
    return timesince(value, timezone.now(), depth=1)


@register.filter
def record_token(record) -> str:
    """"<type key>:<pk>", how the queue's bulk form names a record."""
    return f"{type_of(record).key}:{record.pk}"


@register.filter
def kind_label(record) -> str:
    """The record's kind in words, or "" for types without a kind."""
    display = getattr(record, "get_kind_display", None)
    return display() if display else ""


@register.filter
def type_label(record) -> str:
    """The record's type in words, capitalised ("Partnership")."""
    return str(type_of(record).label).capitalize()


@register.filter
def rupiah(value) -> str:
    """Format an amount as Indonesian rupiah, e.g. "Rp 1.250.000" ("" for None)."""
    if value in (None, ""):
        return ""
    return "Rp " + f"{int(value):,}".replace(",", ".")


@register.inclusion_tag("activities/_status_badge.html")
def status_badge(record):
    """The one status badge of every reviewed record (no query)."""
    return {"record": record, "css": BADGES.get(record.status, "secondary")}
