"""Rebuild the dashboards' summary tables, entirely or for the regions of some libraries."""

from __future__ import annotations

import time
from collections.abc import Collection

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from activities.models import Activity
from activities.registry import record_types
from villages.models import Library, LibraryLevel

from ..models import (
    ActivityMonthSummary,
    BacklogSummary,
    DashboardRefresh,
    LibraryReportSummary,
    StageMonthSummary,
    StageSnapshot,
)
from ..selectors.dashboard_cache import start_new_generation
from ..selectors.dashboard_sources import (
    PARTICIPANT_FIELDS,
    activity_month_rows,
    backlog_rows,
    library_report_rows,
)

BATCH = 2000


def _area_q(regency_ids, own_province_ids, prefix: str = "") -> Q:
    """Records of these regencies, or of these provinces' own (regency-less) libraries."""
    return Q(**{f"{prefix}regency_id__in": regency_ids}) | Q(
        **{f"{prefix}regency_id__isnull": True, f"{prefix}province_id__in": own_province_ids}
    )


def _rebuild_activities(area: Q | None) -> None:
    source = Activity.objects.all() if area is None else Activity.objects.filter(area)
    rows = (
        ActivityMonthSummary(**row)
        for row in activity_month_rows(source, "province_id", "regency_id").iterator(chunk_size=BATCH)
    )
    ActivityMonthSummary.objects.bulk_create(rows, batch_size=BATCH)


def _rebuild_totals(province_ids) -> None:
    """The provinces' total rows, summed from their regency rows (`province_ids` None: all)."""
    rows = ActivityMonthSummary.objects.filter(is_total=False)
    totals = ActivityMonthSummary.objects.filter(is_total=True)
    if province_ids is not None:
        rows, totals = rows.filter(province_id__in=province_ids), totals.filter(province_id__in=province_ids)
    totals.delete()
    figures = ("verified", "waiting", *PARTICIPANT_FIELDS)
    ActivityMonthSummary.objects.bulk_create(
        (
            ActivityMonthSummary(is_total=True, **row)
            for row in rows.values("province_id", "month", "kind").annotate(**{f: Sum(f) for f in figures}).order_by()
        ),
        batch_size=BATCH,
    )


def _rebuild_backlog(area: Q | None) -> None:
    for record_type in record_types():
        source = record_type.model.objects.all() if area is None else record_type.model.objects.filter(area)
        BacklogSummary.objects.bulk_create(
            (
                BacklogSummary(record_type=record_type.key, **row)
                for row in backlog_rows(source, "province_id", "regency_id").iterator(chunk_size=BATCH)
            ),
            batch_size=BATCH,
        )


def _rebuild_stages(area: Q | None) -> None:
    """Each village library's last snapshot in each month, counted per region, month and
    stage level. Read in order and reduced here: one pass, much faster than the per-row
    NOT EXISTS of `stage_month_rows` (which the live, cohort-filtered reads use)."""
    source = StageSnapshot.objects.filter(library__level=LibraryLevel.VILLAGE)
    if area is not None:
        source = source.filter(area)
    counts: dict = {}
    last = None  # (library, month) and its row, until the next month or library
    for library_id, province, regency, day, order in (
        source.order_by("library_id", "date")
        .values_list("library_id", "library__province_id", "library__regency_id", "date", "stage_order")
        .iterator(chunk_size=BATCH)
    ):
        month = day.replace(day=1)
        if last is not None and last[0] != (library_id, month):
            counts[last[1]] = counts.get(last[1], 0) + 1
        last = ((library_id, month), (province, regency, month, order))
    if last is not None:
        counts[last[1]] = counts.get(last[1], 0) + 1
    StageMonthSummary.objects.bulk_create(
        (
            StageMonthSummary(province_id=province, regency_id=regency, month=month, stage_order=order, libraries=n)
            for (province, regency, month, order), n in counts.items()
        ),
        batch_size=BATCH,
    )


def _rebuild_libraries(library_ids=None) -> None:
    libraries = Library.objects.all() if library_ids is None else Library.objects.filter(pk__in=library_ids)
    places = {pk: (province, regency) for pk, province, regency in libraries.values_list("pk", "province_id", "regency_id")}
    figures = {pk: {} for pk in places}
    activity_rows, statistic_rows = library_report_rows(library_ids)
    for row in activity_rows.iterator(chunk_size=BATCH):
        if row["library_id"] in figures:
            figures[row["library_id"]].update(last_entry_at=row["last_entry_at"], last_activity_on=row["last_activity_on"])
    for row in statistic_rows.iterator(chunk_size=BATCH):
        if row["library_id"] in figures:
            figures[row["library_id"]].update(
                last_statistic_month=row["last_statistic_month"], last_statistic_at=row["last_statistic_at"]
            )
    if library_ids is None:
        LibraryReportSummary.objects.all().delete()
    else:
        LibraryReportSummary.objects.filter(library_id__in=list(places)).delete()
    LibraryReportSummary.objects.bulk_create(
        (
            LibraryReportSummary(library_id=pk, province_id=province, regency_id=regency, **figures[pk])
            for pk, (province, regency) in places.items()
        ),
        batch_size=BATCH,
    )


class _PendingRefresh:
    """The libraries whose regions one transaction changed; rebuilt once when it commits."""

    def __init__(self):
        self.library_ids: set[int] = set()
        #: Set once it ran; a later save then schedules a refresh of its own (tests run
        #: commit callbacks without committing, so a run one can stay in the list).
        self.done = False

    def __call__(self):
        self.done = True
        refresh_dashboard_summaries(library_ids=sorted(self.library_ids))


def refresh_after_commit(library_ids) -> None:
    """Rebuild the summaries of `library_ids`' regions once the current transaction commits
    (at once outside a transaction). However many saves and signals one transaction makes,
    its regions are rebuilt once."""
    ids = {int(pk) for pk in library_ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        refresh_dashboard_summaries(library_ids=sorted(ids))
        return
    # Join the refresh this transaction already scheduled, if it is still waiting.
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _PendingRefresh) and not callback.done:
            callback.library_ids.update(ids)
            return
    pending = _PendingRefresh()
    pending.library_ids.update(ids)
    transaction.on_commit(pending)


@transaction.atomic
def refresh_dashboard_summaries(*, library_ids: Collection[int] | None = None) -> float:
    """Rebuild the summaries (all when `library_ids` is None, else the regions of those
    libraries and their reporting rows); return the seconds it took. Aggregate queries
    and bulk inserts; a full rebuild also stamps `DashboardRefresh`."""
    started = time.perf_counter()
    # The rendered dashboards kept in the cache show the old figures: renew them after the commit.
    start_new_generation()
    if library_ids is None:
        for model in (ActivityMonthSummary, StageMonthSummary, BacklogSummary):
            model.objects.all().delete()
        _rebuild_activities(None)
        _rebuild_totals(None)
        _rebuild_backlog(None)
        _rebuild_stages(None)
        _rebuild_libraries(None)
        seconds = time.perf_counter() - started
        DashboardRefresh.objects.update_or_create(pk=1, defaults={"refreshed_at": timezone.now(), "seconds": seconds})
        return seconds
    ids = sorted(set(library_ids))
    places = list(Library.objects.filter(pk__in=ids).values_list("province_id", "regency_id"))
    regency_ids = sorted({regency for _, regency in places if regency})
    own_province_ids = sorted({province for province, regency in places if not regency})
    area = _area_q(regency_ids, own_province_ids)
    ActivityMonthSummary.objects.filter(area, is_total=False).delete()
    StageMonthSummary.objects.filter(area).delete()
    BacklogSummary.objects.filter(area).delete()
    _rebuild_activities(area)
    _rebuild_totals(sorted({province for province, _ in places}))
    _rebuild_backlog(area)
    _rebuild_stages(_area_q(regency_ids, own_province_ids, "library__"))
    _rebuild_libraries(ids)
    return time.perf_counter() - started
