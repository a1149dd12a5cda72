"""Reads of the drill-down dashboards: stages, activities, partnerships and support.

`dashboard_page(user, level, filters)` runs a fixed number of aggregate queries
(whatever the amount of data) and returns the page's figures as `Table`s, which
the template shows and the CSV/XLSX download writes. Monthly activity and stage
figures come from the summary tables, whose rows are per region and cohort key, so a
cohort filter reads them too.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from perpus.scopes import ScopePaths

from activities.models import ActivityKind, Partnership, SupportKind, SupportRecord
from villages.models import Library, LibraryLevel, Province, Regency

from ..models import ActivityMonthSummary, DashboardRefresh, Participation, Stage, StageMonthSummary
from .dashboard_cells import Month, Table, Unit, months, share
from .dashboard_levels import LIBRARY_PATHS, NATION, PROVINCE, RECORD_PATHS, REGENCY, VIA_LIBRARY
from .dashboard_levels import DashboardFilters, Level, dashboard_url, library_dashboard_url
from .dashboard_sources import PARTICIPANT_FIELDS

EXPIRING_DAYS = 90
#: The title of the stages table of each level (whole sentences, for the translators).
STAGES_BY_UNIT = {
    NATION: gettext_lazy("Libraries per stage, by province"),
    PROVINCE: gettext_lazy("Libraries per stage, by regency or city"),
    REGENCY: gettext_lazy("Libraries per stage, by library"),
}
PROVINCE_PATHS = ScopePaths(province="code")


def stage_names(stages: list[Stage]) -> list[str]:
    return [_("No stage yet")] + [stage.label for stage in stages]


def level_units(level: Level, filters: DashboardFilters) -> list[Unit]:
    """The units one level below `level`, by name (one query)."""
    if level.kind == NATION:
        provinces = Province.objects.filter(level.q(PROVINCE_PATHS)).order_by("name")
        return [Unit(p.code, p.name, dashboard_url(p.code)) for p in provinces]
    if level.kind == PROVINCE:
        regencies = Regency.objects.filter(province_id=level.code).order_by("name")
        return [Unit(r.code, r.name, dashboard_url(r.code)) for r in regencies]
    libraries = (
        Library.objects.filter(level.q(LIBRARY_PATHS), filters.cohort_q("pk"), level=LibraryLevel.VILLAGE)
        .order_by("name")
        .values_list("pk", "name")
    )
    return [Unit(pk, name, library_dashboard_url(pk)) for pk, name in libraries]


def stage_section(level: Level, filters: DashboardFilters, units: list[Unit], stages: list[Stage]) -> dict:
    """Libraries per stage per unit, with the map's points; per cohort year; and month by
    month. Queries: per unit and stage (1), per cohort year (1), history (1), (+1 locations
    at the regency level)."""
    orders = [0] + [stage.order for stage in stages]
    # Grouped by stage id (one join fewer); the stages are already loaded.
    order_of = {stage.pk: stage.order for stage in stages}
    per_unit, places = _stages_per_unit(level, filters, order_of)
    names = stage_names(stages)
    totals = {order: sum(counts.get(order, 0) for counts in per_unit.values()) for order in orders}
    total = sum(totals.values())
    by_unit = Table("stages_by_unit", str(STAGES_BY_UNIT[level.kind]),
                    [level.unit_label] + names + [_("Total")])
    for unit in units:
        counts = per_unit.get(unit.key, {})
        if level.kind == "regency" and not counts:
            continue
        by_unit.rows.append(_stage_row(unit.link, counts, orders))
    by_unit.footer = [_("Total")] + [totals[o] for o in orders] + [total]
    summary = Table("stages", _("Libraries per stage"), [_("Stage"), _("Libraries"), _("Share")],
                    [[name, totals[o], share(totals[o], total)] for name, o in zip(names, orders)],
                    footer=[_("Total"), total, share(total, total)])
    return {
        "tables": [
            summary,
            by_unit,
            _stages_by_cohort_year(level, filters, order_of, names, orders),
            _stage_history(level, filters, names, orders),
        ],
        "totals": totals,
        "total": total,
        "per_unit": per_unit,
        "places": places,
        "names": names,
        "orders": orders,
    }


def _stage_row(label, counts: dict, orders: list[int]) -> list:
    """A stages table's row: `label`, the count at each stage of `orders`, and their total."""
    return [label] + [counts.get(o, 0) for o in orders] + [sum(counts.values())]


def _stages_per_unit(level: Level, filters: DashboardFilters, order_of: dict) -> tuple[dict, dict]:
    """Village libraries per unit and stage order, and each unit's mean location weighted by
    its located libraries ([latitude sum, longitude sum, located]); one query."""
    unit_path = level.unit_path(LIBRARY_PATHS)
    libraries = Library.objects.filter(level.q(LIBRARY_PATHS), filters.cohort_q("pk"), level=LibraryLevel.VILLAGE)
    per_unit: dict = {}
    places: dict = {}
    for row in (
        libraries.values(unit_path, "progress__stage_id")
        .annotate(n=Count("pk"), lat=Avg("latitude"), lng=Avg("longitude"), located=Count("latitude"))
        .order_by()
    ):
        key, order = row[unit_path], order_of.get(row["progress__stage_id"], 0)
        per_unit.setdefault(key, {})[order] = per_unit.get(key, {}).get(order, 0) + row["n"]
        if row["located"]:
            place = places.setdefault(key, [0.0, 0.0, 0])
            place[0] += float(row["lat"]) * row["located"]
            place[1] += float(row["lng"]) * row["located"]
            place[2] += row["located"]
    return per_unit, places


def _stages_by_cohort_year(level: Level, filters: DashboardFilters, order_of: dict, names, orders) -> Table:
    """Village libraries per stage by cohort year (one query); a library in two programs the
    same year counts once."""
    cohorts = Participation.objects.filter(level.q(VIA_LIBRARY), library__level=LibraryLevel.VILLAGE)
    if filters.program_id is not None:
        cohorts = cohorts.filter(program_id=filters.program_id)
    if filters.year is not None:
        cohorts = cohorts.filter(year=filters.year)
    per_year: dict = {}
    for row in cohorts.values("year", "library__progress__stage_id").annotate(n=Count("library_id", distinct=True)).order_by():
        order = order_of.get(row["library__progress__stage_id"], 0)
        per_year.setdefault(row["year"], {})[order] = per_year.get(row["year"], {}).get(order, 0) + row["n"]
    by_year = Table("stages_by_cohort", _("Libraries per stage, by cohort year"), [_("Cohort year")] + names + [_("Total")])
    for year in sorted(per_year):
        by_year.rows.append(_stage_row(year, per_year[year], orders))
    return by_year


def _stage_history(level: Level, filters: DashboardFilters, names, orders) -> Table:
    """Libraries per stage at the end of each month of the filters' period, from the stage
    history's summaries (one query)."""
    history_rows = (
        StageMonthSummary.objects.filter(level.q(RECORD_PATHS), filters.summary_q(),
                                         month__gte=filters.month_from, month__lte=filters.month_to)
        .values("month", "stage_order")
        .annotate(libraries=Sum("libraries"))
        .order_by()
    )
    per_month: dict = {}
    for row in history_rows:
        per_month.setdefault(row["month"], {})
        per_month[row["month"]][row["stage_order"]] = per_month[row["month"]].get(row["stage_order"], 0) + row["libraries"]
    history = Table("stage_history", _("Libraries per stage at the end of each month"), [_("Month")] + names + [_("Total")])
    # Only the months with snapshots: a month without any says nothing of the stages then.
    for month in sorted(per_month):
        history.rows.append(_stage_row(Month.of(month), per_month[month], orders))
    return history


def activity_section(level: Level, filters: DashboardFilters) -> dict:
    """Activities per month and kind, verified and waiting, and participants (one query, of
    the summary)."""
    sums = {name: Sum(name) for name in ("verified", "waiting", *PARTICIPANT_FIELDS)}
    rows = (
        # The nation reads the provinces' total rows; lower levels the regencies' rows.
        # (`__in`: SQLite uses the (is_total, month) index for `IN (1)`, not for a bare boolean.)
        ActivityMonthSummary.objects.filter(level.q(RECORD_PATHS), filters.summary_q(), is_total__in=[level.kind == NATION])
        .filter(month__gte=filters.month_from, month__lte=filters.month_to)
        .values("month", "kind")
        .annotate(**sums)
        .order_by()
    )
    return activity_tables(rows, filters)


def activity_tables(rows, filters: DashboardFilters) -> dict:
    """The activity tables from `rows` (dicts of a month, a kind, the verified and waiting
    counts and the participants): per month and kind, verified and waiting, participants.
    No query beyond iterating `rows`."""
    kinds = list(ActivityKind)
    per_month: dict = {}
    totals = dict.fromkeys(("verified", "waiting", *PARTICIPANT_FIELDS), 0)
    for row in rows:
        per_month.setdefault(row["month"], {})[row["kind"]] = row["verified"]
        for name in totals:
            totals[name] += row[name] or 0
    by_month = Table("activities", _("Verified activities per month, by kind"),
                     [_("Month")] + [kind.label for kind in kinds] + [_("Total")])
    # Every month of the range, those without activities too.
    for month in months(filters.month_from, filters.month_to):
        counts = per_month.get(month, {})
        by_month.rows.append([month] + [counts.get(k.value, 0) for k in kinds] + [sum(counts.values())])
    by_month.footer = [_("Total")] + [sum(per_month[m].get(k.value, 0) for m in per_month) for k in kinds] + [totals["verified"]]
    review = Table("activity_review", _("Activities verified and waiting for review"), [_("Status"), _("Activities")], [
        [_("Verified"), totals["verified"]],
        [_("Waiting for check or verification"), totals["waiting"]],
    ])
    gender = totals["male"] + totals["female"]
    participants = Table("participants", _("Participants of verified activities"), [_("Group"), _("Participants"), _("Share")], [
        [_("Men and boys"), totals["male"], share(totals["male"], gender)],
        [_("Women and girls"), totals["female"], share(totals["female"], gender)],
        [_("Children"), totals["children"], ""],
        [_("Youth"), totals["youth"], ""],
        [_("Adults"), totals["adults"], ""],
        [_("Elderly"), totals["elderly"], ""],
        [_("People with disabilities"), totals["disabled"], ""],
        [_("Small businesses (UMKM)"), totals["umkm"], ""],
    ])
    return {"tables": [by_month, review, participants], "per_month": per_month, "kinds": kinds, "totals": totals}


def agreement_section(level: Level, filters: DashboardFilters, units: list[Unit]) -> dict:
    """Verified partnerships in force, expiring within 90 days and expired, and support won
    (regulations, budget allocations and their sum) per unit (two queries)."""
    today = timezone.localdate()
    unit_path = level.unit_path(RECORD_PATHS)
    in_force = Q(signed_on__lte=today) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    partnerships = {
        row[unit_path]: row
        for row in Partnership.objects.verified().filter(level.q(RECORD_PATHS), filters.cohort_q("library_id"))
        .values(unit_path)
        .annotate(
            in_force=Count("pk", filter=in_force),
            expiring=Count("pk", filter=Q(signed_on__lte=today, valid_until__gte=today,
                                          valid_until__lte=today + timedelta(days=EXPIRING_DAYS))),
            expired=Count("pk", filter=Q(valid_until__lt=today)),
        )
        .order_by()
    }
    budget = Q(kind=SupportKind.BUDGET)
    support = {
        row[unit_path]: row
        for row in SupportRecord.objects.verified().filter(level.q(RECORD_PATHS), filters.cohort_q("library_id"))
        .filter(year__gte=filters.month_from.year, year__lte=filters.month_to.year)
        .values(unit_path)
        .annotate(
            regulations=Count("pk", filter=Q(kind=SupportKind.REGULATION)),
            budgets=Count("pk", filter=budget),
            amount=Sum("amount", filter=budget),
        )
        .order_by()
    }
    p_table = Table("partnerships", _("Verified partnerships"),
                    [level.unit_label, _("In force"), _("Expiring within 90 days"), _("Expired")])
    s_table = Table("support", _("Support won (verified, in the chosen years)"),
                    [level.unit_label, _("Regulations"), _("Budget allocations"), _("Budget allocated (Rp)")])
    for unit in units:
        p, s = partnerships.get(unit.key), support.get(unit.key)
        if p or level.kind != "regency":
            p_table.rows.append([unit.link, *(p[k] if p else 0 for k in ("in_force", "expiring", "expired"))])
        if s or level.kind != "regency":
            s_table.rows.append([unit.link, s["regulations"] if s else 0, s["budgets"] if s else 0,
                                 (s["amount"] or 0) if s else 0])
    # Records of the level's own agencies and of libraries that are no unit below (a regency's
    # library, a kelurahan's) have a row of their own, and count in the totals.
    unit_keys = {unit.key for unit in units}
    other_p = [row for key, row in partnerships.items() if key not in unit_keys]
    if other_p:
        p_table.rows.append([_("Agencies and other libraries")] + [sum(r[k] for r in other_p) for k in ("in_force", "expiring", "expired")])
    other_s = [row for key, row in support.items() if key not in unit_keys]
    if other_s:
        s_table.rows.append([_("Agencies and other libraries"), sum(r["regulations"] for r in other_s),
                             sum(r["budgets"] for r in other_s), sum(r["amount"] or 0 for r in other_s)])
    p_table.footer = [_("Total")] + [sum(row[k] for row in partnerships.values()) for k in ("in_force", "expiring", "expired")]
    s_table.footer = [_("Total"), sum(r["regulations"] for r in support.values()), sum(r["budgets"] for r in support.values()),
                      sum(r["amount"] or 0 for r in support.values())]
    return {"tables": [p_table, s_table]}


def refreshed_at():
    """When the summaries were last rebuilt entirely, or None (one query)."""
    row = DashboardRefresh.objects.filter(pk=1).values_list("refreshed_at", flat=True).first()
    return row
