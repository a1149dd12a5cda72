from .base import EDITABLE_STATUSES, RecordQuerySet, ReviewedRecord, ReviewStatus
from .history import EventAction, RecordEvent
from .partnerships import PartnerType, Partnership

__all__ = [
    "EDITABLE_STATUSES",
    "EventAction",
    "PartnerType",
    "Partnership",
    "RecordEvent",
    "RecordQuerySet",
    "ReviewStatus",
    "ReviewedRecord",
]
