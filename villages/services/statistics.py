"""Saving a library's monthly figures: one row per library and month."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from ..models import Library, LibraryStatistic, first_of_month
from perpus.followups.services import due
from .errors import ConcurrentEditError


@transaction.atomic
def library_statistic_save(
    *, library: Library, month, values: dict[str, int], expected_version: int | None = None
) -> tuple[LibraryStatistic, bool]:
    """Create or update the figures of `library` for `month`; return (row, created).

    One row per library and month. With `expected_version` (the form was opened
    on this month's figures) the row is saved only if nobody saved it since;
    otherwise `ConcurrentEditError` is raised and nothing changes. Without it
    (a blank form) a month already entered is refused the same way: the person has
    not seen those figures, and would overwrite them unknowingly. The row is
    locked, so two saves of one month cannot interleave. Queries: the lock, the
    insert or update, then the stage recomputation.
    """
    month = first_of_month(month)
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
    due("library.statistics", library_ids=[library.pk])
    return row, created


def _stale(month) -> ConcurrentEditError:
    return ConcurrentEditError(
        _(
            "Someone else saved the figures for %(month)s while you were editing them. "
            "Your figures were not saved: open the month again to see the current figures."
        )
        % {"month": formats.date_format(month, "YEAR_MONTH_FORMAT")},
        code="concurrent_edit",
    )
