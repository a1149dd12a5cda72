from .records import ConcurrentEditError, record_create, record_delete, record_restore, record_save
from .workflow import (
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
    "record_bulk_verify",
    "record_check",
    "record_create",
    "record_delete",
    "record_restore",
    "record_return",
    "record_save",
    "record_submit",
    "record_verify",
]
