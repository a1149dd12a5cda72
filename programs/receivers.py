"""After `migrate`: summaries built in an older layout are rebuilt."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader

from villages.models import Library

from .models import DashboardRefresh
from .services.dashboard_summary import LAYOUT, refresh_dashboard_summaries


def rebuild_outdated_summaries(sender, *, using, plan=None, verbosity=1, stdout=None, **kwargs) -> None:
    """After `migrate` forwards to the newest migrations: rebuild the dashboard summaries when
    they were built in an older layout (their cohort figures would be wrong). A query or two
    when they are current; nothing on an empty database."""
    # `flush` sends the signal without a plan: nothing to rebuild in an emptied database.
    # The summaries live in the default database (the service writes there).
    if plan is None or any(backwards for _migration, backwards in plan) or using != DEFAULT_DB_ALIAS:
        return
    loader = MigrationLoader(connections[using], ignore_no_migrations=True)
    if any(leaf not in loader.applied_migrations for leaf in loader.graph.leaf_nodes()):
        return
    if not Library.objects.using(using).exists():
        return
    if DashboardRefresh.objects.using(using).filter(pk=1, layout__gte=LAYOUT).exists():
        return
    seconds = refresh_dashboard_summaries()
    if verbosity and stdout is not None:
        stdout.write(f"Dashboard summaries rebuilt in their new layout in {seconds:.1f} s.\n")
