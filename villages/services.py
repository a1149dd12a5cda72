"""Writes that touch several rows of the villages app, each in one transaction."""

from __future__ import annotations

from django.db import transaction

from perpus.uploads import process_photo
from .models.hours import minutes_between
from .models import Library, LibraryPhoto, LibraryStatistic, OpeningHours, first_of_month


@transaction.atomic
def library_save(*, library: Library, opening_hours: list[OpeningHours]) -> Library:
    """Save `library` and replace its weekly opening hours with `opening_hours`; return it.

    Queries: the library save, one delete and one bulk insert.
    """
    library.save()
    library.opening_hours.all().delete()
    for row in opening_hours:
        row.library = library
        # bulk_create skips save(), which is where `minutes` is usually derived.
        row.minutes = minutes_between(row.opens, row.closes)
    OpeningHours.objects.bulk_create(opening_hours)
    return library


@transaction.atomic
def library_photo_add(
    *, library: Library, upload, alt_text: str, caption: str = "", order: int = 0
) -> LibraryPhoto:
    """Store the web renditions of `upload` (never the original) as a new photo; return it."""
    small, large = process_photo(upload)
    photo = LibraryPhoto(library=library, alt_text=alt_text, caption=caption, order=order)
    photo.small.save(small.name, small, save=False)
    photo.large.save(large.name, large, save=False)
    stored = [photo.small.name, photo.large.name]
    storage = photo.small.storage
    try:
        photo.save()
    except Exception:
        for name in stored:
            storage.delete(name)
        raise
    return photo


@transaction.atomic
def library_photo_delete(*, photo: LibraryPhoto) -> None:
    """Delete `photo` and, once the deletion is committed, its files."""
    names = [photo.small.name, photo.large.name]
    storage = photo.small.storage
    photo.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in names if name])


@transaction.atomic
def library_statistic_save(
    *, library: Library, month, values: dict[str, int]
) -> tuple[LibraryStatistic, bool]:
    """Create or update the figures of `library` for `month`; return (row, created).

    One row per library and month: entering a month again updates it. Locks the
    row on databases that support it, so two saves of one month cannot collide.
    """
    month = first_of_month(month)
    row, created = LibraryStatistic.objects.select_for_update().get_or_create(
        library=library, month=month, defaults=values
    )
    if not created:
        for field, value in values.items():
            setattr(row, field, value)
        row.save()
    return row, created
