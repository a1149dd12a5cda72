"""Deleted library photos sit in the trash, restorable by those who may change the library."""

import pytest
from django.core.exceptions import PermissionDenied

from perpus import trash
from villages import services
from villages.models import LibraryPhoto

from .factories import LibraryPhotoFactory


@pytest.fixture
def kind():
    return trash.kind("library_photo")


@pytest.fixture
def deleted_photo(library, regency_staff):
    photo = LibraryPhotoFactory(library=library)
    return services.library_photo_delete(photo=photo, user=regency_staff)


def test_kind_is_registered(kind):
    assert kind is not None and kind.model is LibraryPhoto


def test_deleted_for_lists_photos_of_libraries_the_user_may_change(
    kind, deleted_photo, library, other_regency_library, regency_staff, library_manager, consultant, other_regency_staff, program_admin, django_assert_num_queries
):
    LibraryPhotoFactory(library=library)  # alive: not in the trash
    elsewhere = LibraryPhotoFactory(library=other_regency_library, deleted_at=deleted_photo.deleted_at)
    with django_assert_num_queries(1):
        rows = list(kind.deleted_for(regency_staff))
        assert [kind.title(r) for r in rows] == ["Perpustakaan Desa Juai: Ruang baca perpustakaan"]
        assert kind.parent_url(rows[0]) == library.get_absolute_url() + "#photos"
    assert list(kind.deleted_for(library_manager)) == [deleted_photo]
    assert list(kind.deleted_for(consultant)) == []  # reads, does not change libraries
    assert list(kind.deleted_for(other_regency_staff)) == [elsewhere]
    assert set(kind.deleted_for(program_admin)) == {deleted_photo, elsewhere}


def test_restore_through_the_kind(kind, deleted_photo, library_manager):
    kind.restore(deleted_photo, library_manager)
    deleted_photo.refresh_from_db()
    assert not deleted_photo.is_deleted and deleted_photo.deleted_by is None
    assert deleted_photo in LibraryPhoto.objects.public()


@pytest.mark.parametrize("role", ["consultant", "other_regency_staff", "no_role_user"])
def test_restore_outside_the_rule_is_refused(request, kind, deleted_photo, role):
    with pytest.raises(PermissionDenied):
        kind.restore(deleted_photo, request.getfixturevalue(role))
    deleted_photo.refresh_from_db()
    assert deleted_photo.is_deleted


def test_delete_outside_the_rule_is_refused(library, consultant):
    photo = LibraryPhotoFactory(library=library)
    with pytest.raises(PermissionDenied):
        services.library_photo_delete(photo=photo, user=consultant)
    photo.refresh_from_db()
    assert not photo.is_deleted
