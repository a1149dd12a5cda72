from django.apps import apps

from .activities import (
    COMMUNITY_KINDS,
    MEETING_KINDS,
    TARGET_GROUP_FIELDS,
    Activity,
    ActivityDocument,
    ActivityKind,
    ActivityLevel,
    ActivityPhoto,
    DocumentKind,
    FundingSource,
    TrainingType,
)
from .base import EDITABLE_STATUSES, RecordQuerySet, ReviewedRecord, ReviewStatus
from .history import EventAction, RecordEvent
from .partnerships import AgreementKind, PartnerType, Partnership, PartnershipQuerySet
from .products import IncomePeriod, Product, ProductCategory
from .stories import ImpactStory, StoryQuerySet
from .support import BudgetSource, RegulationType, SupportKind, SupportRecord


def reviewed_models() -> list[type[ReviewedRecord]]:
    """Every concrete model that goes through review, in app-loading order (no query).

    Found from the app registry, so models added by any app (partnerships,
    support, products, stories...) join the queue, the trash and the history pages
    without being listed here.
    """
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ReviewedRecord) and not model._meta.abstract
    ]


def reviewed_model(name: str) -> type[ReviewedRecord] | None:
    """The reviewed model whose `model_name` is `name` ("activity", "partnership"...), or None."""
    return next((m for m in reviewed_models() if m._meta.model_name == name), None)


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
    "reviewed_model",
    "reviewed_models",
]
