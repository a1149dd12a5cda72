"""What `programs` does when the apps below it report a change."""

from .services import recompute_progress


def recompute_on_library_data_change(sender, *, library_ids, **kwargs) -> None:
    """Recompute and store the stages of `library_ids` (aggregate queries, one pass)."""
    recompute_progress(library_ids=list(library_ids))
