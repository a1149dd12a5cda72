"""What `programs` does when the apps below it report a change."""

from .services import recompute_progress
from .services.dashboard_summary import refresh_dashboard_summaries


def recompute_on_library_data_change(sender, *, library_ids, **kwargs) -> None:
    """Recompute and store the stages of `library_ids` (aggregate queries, one pass), then
    rebuild the dashboard summaries of their regions (so the dashboards follow at once)."""
    ids = list(library_ids)
    recompute_progress(library_ids=ids)
    refresh_dashboard_summaries(library_ids=ids)
