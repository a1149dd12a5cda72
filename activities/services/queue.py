"""What waits for a reviewer across every reviewed record type; the start page's counts."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from ..models import ReviewStatus
from ..registry import record_types
from .pages import Source, union_page

#: What the queue shows of each record, joined in the page's fetch.
_RELATED = ("library", "province", "regency", "created_by")


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


def queue_querysets(
    *,
    user,
    type_key: str = "",
    kind: str = "",
    province=None,
    regency=None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> dict:
    """{type key: lazy queryset} of the records waiting for `user`'s check or verification.

    The filters are the ones the queue page shows, so the bulk action can re-apply them
    exactly. No query until evaluated.
    """
    result = {}
    for record_type in record_types():
        if type_key and record_type.key != type_key:
            continue
        qs = _filtered(
            record_type.model,
            record_type.model.objects.awaiting_review_by(user),
            kind=kind,
            province=province,
            regency=regency,
            date_from=date_from,
            date_to=date_to,
        )
        if qs is not None:
            result[record_type.key] = qs
    return result


def queue_page(querysets: dict, *, number, per_page: int):
    """One page of the queue, oldest submission first, as (key, record) pairs.

    Paged in SQL: two queries for the order, one per record type on the page.
    """
    sources = [
        Source(
            key=key,
            queryset=qs,
            moment="submitted_at",
            fetch=lambda pks, qs=qs: qs.filter(pk__in=pks).select_related(*_RELATED),
        )
        for key, qs in querysets.items()
    ]
    return union_page(sources, number=number, per_page=per_page, newest_first=False)


#: Records verified by one click of "verify all": each is locked, logged and counted, so a
#: click stays a short transaction; the rest wait for the next click.
BULK_VERIFY_LIMIT = 200


def awaiting_verification(querysets: dict, limit: int | None = None) -> list:
    """At most `limit` (default `BULK_VERIFY_LIMIT`) records of `querysets` that wait for
    verification, oldest first (one query per type; for bulk verify)."""
    limit = limit or BULK_VERIFY_LIMIT
    items = []
    for qs in querysets.values():
        if len(items) >= limit:
            break
        items.extend(
            qs.awaiting_verification()
            .select_related("library", "province", "regency")
            .order_by("submitted_at", "pk")[: limit - len(items)]
        )
    return items


def verifiable_count(querysets: dict) -> int:
    """How many records of `querysets` wait for verification (one query: a count over a UNION)."""
    parts = [qs.awaiting_verification().order_by().values_list("pk") for qs in querysets.values()]
    if not parts:
        return 0
    return parts[0].union(*parts[1:], all=True).count() if len(parts) > 1 else parts[0].count()


def queue_count(user) -> int:
    """How many records wait for `user` (one count query per record type)."""
    return sum(t.model.objects.awaiting_review_by(user).count() for t in record_types())


def my_record_counts(user) -> list[dict]:
    """Per record type: drafts and returned records the user may edit (one query per type)."""
    rows = []
    for record_type in record_types():
        counts = (
            record_type.model.objects.editable_by(user)
            .alive()
            # Narrowed first, so the count reads the status index, not every record.
            .filter(status__in=[ReviewStatus.DRAFT, ReviewStatus.RETURNED])
            .aggregate(
                drafts=Count("pk", filter=Q(status=ReviewStatus.DRAFT)),
                returned=Count("pk", filter=Q(status=ReviewStatus.RETURNED)),
            )
        )
        if counts["drafts"] or counts["returned"]:
            rows.append({"type": record_type, "label": record_type.label_plural, **counts})
    return rows
