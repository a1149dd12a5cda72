"""Saving a library's profile with its opening hours; what deleting a library would take."""

from __future__ import annotations

from collections import Counter

from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.utils.translation import gettext as _

from perpus.followups.services import due

from ..models import Library, OpeningHours
from ..models.hours import minutes_between
from .errors import ConcurrentEditError


def stale_library_error() -> ConcurrentEditError:
    return ConcurrentEditError(
        _(
            "Someone else saved this library's profile while you were editing it. "
            "Your changes were not saved: open the profile again to see the new version."
        ),
        code="concurrent_edit",
    )


@transaction.atomic
def library_save(
    *, library: Library, opening_hours: list[OpeningHours], expected_version: int | None = None
) -> Library:
    """Save `library` and replace its weekly opening hours with `opening_hours`; return it.

    A new library is created. An existing one is locked first and saved only if
    its `version` is still `expected_version` (the one its form was opened with);
    otherwise `ConcurrentEditError` is raised and nothing changes. Queries: the
    lock, the save, one delete, one bulk insert, then the stage recomputation.
    """
    if library.pk:
        current = Library.objects.select_for_update().only("version").get(pk=library.pk)
        if expected_version is None or current.version != expected_version:
            raise stale_library_error()
        library.version = current.version + 1
    library.save()
    library.opening_hours.all().delete()
    for row in opening_hours:
        row.library = library
        # bulk_create skips save(), which is where `minutes` is usually derived.
        row.minutes = minutes_between(row.opens, row.closes)
    OpeningHours.objects.bulk_create(opening_hours)
    due("library.saved", library_ids=[library.pk])
    if getattr(library, "search_text_changed", False):
        due("library.search_text", library_ids=[library.pk])
    return library


class LibraryHasDataError(ValidationError):
    """Deleting the library would delete (or is blocked by) other rows."""


def library_data_message(library: Library, dependents: dict[str, int]) -> str:
    """A translated sentence saying why `library` cannot be deleted (no query)."""
    listed = ", ".join(f"{count} {name}" for name, count in sorted(dependents.items()))
    return _(
        "“%(name)s” cannot be deleted: it has data (%(data)s). "
        "A library with data is kept; unpublish it to hide it."
    ) % {"name": library.name, "data": listed}


@transaction.atomic
def library_delete(*, library: Library) -> None:
    """Delete `library` only if nothing but its own row would go; else raise `LibraryHasDataError`.

    Queries: those of `library_dependents`, then the delete.
    """
    dependents = library_dependents([library])
    if dependents:
        raise LibraryHasDataError(library_data_message(library, dependents), code="has_data")
    library.delete()
    # Its page and the lists that showed it: their places are gone with it, so every page.
    due("library.deleted", everything=True)


def library_dependents(libraries) -> dict[str, int]:
    """What deleting `libraries` would delete besides their own rows: {verbose name plural: count}.

    Found generically with Django's deletion collector over every reverse relation,
    so rows of apps built on this one (assessments, stages, records…) count without
    this app naming them. Rows that would only be protected (PROTECT) count too.
    Queries: one per related model and level of cascade.
    """
    libraries = list(libraries)
    collector = NestedObjects(using=router.db_for_write(Library))
    collector.collect(libraries)
    counts = Counter()
    for model, objects in collector.model_objs.items():
        if model is not Library:
            counts[str(model._meta.verbose_name_plural)] += len(objects)
    for obj in collector.protected:
        counts[str(type(obj)._meta.verbose_name_plural)] += 1
    return dict(counts)
