"""What `programs` does when the apps below it report a change."""

from .services import recompute_progress
from .services.dashboard_summary import refresh_after_commit, refresh_dashboard_summaries


def recompute_on_library_data_change(sender, *, library_ids, **kwargs) -> None:
    """Recompute and store the stages of `library_ids` (aggregate queries, one pass), then
    rebuild the dashboard summaries of their regions (so the dashboards follow at once)."""
    ids = list(library_ids)
    recompute_progress(library_ids=ids)
    refresh_dashboard_summaries(library_ids=ids)


def refresh_dashboard_on_record_save(sender, *, instance, raw=False, **kwargs) -> None:
    """Rebuild the dashboard summaries of the saved record's region after the commit."""
    if not raw:
        refresh_after_commit([instance.library_id])
