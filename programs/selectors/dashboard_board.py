"""The dashboards' completeness board, review backlog and map data.

Each function runs a fixed number of aggregate queries over the level's area and
returns `Table`s (see `dashboard.py`) or plain data for the map.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.registry import record_types
from perpus.scopes import AREA_STAFF_ROLES, ScopePaths
from villages.models import Library, LibraryLevel

from ..models import Assessment, BacklogSummary, LibraryReportSummary, Visit
from .dashboard_cells import Link, Table, Unit, day
from .dashboard_levels import NATION, PROVINCE, RECORD_PATHS, REGENCY, VIA_LIBRARY
from .dashboard_levels import DashboardFilters, Level, library_dashboard_url
from .visits import last_visited

#: A library with no activity entry and no statistics saved for this long is listed.
SILENT_DAYS = 60
#: Silent libraries listed by name (the rest are counted).
SILENT_LISTED = 20
#: Marker colours by stage level (grey: no stage yet); the map's legend names them.
STAGE_COLOURS = ["#9e9e9e", "#e08e0b", "#2a9d8f", "#1d6fa5", "#6a3d9a", "#c2185b", "#2e7d32"]
#: The title of the reporting table of each level.
REPORTING_BY_UNIT = {
    NATION: gettext_lazy("Reporting by province"),
    PROVINCE: gettext_lazy("Reporting by regency or city"),
    REGENCY: gettext_lazy("Reporting by library"),
}


def _staff_logins(level: Level) -> dict:
    """Latest login of the staff of each unit below `level` (one query)."""
    users = get_user_model().objects.filter(is_active=True, role__in=AREA_STAFF_ROLES)
    if level.kind == NATION:
        users = users.annotate(unit=Coalesce("province_id", "regency__province_id", "library__province_id"))
        if level.province_ids is not None:
            users = users.filter(unit__in=sorted(level.province_ids))
    elif level.kind == PROVINCE:
        users = users.annotate(unit=Coalesce("regency_id", "library__regency_id")).filter(
            Q(regency__province_id=level.code) | Q(library__regency__province_id=level.code)
        )
    else:
        users = users.annotate(unit=F("library_id")).filter(library__regency_id=level.code)
    return {
        row["unit"]: row["last"]
        for row in users.values("unit").annotate(last=Max("last_login")).order_by()
    }


def _last_visits(level: Level) -> dict:
    """Latest monitoring visit or assessment of each unit below `level` (two queries)."""
    visits: dict = {}
    if level.kind == "regency":
        rows = (
            Visit.libraries.through.objects.filter(library__regency_id=level.code, visit__deleted_at__isnull=True)
            .values("library_id")
            .annotate(last=Max("visit__starts_on"))
            .order_by()
        )
        visits = {row["library_id"]: row["last"] for row in rows}
    else:
        path = level.unit_path(ScopePaths(province="province_id", regency="regency_id"))
        rows = Visit.objects.filter(level.q(RECORD_PATHS), deleted_at__isnull=True).values(path).annotate(last=Max("starts_on")).order_by()
        visits = {row[path]: row["last"] for row in rows}
    path = level.unit_path(VIA_LIBRARY)
    for row in Assessment.objects.filter(level.q(VIA_LIBRARY)).values(path).annotate(last=Max("visited_on")).order_by():
        visits[row[path]] = last_visited(visits.get(row[path]), row["last"])
    return visits


def _silent_q(cutoff) -> Q:
    return (Q(last_entry_at__isnull=True) | Q(last_entry_at__lt=cutoff)) & (
        Q(last_statistic_at__isnull=True) | Q(last_statistic_at__lt=cutoff)
    )


def completeness_section(level: Level, filters: DashboardFilters, units: list[Unit]) -> dict:
    """For each unit below: this month's statistics and activities, last entry, staff's last
    login, silent libraries and last visit; and the first silent libraries by name.
    Queries: board (1), logins (1), visits (2), silent list (1)."""
    month_start = timezone.localdate().replace(day=1)
    # A month's statistics (its visits and members) are due once it has ended: this month,
    # last month's are.
    due_month = (month_start - timedelta(days=1)).replace(day=1)
    cutoff = timezone.now() - timedelta(days=SILENT_DAYS)
    summaries = LibraryReportSummary.objects.filter(
        level.q(RECORD_PATHS), filters.cohort_q("library_id"), library__level=LibraryLevel.VILLAGE
    )
    board = _reporting_board(summaries, level.unit_path(RECORD_PATHS), due_month, month_start, cutoff)
    table = _reporting_table(level, units, board, due_month, month_start)
    silent = _silent_table(summaries, cutoff)
    silent_total = sum(row["silent"] for row in board.values())
    return {"tables": [table, silent], "silent_total": silent_total, "silent_listed": len(silent.rows)}


def _reporting_board(summaries, path: str, due_month, month_start, cutoff) -> dict:
    """Unit key (the value at `path`) → its village libraries' reporting counts and latest
    dates, from the reporting `summaries` (one query)."""
    return {
        row[path]: row
        for row in summaries.values(path)
        .annotate(
            libraries=Count("pk"),
            statistics=Count("pk", filter=Q(last_statistic_month__gte=due_month)),
            statistics_last=Max("last_statistic_at"),
            activities=Count("pk", filter=Q(last_activity_on__gte=month_start)),
            last_entry=Max("last_entry_at"),
            silent=Count("pk", filter=_silent_q(cutoff)),
        )
        .order_by()
    }


def _reporting_table(level: Level, units: list[Unit], board: dict, due_month, month_start) -> Table:
    """The reporting table: a row per unit of `board`, with its staff's last login and last
    visit (three queries). A regency's rows are its libraries, answered yes or no."""
    logins = _staff_logins(level)
    visits = _last_visits(level)
    table = Table(
        "completeness",
        str(REPORTING_BY_UNIT[level.kind]),
        [level.unit_label,
         _("Statistics for %(month)s") % {"month": date_format(due_month, "YEAR_MONTH_FORMAT")},
         _("Statistics last saved"),
         _("Activities in %(month)s") % {"month": date_format(month_start, "YEAR_MONTH_FORMAT")},
         _("Last activity entered"),
         _("Staff's last login"),
         _("Silent for %(days)s days") % {"days": SILENT_DAYS},
         _("Last visited")],
    )
    for unit in units:
        row = board.get(unit.key)
        if row is None and level.kind == "regency":
            continue
        libraries = row["libraries"] if row else 0
        if level.kind == "regency":
            statistics = _("yes") if row["statistics"] else _("no")
            activities = _("yes") if row["activities"] else _("no")
            silent = _("yes") if row["silent"] else _("no")
        else:
            statistics = f"{row['statistics'] if row else 0} / {libraries}"
            activities = f"{row['activities'] if row else 0} / {libraries}"
            silent = row["silent"] if row else 0
        table.rows.append([
            unit.link, statistics, day(row and row["statistics_last"]), activities,
            day(row and row["last_entry"]), day(logins.get(unit.key)), silent, day(visits.get(unit.key)),
        ])
    return table


def _silent_table(summaries, cutoff) -> Table:
    """The first `SILENT_LISTED` libraries of `summaries` silent since `cutoff`, by name, with
    their last entry, statistics and visit (one query)."""
    last_visit = Subquery(
        Visit.libraries.through.objects.filter(library_id=OuterRef("library_id"), visit__deleted_at__isnull=True)
        .order_by("-visit__starts_on").values("visit__starts_on")[:1]
    )
    last_assessed = Subquery(
        Assessment.objects.filter(library_id=OuterRef("library_id")).order_by("-visited_on").values("visited_on")[:1]
    )
    silent_rows = (
        summaries.filter(_silent_q(cutoff))
        .annotate(last_visit=last_visit, last_assessed=last_assessed)
        .values("library_id", "library__name", "library__regency__name", "last_entry_at", "last_statistic_at", "last_visit", "last_assessed")
        .order_by("library__name", "library_id")[:SILENT_LISTED]
    )
    silent = Table("silent", _("Libraries with nothing reported for %(days)s days") % {"days": SILENT_DAYS},
                   [_("Library"), _("Regency/city"), _("Last activity entered"), _("Statistics last saved"), _("Last visited")])
    for row in silent_rows:
        visited = last_visited(row["last_visit"], row["last_assessed"])
        silent.rows.append([
            Link(row["library__name"], library_dashboard_url(row["library_id"]), drill=True),
            row["library__regency__name"] or "–", day(row["last_entry_at"]), day(row["last_statistic_at"]), day(visited),
        ])
    return silent


def backlog_section(level: Level, filters: DashboardFilters) -> dict:
    """What waits for check or verification per record type, and for how long (one query,
    of the backlog summary)."""
    week, month = _backlog_days()
    # Bucketed in the database: a handful of rows come back, not one per day.
    rows = (
        BacklogSummary.objects.filter(level.q(RECORD_PATHS), filters.summary_q())
        .values("record_type", "awaiting")
        .annotate(
            waiting=Sum("records"),
            fresh=Sum("records", filter=Q(submitted_on__gte=week)),
            weeks=Sum("records", filter=Q(submitted_on__lt=week, submitted_on__gte=month)),
            oldest=Min("submitted_on"),
        )
        .order_by()
    )
    return {"tables": [backlog_table(rows)]}


def _backlog_days():
    """The first days of "under 7 days" and of "7 to 30 days" (no query)."""
    today = timezone.localdate()
    return today - timedelta(days=7), today - timedelta(days=30)


def bucket_backlog(daily) -> list[dict]:
    """Rows of the backlog table from `daily` rows (record type, awaited step, day submitted,
    records), counted here: for the few records of one library (no query)."""
    week, month = _backlog_days()
    rows: dict = {}
    for entry in daily:
        row = rows.setdefault((entry["record_type"], entry["awaiting"]), {
            "record_type": entry["record_type"], "awaiting": entry["awaiting"],
            "waiting": 0, "fresh": 0, "weeks": 0, "oldest": None,
        })
        n, when = entry["records"], entry["submitted_on"]
        row["waiting"] += n
        if when is not None and when >= week:
            row["fresh"] += n
        elif when is not None and when >= month:
            row["weeks"] += n
        if when is not None and (row["oldest"] is None or when < row["oldest"]):
            row["oldest"] = when
    return list(rows.values())


def backlog_table(rows) -> Table:
    """The backlog table from `rows` (record type, awaited step, waiting, fresh, weeks and
    oldest day), one line per record type (no query beyond iterating `rows`)."""
    figures: dict = {}
    for row in rows:
        entry = figures.setdefault(
            row["record_type"], {"check": 0, "verification": 0, "fresh": 0, "weeks": 0, "old": 0, "oldest": None}
        )
        fresh, weeks = row["fresh"] or 0, row["weeks"] or 0
        entry[row["awaiting"]] += row["waiting"]
        entry["fresh"] += fresh
        entry["weeks"] += weeks
        entry["old"] += row["waiting"] - fresh - weeks
        if row["oldest"] and (entry["oldest"] is None or row["oldest"] < entry["oldest"]):
            entry["oldest"] = row["oldest"]
    table = Table("backlog", _("Records waiting, by type"), [
        _("Type"), _("Waiting for check"), _("Waiting for verification"), _("Under 7 days"),
        _("7 to 30 days"), _("Over 30 days"), _("Oldest since"),
    ])
    keys = ("check", "verification", "fresh", "weeks", "old")
    for record_type in record_types():
        entry = figures.get(record_type.key, {})
        table.rows.append([capfirst(str(record_type.label_plural)), *(entry.get(k, 0) for k in keys),
                           day(entry.get("oldest"))])
    table.footer = [_("Total"), *(sum(e[k] for e in figures.values()) for k in keys), None]
    return table


def stage_colours(names: list[str]) -> list[tuple[str, str]]:
    """(stage name, colour) of the map's markers and legend, "no stage yet" first."""
    return [(name, STAGE_COLOURS[i % len(STAGE_COLOURS)]) for i, name in enumerate(names)]


def map_points(level: Level, filters: DashboardFilters, units: list[Unit], stages_data: dict) -> list[dict]:
    """Map data: one circle per unit with counts per stage (nation and province), or one
    marker per located library coloured by stage (regency; one query). Each point's
    `colour` is its stage's in `stage_colours`."""
    names = stages_data["names"]
    orders = stages_data["orders"]
    colours = [colour for _name, colour in stage_colours(names)]
    if level.kind != "regency":
        points = []
        for unit in units:
            place = stages_data["places"].get(unit.key)
            counts = stages_data["per_unit"].get(unit.key, {})
            if not place or not place[2]:
                continue
            dominant = max(orders, key=lambda o: (counts.get(o, 0), o))
            points.append({
                "name": unit.name, "url": unit.url, "lat": round(place[0] / place[2], 5), "lng": round(place[1] / place[2], 5),
                "count": sum(counts.values()), "stage": orders.index(dominant), "colour": colours[orders.index(dominant)],
                "stages": [[names[i], counts.get(o, 0)] for i, o in enumerate(orders)],
            })
        return points
    libraries = (
        Library.objects.filter(level.q(RECORD_PATHS), filters.cohort_q("pk"), level=LibraryLevel.VILLAGE,
                               latitude__isnull=False, longitude__isnull=False)
        .values_list("pk", "name", "latitude", "longitude", "progress__stage__order")
        .order_by("name")
    )
    points = []
    for pk, name, lat, lng, order in libraries:
        index = orders.index(order) if order in orders else 0
        points.append({
            "name": name, "url": library_dashboard_url(pk), "lat": float(lat), "lng": float(lng),
            "count": 1, "stage": index, "colour": colours[index], "stages": [[names[index], 1]],
        })
    return points
