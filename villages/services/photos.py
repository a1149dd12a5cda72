"""Adding, changing, deleting (to the trash) and restoring a library's photos."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from perpus.scopes import can_change
from perpus.uploads import process_photo

from ..models import Library, LibraryPhoto
from perpus.followups.services import due


@transaction.atomic
def library_photo_add(
    *,
    library: Library,
    upload,
    alt_text: str,
    caption: str = "",
    order: int = 0,
    is_person_photo: bool = True,
    consent_recorded: bool = False,
) -> LibraryPhoto:
    """Store the web renditions of `upload` (never the original) as a new photo; return it.

    Raises `ValidationError` for a file that is not a photo. Queries: one insert, then
    the stage recomputation of the library.
    """
    small, large = process_photo(upload)
    photo = LibraryPhoto(
        library=library,
        alt_text=alt_text,
        caption=caption,
        order=order,
        is_person_photo=is_person_photo,
        consent_recorded=consent_recorded and is_person_photo,
    )
    photo.small.save(small.name, small, save=False)
    photo.large.save(large.name, large, save=False)
    stored = [photo.small.name, photo.large.name]
    storage = photo.small.storage
    try:
        photo.save()
        due("library.photo", library_ids=[library.pk])
    except Exception:
        for name in stored:
            storage.delete(name)
        raise
    return photo


@transaction.atomic
def library_photo_update(*, photo: LibraryPhoto) -> LibraryPhoto:
    """Save the texts and flags already set on `photo`; return it (one update, then the stage)."""
    if not photo.is_person_photo:
        # Consent is about people; a photo without people needs none.
        photo.consent_recorded = False
    photo.save()
    due("library.photo", library_ids=[photo.library_id])
    return photo


@transaction.atomic
def library_photo_delete(*, photo: LibraryPhoto, user) -> LibraryPhoto:
    """Move `photo` to the trash (its files stay, so it can be restored); return it.

    Raises `PermissionDenied` unless `user` may change the photo. One update, then the stage.
    """
    if not can_change(user, photo):
        raise PermissionDenied
    if not photo.is_deleted:
        photo.mark_deleted(user)
        due("library.photo", library_ids=[photo.library_id])
    return photo


@transaction.atomic
def library_photo_restore(*, photo: LibraryPhoto, user) -> LibraryPhoto:
    """Bring `photo` back from the trash; return it.

    Raises `PermissionDenied` unless `user` may change the photo. One update, then the stage.
    """
    if not can_change(user, photo):
        raise PermissionDenied
    if photo.is_deleted:
        photo.mark_restored()
        due("library.photo", library_ids=[photo.library_id])
    return photo
