"""The registry of things that are soft-deleted and restorable from the trash.

Nothing is lost by a click: records (activities, partnerships…) and attachments
(library photos, activity photos and documents, assessment evidence) are marked
deleted, listed in one trash, and restored from it. Each app registers its kinds
in its `AppConfig.ready()`, so the trash page lists them without importing the
apps (`perpus` is below every app).

A kind gives:

* `key`: short, stable, used in URLs (`/trash/<key>/<pk>/restore/`);
* `model`: the model; its rows have `deleted_at`;
* `deleted_for(user)`: a lazy queryset of the rows `user` may restore (scope applied);
* `restore(obj, user)`: the service that brings `obj` back (in a transaction, logged);
* `title(obj)` and `parent_url(obj)`: what the trash shows for a row, without queries
  beyond what `deleted_for` selects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone


@dataclass(frozen=True)
class TrashKind:
    key: str
    model: type
    deleted_for: Callable
    restore: Callable
    title: Callable
    parent_url: Callable


_KINDS: dict[str, TrashKind] = {}


def register(kind: TrashKind) -> TrashKind:
    """Add `kind` to the trash (idempotent per key); returns it."""
    _KINDS[kind.key] = kind
    return kind


def kinds() -> list[TrashKind]:
    """Every registered kind, in registration order (no query)."""
    return list(_KINDS.values())


def kind(key: str) -> TrashKind | None:
    """The kind registered under `key`, or None (no query)."""
    return _KINDS.get(key)


class SoftDeleteQuerySet(models.QuerySet):
    def alive(self):
        """Rows not deleted (lazy)."""
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        """Rows in the trash (lazy)."""
        return self.filter(deleted_at__isnull=False)


class SoftDeletable(models.Model):
    """An abstract base: `deleted_at`/`deleted_by` instead of a real delete.

    Services set them (`mark_deleted`) and clear them (`mark_restored`) inside their
    transaction and log the change; files stay on disk while the row exists.
    """

    deleted_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    deleted_by = models.ForeignKey(
        "perpus.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def mark_deleted(self, user) -> None:
        """Set the deletion fields and save them (one query)."""
        self.deleted_at = timezone.now()
        self.deleted_by = user
        self.save(update_fields=["deleted_at", "deleted_by"])

    def mark_restored(self) -> None:
        """Clear the deletion fields and save them (one query)."""
        self.deleted_at = None
        self.deleted_by = None
        self.save(update_fields=["deleted_at", "deleted_by"])
