"""Reads of the library page that the view calls (the template never queries)."""

from __future__ import annotations

from perpus.scopes import can_view

from .models import Library, LibraryPhoto, LibraryStatistic

#: Months of statistics shown on a library page.
STATISTIC_MONTHS = 24


def library_photos(library: Library, user) -> list[LibraryPhoto]:
    """The photos of `library` that `user` may see, in display order (one query).

    Users whose scope includes the library see every photo that is not deleted;
    everyone else only `LibraryPhoto.objects.public()`.
    """
    photos = LibraryPhoto.objects.alive() if can_view(user, library) else LibraryPhoto.objects.public()
    return list(photos.filter(library=library).order_by("order", "pk"))


def recent_statistics(library: Library, months: int = STATISTIC_MONTHS) -> list[LibraryStatistic]:
    """The last `months` months of figures of `library`, newest first (one query)."""
    return list(LibraryStatistic.objects.filter(library=library).order_by("-month")[:months])
