"""The whole dashboard page of one level: every section's tables, charts' data and map."""

from __future__ import annotations

from ..models import Stage
from .dashboard import activity_section, agreement_section, level_units, refreshed_at, stage_section
from .dashboard_board import backlog_section, completeness_section, map_points, stage_colours
from .dashboard_levels import DashboardFilters, Level


def dashboard_page(level: Level, filters: DashboardFilters) -> dict:
    """Return the page's sections: `tables` (key → Table, in page order), the stage and
    activity figures the charts draw, the map's points and the summaries' age.

    A fixed number of queries whatever the data (about 20; see each section)."""
    # A retired stage is no longer part of the ladder (libraries on it are recomputed off it).
    stages = list(Stage.objects.filter(retired=False).order_by("order", "pk"))
    units = level_units(level, filters)
    stage_data = stage_section(level, filters, units, stages)
    activity_data = activity_section(level, filters)
    agreements = agreement_section(level, filters, units)
    board = completeness_section(level, filters, units)
    backlog = backlog_section(level, filters)
    tables = {}
    for section in (stage_data, activity_data, agreements, board, backlog):
        for table in section["tables"]:
            tables[table.key] = table
    return {
        "stages": stages,
        "units": units,
        "tables": tables,
        "stage_data": stage_data,
        "activity_data": activity_data,
        "silent_total": board["silent_total"],
        "silent_listed": board["silent_listed"],
        "map_points": map_points(level, filters, units, stage_data),
        "map_legend": stage_colours(stage_data["names"]),
        "refreshed_at": refreshed_at(),
    }
