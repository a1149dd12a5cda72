"""The models of the activities app; the reviewed record types are listed in `activities.registry`."""

from .activities import (
    COMMUNITY_KINDS,
    MEETING_KINDS,
    TARGET_GROUP_FIELDS,
    Activity,
    ActivityKind,
    ActivityLevel,
    FundingSource,
    TrainingType,
)
from .attachments import ActivityDocument, ActivityPhoto, DocumentKind
from .base import EDITABLE_STATUSES, RecordQuerySet, ReviewedRecord, ReviewStatus
from .history import EventAction, RecordEvent
from .partnerships import AgreementKind, PartnerType, Partnership, PartnershipQuerySet
from .products import IncomePeriod, Product, ProductCategory
from .stories import ImpactStory, StoryQuerySet
from .support import BudgetSource, RegulationType, SupportKind, SupportRecord


__all__ = [
    "COMMUNITY_KINDS",
    "EDITABLE_STATUSES",
    "AgreementKind",
    "BudgetSource",
    "EventAction",
    "ImpactStory",
    "IncomePeriod",
    "MEETING_KINDS",
    "TARGET_GROUP_FIELDS",
    "Activity",
    "ActivityDocument",
    "ActivityKind",
    "ActivityLevel",
    "ActivityPhoto",
    "DocumentKind",
    "EventAction",
    "FundingSource",
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
    "TrainingType",
]
