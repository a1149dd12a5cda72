"""The admin lists and edits the library models (with hours inline)."""

import pytest
from django.urls import reverse

from tests.factories import national_admin
from .factories import LibraryStatisticFactory, OpeningHoursFactory


@pytest.fixture
def superuser(program_admin):
    program_admin.is_superuser = True
    program_admin.save()
    return program_admin


@pytest.mark.parametrize(
    "name", ["villages_library", "villages_openinghours", "villages_libraryphoto", "villages_librarystatistic"]
)
def test_admin_changelists_render(login, superuser, library, name):
    OpeningHoursFactory(library=library)
    LibraryStatisticFactory(library=library)
    response = login(superuser).get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200


def test_admin_library_change_page_shows_hours_inline(login, superuser, library):
    OpeningHoursFactory(library=library)
    html = login(superuser).get(reverse("admin:villages_library_change", args=[library.pk])).content.decode()
    assert "opening_hours-0-opens" in html


# Deleting a library: refused when anything else would go with it -------------------

from villages.models import Library, LibraryPhoto  # noqa: E402

from .factories import LibraryPhotoFactory  # noqa: E402


def delete_url(library):
    return reverse("admin:villages_library_delete", args=[library.pk])


def test_library_without_data_is_deleted(login, superuser, outside_library):
    response = login(superuser).post(delete_url(outside_library), {"post": "yes"})
    assert response.status_code == 302
    assert not Library.objects.filter(pk=outside_library.pk).exists()


@pytest.mark.parametrize("make", ["statistic", "photo", "deleted_photo", "hours", "stage_history", "manager"])
def test_library_with_any_data_is_refused_with_a_clear_message(request, login, superuser, library, make):
    if make == "statistic":
        LibraryStatisticFactory(library=library)
    elif make in ("photo", "deleted_photo"):
        photo = LibraryPhotoFactory(library=library)
        if make == "deleted_photo":
            photo.mark_deleted(superuser)
    elif make == "hours":
        OpeningHoursFactory(library=library)
    elif make == "stage_history":
        # A row of an app built on villages: found without villages naming it.
        from programs.models import StageSnapshot

        StageSnapshot.objects.create(library=library, date="2024-05-01", reason="first")
    else:
        request.getfixturevalue("library_manager")
    client = login(superuser)
    page = client.get(delete_url(library)).content.decode()
    assert "“Perpustakaan Desa Juai” tidak dapat dihapus" in page
    assert client.post(delete_url(library), {"post": "yes"}).status_code == 200
    assert Library.objects.filter(pk=library.pk).exists()


def test_bulk_delete_refuses_when_one_library_has_data(login, superuser, library, outside_library):
    LibraryStatisticFactory(library=library)
    response = login(superuser).post(
        reverse("admin:villages_library_changelist"),
        {"action": "delete_selected", "_selected_action": [library.pk, outside_library.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert "“Perpustakaan Desa Juai” tidak dapat dihapus" in response.content.decode()
    assert Library.objects.filter(pk__in=[library.pk, outside_library.pk]).count() == 2


def test_delete_service_refuses_a_library_with_data(library):
    from villages import services

    LibraryStatisticFactory(library=library)
    with pytest.raises(services.LibraryHasDataError):
        services.library_delete(library=library, user=national_admin())
    assert Library.objects.filter(pk=library.pk).exists()


def test_admin_photo_delete_is_a_soft_delete_and_restorable(login, superuser, library):
    photo = LibraryPhotoFactory(library=library)
    client = login(superuser)
    response = client.post(reverse("admin:villages_libraryphoto_delete", args=[photo.pk]), {"post": "yes"})
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.is_deleted and photo.deleted_by == superuser
    assert photo.small.storage.exists(photo.small.name)
    client.post(
        reverse("admin:villages_libraryphoto_changelist"),
        {"action": "restore_photos", "_selected_action": [photo.pk]},
    )
    photo.refresh_from_db()
    assert not photo.is_deleted


def test_admin_bulk_photo_delete_is_a_soft_delete(login, superuser, library):
    photos = [LibraryPhotoFactory(library=library) for _ in range(2)]
    login(superuser).post(
        reverse("admin:villages_libraryphoto_changelist"),
        {"action": "delete_selected", "_selected_action": [p.pk for p in photos], "post": "yes"},
    )
    assert LibraryPhoto.objects.deleted().count() == 2


def test_library_inline_cannot_hard_delete_photos(login, superuser, library):
    LibraryPhotoFactory(library=library)
    html = login(superuser).get(reverse("admin:villages_library_change", args=[library.pk])).content.decode()
    assert "photos-0-DELETE" not in html
