"""What `programs` does when the apps below it report a change."""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader

from villages.models import Library

from .models import DashboardRefresh, Participation
from .selectors.dashboard_cache import start_new_generation
from .services import recompute_progress
from .services.dashboard_summary import LAYOUT, refresh_after_commit, refresh_dashboard_summaries


def recompute_on_library_data_change(sender, *, library_ids, **kwargs) -> None:
    """Recompute and store the stages of `library_ids` (aggregate queries, one pass), and
    have the dashboard summaries of their regions rebuilt when the transaction commits."""
    ids = list(library_ids)
    recompute_progress(library_ids=ids)
    refresh_after_commit(ids)


def refresh_dashboard_on_record_save(sender, *, instance, raw=False, **kwargs) -> None:
    """Rebuild the dashboard summaries of the saved record's region after the commit.

    A draft counts in no summary (until it is submitted, which saves it again)."""
    if not raw and instance.status != "draft":
        refresh_after_commit([instance.library_id])


def renew_dashboards(sender, *, instance, raw=False, **kwargs) -> None:
    """Make the kept dashboards of the nation and the visit's province stale after the commit
    (a visit changes "last visited")."""
    if not raw:
        start_new_generation([instance.province_id])


def remember_participation_library(sender, *, instance, raw=False, **kwargs) -> None:
    """Before a cohort entry is saved, note the library it had (one query for a stored entry),
    so moving it to another library also renews the first one's figures."""
    if not raw and instance.pk:
        instance._stored_library_id = (
            Participation.objects.filter(pk=instance.pk).values_list("library_id", flat=True).first()
        )


def refresh_dashboard_on_cohort_change(sender, *, instance, raw=False, **kwargs) -> None:
    """A cohort entry saved or deleted changes its library's cohort key: rebuild the summaries
    of its region (and of the library it had) after the commit."""
    if not raw:
        refresh_after_commit([instance.library_id, getattr(instance, "_stored_library_id", None)])


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
