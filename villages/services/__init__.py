"""Writes of the villages app: one service function per action (`perpus.writes.service`),
each in one transaction, whatever the channel (portal, admin, command).

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
    opening_hours_delete,
    opening_hours_save,
)
from .photos import library_photo_add, library_photo_delete, library_photo_restore, library_photo_update
from .regions import region_delete, region_save
from .statistics import library_statistic_delete, library_statistic_save, validate_month

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
    "library_statistic_delete",
    "library_statistic_save",
    "opening_hours_delete",
    "opening_hours_save",
    "region_delete",
    "region_save",
    "validate_month",
]
