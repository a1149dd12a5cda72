from .activities import (
    activity_document_add,
    activity_photo_add,
    attachment_delete,
    attachment_restore,
    attachment_update,
)
from .records import (
    ConcurrentEditError,
    record_create,
    record_delete,
    record_restore,
    record_revert,
    record_save,
)
from .workflow import (
    BulkResult,
    TransitionError,
    record_bulk_verify,
    record_check,
    record_return,
    record_submit,
    record_verify,
)

__all__ = [
    "ConcurrentEditError",
    "TransitionError",
    "BulkResult",
    "activity_document_add",
    "activity_photo_add",
    "attachment_delete",
    "attachment_restore",
    "attachment_update",
    "record_bulk_verify",
    "record_check",
    "record_create",
    "record_delete",
    "record_restore",
    "record_return",
    "record_revert",
    "record_save",
    "record_submit",
    "record_verify",
]
