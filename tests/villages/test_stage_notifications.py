"""Every write a stage may read tells the apps above, inside its transaction."""

import datetime

import pytest
from django.db import connection

from villages import services
from villages.models import OpeningHours
from villages.signals import library_data_changed

from .factories import LibraryPhotoFactory, LibraryStatisticFactory, jpeg_with_gps, upload


@pytest.fixture
def sent():
    """Library ids of each `library_data_changed`, with whether it came inside a transaction."""
    calls = []

    def receiver(sender, *, library_ids, **kwargs):
        calls.append((list(library_ids), connection.in_atomic_block))

    library_data_changed.connect(receiver, dispatch_uid="test-villages-notifications")
    yield calls
    library_data_changed.disconnect(dispatch_uid="test-villages-notifications")


def test_profile_save_notifies(sent, library):
    library.name = "Baru"
    services.library_save(
        library=library,
        opening_hours=[OpeningHours(weekday=0, opens=datetime.time(8), closes=datetime.time(12))],
        expected_version=library.version,
    )
    assert sent == [([library.pk], True)]


def test_refused_profile_save_does_not_notify(sent, library):
    with pytest.raises(services.ConcurrentEditError):
        services.library_save(library=library, opening_hours=[], expected_version=library.version + 1)
    assert sent == []


def test_photo_add_update_delete_restore_notify(sent, library, regency_staff):
    photo = services.library_photo_add(library=library, upload=upload(jpeg_with_gps((40, 30))), alt_text="Teras")
    services.library_photo_update(photo=photo)
    services.library_photo_delete(photo=photo, user=regency_staff)
    services.library_photo_restore(photo=photo, user=regency_staff)
    assert sent == [([library.pk], True)] * 4


def test_monthly_figures_notify_on_create_and_update(sent, library):
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 3})
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 4}, expected_version=1)
    assert sent == [([library.pk], True)] * 2


def test_stale_month_does_not_notify(sent, library):
    LibraryStatisticFactory(library=library, version=2)
    with pytest.raises(services.ConcurrentEditError):
        services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={}, expected_version=1)
    assert sent == []


def test_deleting_an_already_deleted_photo_sends_nothing(sent, library, regency_staff):
    photo = LibraryPhotoFactory(library=library)
    photo.mark_deleted(regency_staff)
    services.library_photo_delete(photo=photo, user=regency_staff)
    assert sent == []
