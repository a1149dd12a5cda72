"""Every write of a library's data records what follows it, inside its transaction; a
refused write records nothing."""

import datetime

import pytest
from villages import services
from villages.models import OpeningHours

from tests.factories import national_admin
from .factories import LibraryPhotoFactory, LibraryStatisticFactory, jpeg_with_gps, upload


#: Who the services are called by here: the program admin, national.
ADMIN = national_admin()


def changes(rows) -> list[tuple[str, str]]:
    """(change, target) once each, in the order recorded."""
    return list(dict.fromkeys((change, target) for change, _follow_up, target in rows()))


def test_profile_save_records_its_follow_ups(recorded_follow_ups, library):
    library.name = "Baru"
    services.library_save(
        library=library,
        opening_hours=[OpeningHours(weekday=0, opens=datetime.time(8), closes=datetime.time(12))],
        user=ADMIN,
        expected_version=library.version,
    )
    target = f"library:{library.pk}"
    # A new name: the activities' search texts follow too.
    assert changes(recorded_follow_ups) == [("library.saved", target), ("library.search_text", target)]
    assert {f for _c, f, _t in recorded_follow_ups()} == {"stages", "summaries", "public_pages", "search_text"}


def test_a_profile_save_that_keeps_the_searched_text_rewrites_no_search_text(recorded_follow_ups, library):
    library.manager_phone = "081234567890"
    services.library_save(library=library, opening_hours=[], user=ADMIN, expected_version=library.version)
    assert changes(recorded_follow_ups) == [("library.saved", f"library:{library.pk}")]


def test_refused_profile_save_records_nothing(recorded_follow_ups, library):
    with pytest.raises(services.ConcurrentEditError):
        services.library_save(library=library, opening_hours=[], user=ADMIN, expected_version=library.version + 1)
    assert recorded_follow_ups() == []


def test_photo_add_update_delete_restore_record_follow_ups(recorded_follow_ups, library, regency_staff):
    photo = services.library_photo_add(library=library, user=regency_staff, upload=upload(jpeg_with_gps((40, 30))), alt_text="Teras")
    services.library_photo_update(photo=photo, user=regency_staff)
    services.library_photo_delete(photo=photo, user=regency_staff)
    services.library_photo_restore(photo=photo, user=regency_staff)
    rows = recorded_follow_ups()
    assert [(c, f) for c, f, _t in rows] == [("library.photo", "stages"), ("library.photo", "public_pages")] * 4
    assert {t for _c, _f, t in rows} == {f"library:{library.pk}"}


def test_monthly_figures_record_follow_ups_on_create_and_update(recorded_follow_ups, library):
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 3}, user=ADMIN)
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 4}, user=ADMIN, expected_version=1)
    assert changes(recorded_follow_ups) == [("library.statistics", f"library:{library.pk}")]
    assert len(recorded_follow_ups()) == 6


def test_stale_month_records_nothing(recorded_follow_ups, library):
    LibraryStatisticFactory(library=library, version=2)
    with pytest.raises(services.ConcurrentEditError):
        services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={}, user=ADMIN, expected_version=1)
    assert recorded_follow_ups() == []


def test_deleting_an_already_deleted_photo_records_nothing(recorded_follow_ups, library, regency_staff):
    photo = LibraryPhotoFactory(library=library)
    photo.mark_deleted(regency_staff)
    services.library_photo_delete(photo=photo, user=regency_staff)
    assert recorded_follow_ups() == []
