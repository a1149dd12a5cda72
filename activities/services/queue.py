"""What waits for a reviewer, across every reviewed model; and what sits in the trash."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from ..models import ReviewStatus, reviewed_models


def _filtered(model, qs, *, kind=None, province=None, regency=None, date_from=None, date_to=None):
    if kind:
        if not any(f.name == "kind" for f in model._meta.concrete_fields):
            return None
        qs = qs.filter(kind=kind)
    if province:
        qs = qs.filter(province_id=getattr(province, "pk", province))
    if regency:
        qs = qs.filter(regency_id=getattr(regency, "pk", regency))
    if date_from:
        qs = qs.filter(submitted_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(submitted_at__date__lte=date_to)
    return qs


def queue_items(
    *,
    user,
    model_name: str = "",
    kind: str = "",
    province=None,
    regency=None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> list:
    """Records waiting for `user`'s check or verification, oldest first.

    One query per reviewed model (organiser and places joined); the filters are
    the ones the queue page shows, so bulk actions can re-apply them exactly.
    """
    items = []
    for model in reviewed_models():
        if model_name and model._meta.model_name != model_name:
            continue
        qs = model.objects.awaiting_review_by(user).select_related(
            "library", "province", "regency", "created_by"
        )
        qs = _filtered(
            model, qs, kind=kind, province=province, regency=regency, date_from=date_from, date_to=date_to
        )
        if qs is not None:
            items.extend(qs)
    items.sort(key=lambda r: (r.submitted_at is None, r.submitted_at, r._meta.model_name, r.pk))
    return items


def queue_count(user) -> int:
    """How many records wait for `user` (one count query per reviewed model)."""
    return sum(model.objects.awaiting_review_by(user).count() for model in reviewed_models())


def trash_items(*, user) -> list:
    """Deleted records `user` may restore, newest deletion first (one query per model)."""
    items = []
    for model in reviewed_models():
        items.extend(
            model.objects.editable_by(user).deleted().select_related("library", "province", "regency")
        )
    items.sort(key=lambda r: r.deleted_at, reverse=True)
    return items


def my_record_counts(user) -> list[dict]:
    """Per reviewed model: drafts and returned records the user may edit (one query per model)."""
    rows = []
    for model in reviewed_models():
        counts = (
            model.objects.editable_by(user)
            .alive()
            .aggregate(
                drafts=Count("pk", filter=Q(status=ReviewStatus.DRAFT)),
                returned=Count("pk", filter=Q(status=ReviewStatus.RETURNED)),
            )
        )
        if counts["drafts"] or counts["returned"]:
            rows.append({"model": model, "label": model._meta.verbose_name_plural, **counts})
    return rows
