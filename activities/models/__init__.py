from .base import EDITABLE_STATUSES, RecordQuerySet, ReviewedRecord, ReviewStatus
from .history import EventAction, RecordEvent

__all__ = [
    "EDITABLE_STATUSES",
    "EventAction",
    "RecordEvent",
    "RecordQuerySet",
    "ReviewStatus",
    "ReviewedRecord",
]
