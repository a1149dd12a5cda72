"""What `programs` does when the apps below it report a change."""

from .services import recompute_progress
from .selectors.dashboard_cache import start_new_generation
from .services.dashboard_summary import refresh_after_commit


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


def renew_dashboards(sender, *, raw=False, **kwargs) -> None:
    """Make the kept dashboards stale after the commit (a visit changes "last visited")."""
    if not raw:
        start_new_generation()
