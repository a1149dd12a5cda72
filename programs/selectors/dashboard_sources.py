"""The aggregate queries that fill the dashboards' summary tables.

Each function returns a lazy `values()` queryset grouped by month or day (and `group`:
the region and cohort key). No query runs here until iterated.
"""

from __future__ import annotations

from django.db.models import Case, CharField, Count, Max, Q, Sum, Value, When
from django.db.models.functions import Coalesce, TruncDate, TruncMonth

from activities.models import Activity, ReviewStatus
from villages.models import LibraryStatistic

#: Summary field → activity field of the participants figures (verified activities only).
PARTICIPANT_FIELDS = {
    "male": "participants_male",
    "female": "participants_female",
    "children": "participants_children",
    "youth": "participants_youth",
    "adults": "participants_adults",
    "elderly": "participants_elderly",
    "disabled": "participants_disabled",
    "umkm": "participants_umkm",
}
WAITING_STATUSES = (ReviewStatus.SUBMITTED, ReviewStatus.CHECKED)
COUNTED_STATUSES = (ReviewStatus.VERIFIED, *WAITING_STATUSES)


def activity_month_rows(activities, *group: str):
    """Live activities of `activities` per month and kind (and `group`): verified and
    waiting counts and the verified activities' participants (lazy values queryset)."""
    verified = Q(status=ReviewStatus.VERIFIED)
    sums = {
        name: Coalesce(Sum(field, filter=verified), Value(0)) for name, field in PARTICIPANT_FIELDS.items()
    }
    return (
        activities.filter(deleted_at__isnull=True, status__in=COUNTED_STATUSES)
        .annotate(month=TruncMonth("start_date"))
        .values(*group, "month", "kind")
        .annotate(verified=Count("pk", filter=verified), waiting=Count("pk", filter=~verified), **sums)
        .order_by()
    )


def backlog_rows(records, *group: str):
    """Live records of `records` waiting for check or verification, counted per
    `awaiting` ("check" / "verification") and day submitted (and `group`) (lazy)."""
    return (
        records.filter(deleted_at__isnull=True, status__in=WAITING_STATUSES)
        .annotate(
            awaiting=Case(
                When(status=ReviewStatus.SUBMITTED, needs_check=True, then=Value("check")),
                default=Value("verification"),
                output_field=CharField(),
            ),
            submitted_on=TruncDate("submitted_at"),
        )
        .values(*group, "awaiting", "submitted_on")
        .annotate(records=Count("pk"))
        .order_by()
    )


def library_report_rows(library_ids=None):
    """(activity rows, statistics rows): per library, when it last entered an activity
    (not a draft) and its latest activity date; its latest statistics month and save (lazy)."""
    activities = Activity.objects.filter(deleted_at__isnull=True).exclude(status=ReviewStatus.DRAFT)
    statistics = LibraryStatistic.objects.all()
    if library_ids is not None:
        activities = activities.filter(library_id__in=library_ids)
        statistics = statistics.filter(library_id__in=library_ids)
    return (
        activities.values("library_id")
        .annotate(last_entry_at=Max("created_at"), last_activity_on=Max("start_date"))
        .order_by(),
        statistics.values("library_id")
        .annotate(last_statistic_month=Max("month"), last_statistic_at=Max("updated_at"))
        .order_by(),
    )
