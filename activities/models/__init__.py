from .base import EDITABLE_STATUSES, RecordQuerySet, ReviewedRecord, ReviewStatus
from .history import EventAction, RecordEvent
from .partnerships import AgreementKind, PartnerType, Partnership, PartnershipQuerySet
from .products import IncomePeriod, Product, ProductCategory
from .stories import ImpactStory, StoryQuerySet
from .support import BudgetSource, RegulationType, SupportKind, SupportRecord

__all__ = [
    "EDITABLE_STATUSES",
    "AgreementKind",
    "BudgetSource",
    "EventAction",
    "ImpactStory",
    "IncomePeriod",
    "PartnerType",
    "Partnership",
    "PartnershipQuerySet",
    "Product",
    "ProductCategory",
    "RecordEvent",
    "RecordQuerySet",
    "RegulationType",
    "ReviewStatus",
    "ReviewedRecord",
    "StoryQuerySet",
    "SupportKind",
    "SupportRecord",
]
