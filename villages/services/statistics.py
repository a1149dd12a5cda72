"""Saving and deleting a library's monthly figures: one row per library and month."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from perpus.followups.services import due
from perpus.scopes import can_change
from perpus.writes import service

from ..models import Library, LibraryStatistic, first_of_month
from .errors import ConcurrentEditError

#: The first month figures may be entered for.
FIRST_MONTH = datetime.date(2000, 1, 1)


def validate_month(month: datetime.date) -> datetime.date:
    """The first day of `month` if figures may be entered for it (not in the future, not
    before 2000); raises `ValidationError` otherwise (no query). The form and the service
    both use it."""
    month = first_of_month(month)
    if month > first_of_month(timezone.localdate()):
        raise ValidationError(_("The month cannot be in the future."), code="future_month")
    if month < FIRST_MONTH:
        raise ValidationError(_("The month is too far in the past."), code="old_month")
    return month


@service
def library_statistic_save(
    *, library: Library, month, values: dict[str, int], user, expected_version: int | None = None
) -> tuple[LibraryStatistic, bool]:
    """Create or update the figures of `library` for `month`; return (row, created).

    One row per library and month. With `expected_version` (the form was opened
    on this month's figures) the row is saved only if nobody saved it since;
    otherwise `ConcurrentEditError` is raised and nothing changes. Without it
    (a blank form) a month already entered is refused the same way: the person has
    not seen those figures, and would overwrite them unknowingly. The row is
    locked, so two saves of one month cannot interleave. Raises `PermissionDenied` when
    `user` may not enter the library's figures, `ValidationError` on figures or a month
    the form refuses. Queries: the lock, the insert or update, the follow-ups' insert.
    """
    if not can_change(user, LibraryStatistic(library=library)):
        raise PermissionDenied
    month = validate_month(month)
    row = LibraryStatistic.objects.select_for_update().filter(library=library, month=month).first()
    created = row is None
    if created:
        if expected_version is not None:
            # The form showed figures of this month that are no longer there.
            raise _stale(month)
        row = LibraryStatistic(library=library, month=month)
    elif expected_version is None:
        raise ConcurrentEditError(
            _(
                "The figures for %(month)s were already entered. Nothing was saved: open that "
                "month from the list below to see and change them."
            )
            % {"month": formats.date_format(month, "YEAR_MONTH_FORMAT")},
            code="month_entered",
        )
    elif row.version != expected_version:
        raise _stale(month)
    for field, value in values.items():
        setattr(row, field, value)
    # The lock and the constraint hold the one row per month; the rest is the form's rules.
    row.full_clean(validate_unique=False, validate_constraints=False)
    _write(row, created, month)
    due("library.statistics", library_ids=[library.pk])
    return row, created


def _write(row: LibraryStatistic, created: bool, month) -> None:
    if created:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            # Someone entered the same month at the same moment: theirs stays.
            raise _stale(month) from None
    else:
        row.version += 1
        row.save()


@service
def library_statistic_delete(*, statistic: LibraryStatistic, user) -> None:
    """Delete one month's figures (the admin's backstop: a month entered by mistake).
    Raises `PermissionDenied` when `user` may not change them. Queries: the delete, the
    follow-ups' insert."""
    if not can_change(user, statistic):
        raise PermissionDenied
    statistic.delete()
    due("library.statistics", library_ids=[statistic.library_id])


def _stale(month) -> ConcurrentEditError:
    return ConcurrentEditError(
        _(
            "Someone else saved the figures for %(month)s while you were editing them. "
            "Your figures were not saved: open the month again to see the current figures."
        )
        % {"month": formats.date_format(month, "YEAR_MONTH_FORMAT")},
        code="concurrent_edit",
    )
