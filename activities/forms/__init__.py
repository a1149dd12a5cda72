"""Forms of the activities app: the shared record form base, entry forms, filters, review."""

from .activities import ActivityFilterForm, ActivityForm, DocumentForm, PhotoForm
from .base import RecordForm
from .records import (
    PartnershipFilterForm,
    PartnershipForm,
    ProductFilterForm,
    ProductForm,
    PublicFilterForm,
    RecordFilterForm,
    StoryFilterForm,
    StoryForm,
    SupportFilterForm,
    SupportForm,
)
from .review import DeleteForm, QueueFilterForm, ReturnForm

__all__ = [
    "ActivityFilterForm",
    "ActivityForm",
    "DeleteForm",
    "DocumentForm",
    "PartnershipFilterForm",
    "PartnershipForm",
    "PhotoForm",
    "ProductFilterForm",
    "ProductForm",
    "PublicFilterForm",
    "QueueFilterForm",
    "RecordFilterForm",
    "RecordForm",
    "ReturnForm",
    "StoryFilterForm",
    "StoryForm",
    "SupportFilterForm",
    "SupportForm",
]
