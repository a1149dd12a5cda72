"""What the villages app puts in the trash (registered in `VillagesConfig.ready`)."""

from perpus.trash import TrashKind

from . import services
from .models import LibraryPhoto


def deleted_library_photos(user):
    """Deleted photos of the libraries `user` may change, with their library (lazy, one query)."""
    return LibraryPhoto.objects.editable_by(user).deleted().select_related(
        "library__province", "library__regency"
    )


def restore_library_photo(photo, user):
    """Restore `photo` for `user` (raises `PermissionDenied` outside their scope); returns it."""
    return services.library_photo_restore(photo=photo, user=user)


LIBRARY_PHOTO = TrashKind(
    key="library_photo",
    model=LibraryPhoto,
    deleted_for=deleted_library_photos,
    restore=restore_library_photo,
    title=lambda photo: f"{photo.library.name}: {photo.alt_text}",
    parent_url=lambda photo: photo.library.get_absolute_url() + "#photos",
)
