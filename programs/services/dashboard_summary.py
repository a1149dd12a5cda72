"""Rebuild the dashboards' summary tables, entirely or for the regions of some libraries."""

from __future__ import annotations

import time
from collections.abc import Collection
from datetime import timedelta

from django.core.exceptions import EmptyResultSet
from django.db import connections, models, transaction
from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from activities.models import Activity
from activities.registry import record_types
from villages.models import Library, LibraryLevel, Province

from ..models import (
    ActivityMonthSummary,
    BacklogSummary,
    DashboardRefresh,
    LibraryCohortKey,
    LibraryReportSummary,
    Participation,
    StageMonthSummary,
    StageSnapshot,
    cohort_key,
)
from ..models.summary import NO_COHORT
from ..selectors.dashboard_cache import start_new_generation
from ..selectors.dashboard_sources import (
    PARTICIPANT_FIELDS,
    activity_month_rows,
    backlog_rows,
    library_report_rows,
)

BATCH = 2000
#: The summaries' layout. Raise it when their columns change: `migrate` then rebuilds
#: summaries built in an older one (`receivers.rebuild_outdated_summaries`).
LAYOUT = 2
#: Waiting records submitted this many days before a rebuild or earlier share one row per
#: region, cohort and type: the backlog tells only "over 30 days" and the oldest day apart.
BACKLOG_DAYS = 31
#: A record's library's cohort key ("" for a library in no program), for grouping.
COHORT = Coalesce(F("library__cohort_key__key"), Value(NO_COHORT), output_field=models.TextField())


def _area_q(regency_ids, own_province_ids, prefix: str = "") -> Q:
    """Records of these regencies, or of these provinces' own (regency-less) libraries."""
    return Q(**{f"{prefix}regency_id__in": regency_ids}) | Q(
        **{f"{prefix}regency_id__isnull": True, f"{prefix}province_id__in": own_province_ids}
    )


def _lock_provinces(codes) -> None:
    """Lock the rows of these provinces (None: all) until the transaction ends, in one order
    so two rebuilds never wait on each other in a circle. PostgreSQL only: SQLite lets one
    writer at a time anyway (one query)."""
    provinces = Province.objects.select_for_update().order_by("code")
    if codes is not None:
        provinces = provinces.filter(code__in=sorted(codes))
    list(provinces.values_list("code", flat=True))


def _rebuild_cohort_keys(library_ids=None) -> None:
    """Store the cohort key of `library_ids` (None: every library) from their participations."""
    participations = Participation.objects.all()
    keys = LibraryCohortKey.objects.all()
    if library_ids is not None:
        participations = participations.filter(library_id__in=library_ids)
        keys = keys.filter(library_id__in=library_ids)
    pairs: dict = {}
    for library_id, program_id, year in participations.values_list("library_id", "program_id", "year").order_by():
        pairs.setdefault(library_id, []).append((program_id, year))
    keys.delete()
    LibraryCohortKey.objects.bulk_create(
        (LibraryCohortKey(library_id=pk, key=cohort_key(cohorts)) for pk, cohorts in pairs.items()), batch_size=BATCH
    )


def _insert_rows(model, rows) -> None:
    """Copy the rows of the `values()` queryset `rows`, named after `model`'s fields, into its
    table with one INSERT … SELECT: hundreds of thousands of rows never pass through Python."""
    names = [*rows.query.values_select, *rows.query.annotation_select]
    connection = connections[rows.db]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in names)
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing: nothing to copy
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) "
            f"SELECT {', '.join(quote(name) for name in names)} FROM ({sql}) AS {quote('source_rows')}",
            params,
        )


def _rebuild_activities(area: Q | None) -> None:
    source = Activity.objects.all() if area is None else Activity.objects.filter(area)
    rows = activity_month_rows(source.annotate(cohort=COHORT), "province_id", "regency_id", "cohort")
    _insert_rows(ActivityMonthSummary, rows.annotate(is_total=Value(False)))


def _rebuild_totals(province_ids) -> None:
    """The provinces' total rows, summed from their regency rows (`province_ids` None: all)."""
    rows = ActivityMonthSummary.objects.filter(is_total=False)
    totals = ActivityMonthSummary.objects.filter(is_total=True)
    if province_ids is not None:
        rows, totals = rows.filter(province_id__in=province_ids), totals.filter(province_id__in=province_ids)
    totals.delete()
    figures = ("verified", "waiting", *PARTICIPANT_FIELDS)
    _insert_rows(
        ActivityMonthSummary,
        rows.values("province_id", "month", "kind", "cohort")
        .annotate(**{f: Sum(f) for f in figures})
        .annotate(is_total=Value(True))
        .order_by(),
    )


def _rebuild_backlog(area: Q | None) -> None:
    """Waiting records per region, cohort, type, awaited step and day submitted; those of
    `BACKLOG_DAYS` ago or earlier (or of no day) summed into one row dated by the oldest."""
    cutoff = timezone.localdate() - timedelta(days=BACKLOG_DAYS)
    for record_type in record_types():
        source = record_type.model.objects.all() if area is None else record_type.model.objects.filter(area)
        rows, older = [], {}
        for row in backlog_rows(source.annotate(cohort=COHORT), "province_id", "regency_id", "cohort").iterator(
            chunk_size=BATCH
        ):
            day = row["submitted_on"]
            if day is not None and day > cutoff:
                rows.append(BacklogSummary(record_type=record_type.key, **row))
                continue
            key = (row["province_id"], row["regency_id"], row["cohort"], row["awaiting"])
            oldest, records = older.get(key, (None, 0))
            if day is not None and (oldest is None or day < oldest):
                oldest = day
            older[key] = (oldest, records + row["records"])
        rows += (
            BacklogSummary(record_type=record_type.key, province_id=province, regency_id=regency, cohort=cohort,
                           awaiting=awaiting, submitted_on=oldest, records=records)
            for (province, regency, cohort, awaiting), (oldest, records) in older.items()
        )
        BacklogSummary.objects.bulk_create(rows, batch_size=BATCH)


def _rebuild_stages(area: Q | None) -> None:
    """Each village library's last snapshot in each month, counted per region, cohort key,
    month and stage level. Read in order and reduced here: one pass, much faster than a
    per-row NOT EXISTS in the database."""
    source = StageSnapshot.objects.filter(library__level=LibraryLevel.VILLAGE)
    if area is not None:
        source = source.filter(area)
    counts: dict = {}
    last = None  # (library, month) and its row, until the next month or library
    for library_id, province, regency, cohort, day, order in (
        source.order_by("library_id", "date")
        .values_list("library_id", "library__province_id", "library__regency_id", COHORT, "date", "stage_order")
        .iterator(chunk_size=BATCH)
    ):
        month = day.replace(day=1)
        if last is not None and last[0] != (library_id, month):
            counts[last[1]] = counts.get(last[1], 0) + 1
        last = ((library_id, month), (province, regency, cohort, month, order))
    if last is not None:
        counts[last[1]] = counts.get(last[1], 0) + 1
    StageMonthSummary.objects.bulk_create(
        (
            StageMonthSummary(province_id=province, regency_id=regency, cohort=cohort, month=month, stage_order=order,
                              libraries=n)
            for (province, regency, cohort, month, order), n in counts.items()
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


@transaction.atomic
def refresh_dashboard_summaries(*, library_ids: Collection[int] | None = None) -> float:
    """Rebuild the summaries (all when `library_ids` is None, else the regions of those
    libraries and their reporting rows); return the seconds it took. Aggregate queries
    and bulk inserts; a full rebuild also stamps `DashboardRefresh`."""
    started = time.perf_counter()
    if library_ids is None:
        # The rendered dashboards kept in the cache show the old figures: renew them after the commit.
        start_new_generation()
        _lock_provinces(None)
        for model in (ActivityMonthSummary, StageMonthSummary, BacklogSummary):
            model.objects.all().delete()
        _rebuild_cohort_keys(None)
        _rebuild_activities(None)
        _rebuild_totals(None)
        _rebuild_backlog(None)
        _rebuild_stages(None)
        _rebuild_libraries(None)
        seconds = time.perf_counter() - started
        DashboardRefresh.objects.update_or_create(
            pk=1, defaults={"refreshed_at": timezone.now(), "seconds": seconds, "layout": LAYOUT}
        )
        return seconds
    ids = sorted(set(library_ids))
    places = list(Library.objects.filter(pk__in=ids).values_list("province_id", "regency_id"))
    start_new_generation({province for province, _ in places})
    if not places:  # libraries deleted since (a cohort entry went with its library)
        return time.perf_counter() - started
    # One rebuild of a province at a time: two at once would each delete, then each insert.
    _lock_provinces({province for province, _ in places})
    regency_ids = sorted({regency for _, regency in places if regency})
    own_province_ids = sorted({province for province, regency in places if not regency})
    area = _area_q(regency_ids, own_province_ids)
    ActivityMonthSummary.objects.filter(area, is_total=False).delete()
    StageMonthSummary.objects.filter(area).delete()
    BacklogSummary.objects.filter(area).delete()
    _rebuild_cohort_keys(ids)
    _rebuild_activities(area)
    _rebuild_totals(sorted({province for province, _ in places}))
    _rebuild_backlog(area)
    _rebuild_stages(_area_q(regency_ids, own_province_ids, "library__"))
    _rebuild_libraries(ids)
    return time.perf_counter() - started
