"""Saving a library's profile with its opening hours; what deleting a library would take."""

from __future__ import annotations

from collections import Counter

from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router
from django.utils.translation import gettext as _

from perpus.followups.services import due
from perpus.scopes import can_change
from perpus.writes import service

from ..models import Library, OpeningHours
from ..models.hours import minutes_between
from .errors import ConcurrentEditError


def stale_library_error() -> ConcurrentEditError:
    """The refusal of a profile saved from a copy someone else saved since (no query)."""
    return ConcurrentEditError(
        _(
            "Someone else saved this library's profile while you were editing it. "
            "Your changes were not saved: open the profile again to see the new version."
        ),
        code="concurrent_edit",
    )


def _lock_current(library: Library, expected_version: int | None) -> Library:
    """Lock the library's row and refuse a save from a stale copy; return the row as it is
    (one query)."""
    rows = Library.objects.select_for_update().only("version", "province_id", "regency_id")
    current = rows.get(pk=library.pk)
    if expected_version is None or current.version != expected_version:
        raise stale_library_error()
    return current


def _validate(library: Library, opening_hours: list[OpeningHours]) -> None:
    """Refuse what the profile form refuses (`ValidationError`): the model's rules and
    constraints, and consistent opening hours and internet access (a few queries for the
    constraints)."""
    library.full_clean(exclude=["slug"])
    if library.internet_kind and not library.has_internet:
        raise ValidationError(
            {"internet_kind": _("Tick “internet access” or leave the kind empty.")}, code="internet_kind"
        )
    weekdays = [row.weekday for row in opening_hours]
    if len(weekdays) != len(set(weekdays)):
        raise ValidationError(_("A day has opening hours twice."), code="weekday_twice")
    for row in opening_hours:
        row.full_clean(exclude=["library", "minutes"], validate_unique=False, validate_constraints=False)


@service
def library_save(
    *,
    library: Library,
    opening_hours: list[OpeningHours] | None,
    user,
    expected_version: int | None = None,
) -> Library:
    """Save `library` and replace its weekly opening hours with `opening_hours` (None keeps
    them); return it.

    A new library is created. An existing one is locked first and saved only if its
    `version` is still `expected_version` (the one its form was opened with); otherwise
    `ConcurrentEditError` is raised. Raises `PermissionDenied` when `user` may not change the
    library (as it was or as it would be), `ValidationError` on data the form refuses;
    nothing changes then. Queries: the lock, the checks, the save, one delete, one bulk
    insert, then the follow-ups' insert.
    """
    moved = False
    if library.pk:
        current = _lock_current(library, expected_version)
        if not can_change(user, current):
            raise PermissionDenied
        library.version = current.version + 1
        moved = (current.province_id, current.regency_id) != (library.province_id, library.regency_id)
    if not can_change(user, library):
        raise PermissionDenied
    _validate(library, opening_hours or [])
    library.save()
    if opening_hours is not None:
        _replace_hours(library, opening_hours)
    due("library.saved", library_ids=[library.pk])
    if moved:
        # The places it left show it too (their pages, their figures): rare, so everything.
        due("library.moved", everything=True)
    if getattr(library, "search_text_changed", False):
        due("library.search_text", library_ids=[library.pk])
    return library


def _replace_hours(library: Library, opening_hours: list[OpeningHours]) -> None:
    library.opening_hours.all().delete()
    for row in opening_hours:
        row.library = library
        # bulk_create skips save(), which is where `minutes` is usually derived.
        row.minutes = minutes_between(row.opens, row.closes)
    OpeningHours.objects.bulk_create(opening_hours)


def _hours_changed(library_id: int, user) -> None:
    """Lock the hours' library, check `user` may change it, and give it a new version: a
    profile form opened before must not put the old hours back (two queries)."""
    rows = Library.objects.select_for_update().only("version", "province_id", "regency_id")
    library = rows.get(pk=library_id)
    if not can_change(user, library):
        raise PermissionDenied
    Library.objects.filter(pk=library_id).update(version=library.version + 1)
    due("library.saved", library_ids=[library_id])


@service
def opening_hours_save(*, hours: OpeningHours, user) -> OpeningHours:
    """Save one day's opening hours of a library (the admin's list of hours); return it.

    Raises `PermissionDenied` outside `user`'s scope (the library as it was and as it would
    be), `ValidationError` on a closing time before the opening or a day given twice.
    Queries: the lock and update of the library (each library, if it moved), the checks,
    the save.
    """
    if hours.pk:
        before = OpeningHours.objects.filter(pk=hours.pk).values_list("library_id", flat=True).first()
        if before is not None and before != hours.library_id:
            _hours_changed(before, user)
    _hours_changed(hours.library_id, user)
    hours.full_clean(exclude=["minutes"])
    hours.save()
    return hours


@service
def opening_hours_delete(*, hours: OpeningHours, user) -> None:
    """Delete one day's opening hours (the library is closed that day). Raises
    `PermissionDenied` outside `user`'s scope. Queries: the library's lock and update, the
    delete."""
    _hours_changed(hours.library_id, user)
    hours.delete()


class LibraryHasDataError(ValidationError):
    """Deleting the library would delete (or is blocked by) other rows."""


def library_data_message(library: Library, dependents: dict[str, int]) -> str:
    """A translated sentence saying why `library` cannot be deleted (no query)."""
    listed = ", ".join(f"{count} {name}" for name, count in sorted(dependents.items()))
    return _(
        "“%(name)s” cannot be deleted: it has data (%(data)s). "
        "A library with data is kept; unpublish it to hide it."
    ) % {"name": library.name, "data": listed}


@service
def library_delete(*, library: Library, user) -> None:
    """Delete `library` only if nothing but its own row would go; else raise `LibraryHasDataError`.

    Raises `PermissionDenied` when `user` may not change it. Queries: those of
    `library_dependents`, then the delete.
    """
    if not can_change(user, library):
        raise PermissionDenied
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
