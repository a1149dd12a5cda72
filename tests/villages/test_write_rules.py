"""The villages services check scope and the forms' rules themselves, whatever the channel:
a refused write changes nothing and records no follow-up."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import national_admin
from villages import services
from villages.models import Library, LibraryPhoto, LibraryStatistic, OpeningHours, Province

from .factories import OpeningHoursFactory, jpeg_with_gps, upload


def hours(weekday=0, opens=8, closes=12):
    return OpeningHours(weekday=weekday, opens=datetime.time(opens), closes=datetime.time(closes))


def test_a_profile_outside_the_scope_is_refused(recorded_follow_ups, library, other_regency_staff):
    library.name = "Diambil alih"
    with pytest.raises(PermissionDenied):
        services.library_save(library=library, opening_hours=[], user=other_regency_staff, expected_version=1)
    library.refresh_from_db()
    assert library.name != "Diambil alih" and recorded_follow_ups() == []


@pytest.mark.parametrize(
    "change, week",
    [
        ({"internet_kind": "fiber", "has_internet": False}, []),
        ({"latitude": 100}, []),
        ({}, [hours(0), hours(0, 13, 15)]),
        ({}, [hours(0, 12, 8)]),
    ],
    ids=["internet kind without internet", "latitude", "a day twice", "closes before it opens"],
)
def test_a_profile_the_form_would_refuse_is_refused(library, regency_staff, change, week):
    for field, value in change.items():
        setattr(library, field, value)
    with pytest.raises(ValidationError):
        services.library_save(library=library, opening_hours=week, user=regency_staff, expected_version=1)
    assert Library.objects.get(pk=library.pk).version == 1


def test_no_hours_given_keeps_the_week(library, regency_staff):
    OpeningHoursFactory(library=library)
    services.library_save(library=library, opening_hours=None, user=regency_staff, expected_version=1)
    assert library.opening_hours.count() == 1


def test_a_day_of_hours_saved_alone_renews_the_profile_version(recorded_follow_ups, library, regency_staff):
    row = services.opening_hours_save(hours=_row(library), user=regency_staff)
    library.refresh_from_db()
    assert row.minutes == 240 and library.version == 2
    services.opening_hours_delete(hours=row, user=regency_staff)
    assert not library.opening_hours.exists()
    assert {c for c, _f, _t in recorded_follow_ups()} == {"library.saved"}


def _row(library):
    return OpeningHours(library=library, weekday=2, opens=datetime.time(8), closes=datetime.time(12))


def test_hours_outside_the_scope_are_refused(library, other_regency_staff):
    with pytest.raises(PermissionDenied):
        services.opening_hours_save(hours=_row(library), user=other_regency_staff)
    assert not library.opening_hours.exists()


def test_figures_outside_the_scope_or_of_a_future_month_are_refused(library, regency_staff, other_regency_staff):
    with pytest.raises(PermissionDenied):
        services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={}, user=other_regency_staff)
    next_year = datetime.date.today().replace(day=1) + datetime.timedelta(days=400)
    with pytest.raises(ValidationError):
        services.library_statistic_save(library=library, month=next_year, values={}, user=regency_staff)
    with pytest.raises(ValidationError):
        services.library_statistic_save(
            library=library, month=datetime.date(2024, 5, 1), values={"loans": -1}, user=regency_staff
        )
    assert not LibraryStatistic.objects.exists()


def test_a_photo_outside_the_scope_is_refused(library, other_regency_staff):
    with pytest.raises(PermissionDenied):
        services.library_photo_add(
            library=library, user=other_regency_staff, upload=upload(jpeg_with_gps((40, 30))), alt_text="Teras"
        )
    assert not LibraryPhoto.objects.exists()


def test_regions_are_changed_by_the_program_admin_only(recorded_follow_ups, kalsel, regency_staff):
    kalsel.name = "Kalsel"
    with pytest.raises(PermissionDenied):
        services.region_save(region=kalsel, user=regency_staff)
    assert Province.objects.get(pk="63").name == "Kalimantan Selatan" and recorded_follow_ups() == []
    services.region_save(region=kalsel, user=national_admin())
    assert Province.objects.get(pk="63").name == "Kalsel"
    assert {(c, t) for c, _f, t in recorded_follow_ups()} == {("regions", "*")}
