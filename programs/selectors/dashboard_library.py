"""The dashboard of one library, the last level of the drill-down (nation → province →
regency → library): its stage month by month, its activities and participants, its
partnerships and support, how it reports, the monitoring visits, its review backlog and
its place on the map. One library's records are few, so they are read directly: a
fixed number of queries (about 16), whatever the data. The library was checked against
the user's scope (`dashboard_levels.library_level`); what is read here is that library's,
the same for everyone who may open it, so the page is kept per level, not per person.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Activity, Partnership, SupportRecord
from activities.registry import record_types

from ..models import Assessment, LibraryProgress, LibraryReportSummary, Participation, Stage, StageSnapshot, Visit
from .dashboard import EXPIRING_DAYS, activity_tables, refreshed_at, stage_names
from .dashboard_board import SILENT_DAYS, backlog_table, bucket_backlog, stage_colours
from .dashboard_cells import Link, Month, Table, day
from .dashboard_levels import DashboardFilters, Level
from .dashboard_sources import activity_month_rows, backlog_rows
from .panel import is_on_ladder
from .visits import last_visited

#: Partnerships, support records and visits listed (the newest).
RECORDS_SHOWN = 50
VISITS_SHOWN = 10


def _stage_tables(library, filters: DashboardFilters, stages: list[Stage]) -> tuple[dict, Table]:
    """Its stage now (one query) and at the end of each month with a snapshot (one query)."""
    names = stage_names(stages)
    orders = [0] + [stage.order for stage in stages]
    progress = LibraryProgress.objects.filter(library=library).select_related("stage").first()
    order = progress.stage.order if progress and progress.stage else 0
    index = orders.index(order) if order in orders else 0
    now = {"name": names[index], "index": index, "top": max(orders),
           # What the chart's levels mean: 0 = no stage yet, 1 = the first stage…
           "levels": list(zip(orders, names))}
    per_month: dict = {}
    snapshots = StageSnapshot.objects.filter(library=library, date__gte=filters.month_from, date__lte=filters.end)
    for when, level in snapshots.order_by("date", "pk").values_list("date", "stage_order"):
        per_month[Month.of(when)] = level  # the month's last snapshot wins
    history = Table("stage_history", _("Stage at the end of each month"), [_("Month"), _("Stage"), _("Stage level")])
    for month in sorted(per_month):
        level = per_month[month]
        history.rows.append([month, names[orders.index(level)] if level in orders else names[0], level])
    return now, history


def _agreement_tables(library, filters: DashboardFilters) -> list[Table]:
    """Its verified partnerships with their state today, and the support it won in the
    chosen years (two queries)."""
    today = timezone.localdate()
    partnerships = Table("partnerships", _("Verified partnerships"),
                         [_("Partnership"), _("Signed on"), _("Valid until"), _("State")])
    for record in (
        Partnership.objects.verified().filter(library=library)
        .order_by("-signed_on", "-pk")[:RECORDS_SHOWN]
    ):
        if record.is_upcoming:
            state = _("Not yet in force")
        elif record.valid_until is not None and record.valid_until < today:
            state = _("Expired")
        elif record.valid_until is not None and record.valid_until <= today + timedelta(days=EXPIRING_DAYS):
            state = _("Expiring within 90 days")
        else:
            state = _("In force")
        partnerships.rows.append([Link(str(record), record.get_absolute_url()), record.signed_on, record.valid_until, state])
    support = Table("support", _("Support won (verified, in the chosen years)"),
                    [_("Support"), _("Kind"), _("Year"), _("Budget allocated (Rp)")])
    for record in (
        SupportRecord.objects.verified()
        .filter(library=library, year__gte=filters.month_from.year, year__lte=filters.month_to.year)
        .order_by("-year", "-pk")[:RECORDS_SHOWN]
    ):
        support.rows.append([Link(str(record), record.get_absolute_url()), record.get_kind_display(), record.year,
                             record.amount])
    return [partnerships, support]


def _reporting_table(library) -> Table:
    """When it last reported, its staff's last sign-in and its last visit (four queries)."""
    summary = LibraryReportSummary.objects.filter(library=library).first()
    login = (
        get_user_model().objects.filter(library=library, is_active=True).aggregate(last=Max("last_login"))["last"]
    )
    visited = Visit.libraries.through.objects.filter(library=library, visit__deleted_at__isnull=True).aggregate(
        last=Max("visit__starts_on"))["last"]
    assessed = Assessment.objects.filter(library=library).aggregate(last=Max("visited_on"))["last"]
    cutoff = timezone.now() - timedelta(days=SILENT_DAYS)
    entered = summary.last_entry_at if summary else None
    saved = summary.last_statistic_at if summary else None
    silent = (entered is None or entered < cutoff) and (saved is None or saved < cutoff)
    return Table("reporting", _("Reporting"), [_("What"), _("When")], [
        [_("Latest month with statistics"), Month.of(summary.last_statistic_month) if summary and summary.last_statistic_month else None],
        [_("Statistics last saved"), day(saved)],
        [_("Last activity entered"), day(entered)],
        [_("Latest activity date"), summary.last_activity_on if summary else None],
        [_("Staff's last login"), day(login)],
        [_("Last visited"), last_visited(visited, assessed)],
        [_("Silent for %(days)s days") % {"days": SILENT_DAYS}, _("yes") if silent else _("no")],
    ])


def _visits_table(library) -> Table:
    """Its latest monitoring visits (one query)."""
    table = Table("visits", _("Monitoring visits"), [_("First day"), _("Last day"), _("Team")])
    for visit in (
        Visit.objects.alive().filter(libraries=library).order_by("-starts_on", "-pk")[:VISITS_SHOWN]
    ):
        table.rows.append([Link(visit.starts_on, reverse("programs:visit_detail", args=[visit.pk])),
                           visit.ends_on, visit.team])
    return table


def _backlog(library) -> Table:
    """Its records waiting for check or verification (one query per record type)."""
    daily = []
    for record_type in record_types():
        rows = backlog_rows(record_type.model.objects.filter(library=library))
        daily += [dict(row, record_type=record_type.key) for row in rows]
    return backlog_table(bucket_backlog(daily))


def library_dashboard_page(level: Level, library, filters: DashboardFilters) -> dict:
    """Return the library level's page: `tables` (key → Table, in page order), its stage
    now, the map's one point and whether it is in the chosen cohort. About 16 queries."""
    stages = list(Stage.objects.filter(retired=False).order_by("order", "pk"))
    stage_now, history = _stage_tables(library, filters, stages)
    activities = activity_tables(
        activity_month_rows(
            Activity.objects.filter(library=library, start_date__gte=filters.month_from, start_date__lte=filters.end)
        ),
        filters,
    )
    tables = [history, *activities["tables"], *_agreement_tables(library, filters), _reporting_table(library),
              _visits_table(library), _backlog(library)]
    legend = stage_colours(stage_names(stages))
    points = []
    if library.latitude is not None and library.longitude is not None:
        points.append({
            "name": library.name, "url": library.get_absolute_url(), "lat": float(library.latitude),
            "lng": float(library.longitude), "count": 1, "stage": stage_now["index"], "colour": legend[stage_now["index"]][1],
            "stages": [[stage_now["name"], 1]],
        })
    in_cohort = True
    if filters.by_cohort:
        in_cohort = Participation.objects.filter(filters.cohort_q("library_id"), library=library).exists()
    return {
        "library": library,
        # Agencies' own libraries are not on the ladder: no stage to show.
        "on_ladder": is_on_ladder(library),
        "stage_now": stage_now,
        "tables": {table.key: table for table in tables},
        "activity_data": activities,
        "map_points": points,
        "map_legend": legend,
        "in_cohort": in_cohort,
        "refreshed_at": refreshed_at(),
    }
