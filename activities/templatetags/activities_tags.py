"""Template helpers for reviewed records: action buttons, status badges, waiting times, counts."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.timesince import timesince

from perpus.scopes import can_change, can_check, can_verify, scope_of

from ..forms import DeleteForm, ReturnForm
from ..services.queue import my_record_counts, queue_count
from ..views.common import record_url as _record_url

register = template.Library()

BADGES = {
    "draft": "secondary",
    "submitted": "info",
    "checked": "primary",
    "verified": "success",
    "returned": "warning",
}


@register.filter
def record_url(record) -> str:
    """The record's page (or its history page when its app has none)."""
    return _record_url(record)


@register.filter
def waited(value) -> str:
    """How long since `value`, in its largest unit ("3 days")."""
    if not value:
        return ""
    return timesince(value, timezone.now(), depth=1)


@register.filter
def record_token(record) -> str:
    """"model_name:pk", how the queue's bulk form names a record."""
    return f"{record._meta.model_name}:{record.pk}"


@register.filter
def model_name(record) -> str:
    return record._meta.model_name


@register.filter
def kind_label(record) -> str:
    """The record's kind in words, or "" for models without a kind."""
    display = getattr(record, "get_kind_display", None)
    return display() if display else ""


@register.filter
def model_label(record) -> str:
    return str(record._meta.verbose_name).capitalize()


@register.inclusion_tag("activities/_status_badge.html")
def status_badge(record):
    return {"record": record, "css": BADGES.get(record.status, "secondary")}


@register.inclusion_tag("activities/_record_actions.html", takes_context=True)
def record_actions(context, record):
    """The review and history buttons the current user may use on `record` (no query)."""
    user = context["request"].user
    national = scope_of(user).is_national
    step = record.awaiting
    changeable = can_change(user, record)
    may_check = step == "check" and can_check(user, record)
    may_verify = step == "verification" and can_verify(user, record)
    model_name = record._meta.model_name
    return {
        "request": context["request"],
        "record": record,
        "model_name": model_name,
        "may_edit": changeable and not record.is_deleted and (record.is_editable or national),
        "edit_url": record.get_edit_url() if hasattr(record, "get_edit_url") else "",
        "may_submit": changeable and record.is_editable,
        "may_check": may_check,
        "may_verify": may_verify,
        "may_return": may_check or may_verify,
        "may_delete": changeable and not record.is_deleted,
        "may_restore": changeable and record.is_deleted,
        "return_form": ReturnForm(auto_id=f"id_return_%s_{record.pk}"),
        "delete_form": DeleteForm(auto_id=f"id_delete_%s_{record.pk}"),
        "next": context["request"].get_full_path(),
    }


@register.simple_tag
def review_queue_count(user) -> int:
    """How many records wait for `user` (one count query per reviewed model)."""
    if not user.is_authenticated:
        return 0
    return queue_count(user)


@register.simple_tag
def my_drafts(user) -> list:
    """Drafts and returned records the user may edit, per model (one query per model)."""
    if not user.is_authenticated:
        return []
    return my_record_counts(user)


@register.simple_tag
def is_reviewer(user) -> bool:
    return scope_of(user).role in {"admin", "consultant", "regency_staff"}


@register.simple_tag
def is_author(user) -> bool:
    return scope_of(user).role in {"admin", "province_staff", "regency_staff", "library_manager"}
