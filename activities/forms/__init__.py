from .activities import ActivityFilterForm, ActivityForm, DocumentForm, PhotoForm
from .review import DeleteForm, QueueFilterForm, ReturnForm

__all__ = [
    "ActivityFilterForm",
    "ActivityForm",
    "DeleteForm",
    "DocumentForm",
    "PhotoForm",
    "QueueFilterForm",
    "ReturnForm",
]
