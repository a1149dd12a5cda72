"""Adding, changing, deleting (to the trash) and restoring a library's photos."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from perpus.followups.services import due
from perpus.scopes import can_change
from perpus.uploads import process_photo
from perpus.writes import service

from ..models import Library, LibraryPhoto


@service
def library_photo_add(
    *,
    library: Library,
    user,
    upload,
    alt_text: str,
    caption: str = "",
    order: int = 0,
    is_person_photo: bool = True,
    consent_recorded: bool = False,
) -> LibraryPhoto:
    """Store the web renditions of `upload` (never the original) as a new photo; return it.

    Raises `PermissionDenied` unless `user` may change the library's photos,
    `ValidationError` for a file that is not a photo or texts the form refuses. Queries: one
    insert, then the follow-ups' insert.
    """
    photo = LibraryPhoto(
        library=library,
        alt_text=alt_text,
        caption=caption,
        order=order,
        is_person_photo=is_person_photo,
        consent_recorded=consent_recorded and is_person_photo,
    )
    if not can_change(user, photo):
        raise PermissionDenied
    photo.full_clean(exclude=["small", "large"])
    small, large = process_photo(upload)
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


@service
def library_photo_update(*, photo: LibraryPhoto, user) -> LibraryPhoto:
    """Save the texts and flags already set on `photo`; return it. Raises `PermissionDenied`
    unless `user` may change the photo (as it was and as it would be), `ValidationError` on
    texts the form refuses. Queries: the row as it was, the update, the follow-ups' insert."""
    current = LibraryPhoto.objects.select_related("library").get(pk=photo.pk)
    if not can_change(user, current) or not can_change(user, photo):
        raise PermissionDenied
    if not photo.is_person_photo:
        # Consent is about people; a photo without people needs none.
        photo.consent_recorded = False
    photo.full_clean()
    photo.save()
    due("library.photo", library_ids=[photo.library_id])
    return photo


@service
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


@service
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
