"""Writes of the villages app, each in one transaction.

Every write records what follows it (`perpus.followups.due`, the list in
`perpus/followup_plan.py`) inside its transaction: stages, summaries, kept pages.
"""

from .errors import ConcurrentEditError
from .libraries import (
    LibraryHasDataError,
    library_data_message,
    library_delete,
    library_dependents,
    library_save,
)
from .photos import library_photo_add, library_photo_delete, library_photo_restore, library_photo_update
from .statistics import library_statistic_save

__all__ = [
    "ConcurrentEditError",
    "LibraryHasDataError",
    "library_data_message",
    "library_delete",
    "library_dependents",
    "library_photo_add",
    "library_photo_delete",
    "library_photo_restore",
    "library_photo_update",
    "library_save",
    "library_statistic_save",
]
