"""The ladder's library measures: values, window edges, and one query per measure."""

import datetime
from decimal import Decimal

import pytest

from programs.measures import MEASURES, get_measure
from tests.factories import LibraryFactory, VillageFactory

from tests.villages.factories import LibraryStatisticFactory, OpeningHoursFactory

NAMES = [
    "has_manager",
    "opening_days_per_week",
    "opening_hours_per_day",
    "floor_area_m2",
    "collection_titles",
    "staff_count",
    "computers_in_service",
    "has_internet",
    "months_with_statistics",
    "visits",
]
END = datetime.date(2024, 12, 31)
START = datetime.date(2024, 1, 1)


def compute(name, ids, start=None, end=END):
    return get_measure(name).compute(ids, start, end)


def test_all_measures_registered_with_window_flags():
    for name in NAMES:
        assert name in MEASURES
        assert MEASURES[name].windowed is (name in {"months_with_statistics", "visits"})


@pytest.fixture
def two(library, other_regency_library):
    library.manager_name = "Siti"
    library.floor_area_m2 = 56
    library.collection_titles = 1000
    library.staff_count = 2
    library.computers_in_service = 3
    library.has_internet = True
    library.save()
    return library, other_regency_library


def test_profile_measures(two):
    full, empty = two
    ids = [full.pk, empty.pk]
    assert compute("has_manager", ids) == {full.pk: 1}
    assert compute("floor_area_m2", ids) == {full.pk: 56}
    assert compute("collection_titles", ids) == {full.pk: 1000}
    assert compute("staff_count", ids) == {full.pk: 2}
    assert compute("computers_in_service", ids) == {full.pk: 3}
    assert compute("has_internet", ids) == {full.pk: 1, empty.pk: 0}


def test_opening_measures(two):
    full, empty = two
    OpeningHoursFactory(library=full, weekday=0, opens=datetime.time(8), closes=datetime.time(14))
    OpeningHoursFactory(library=full, weekday=1, opens=datetime.time(8), closes=datetime.time(15, 30))
    OpeningHoursFactory(library=full, weekday=5, opens=datetime.time(9), closes=datetime.time(12))
    ids = [full.pk, empty.pk]
    assert compute("opening_days_per_week", ids) == {full.pk: 3}
    # (6 + 7.5 + 3) / 3 = 5.5 hours over the open days.
    assert compute("opening_hours_per_day", ids) == {full.pk: Decimal("5.50")}


def test_window_edges_count_both_ends(library):
    for month, visits in [
        (datetime.date(2023, 12, 1), 1000),  # before the window
        (datetime.date(2024, 1, 1), 10),  # exactly at start
        (datetime.date(2024, 6, 1), 20),
        (datetime.date(2024, 12, 1), 30),  # last month inside
        (datetime.date(2025, 1, 1), 5000),  # after the window
    ]:
        LibraryStatisticFactory(library=library, month=month, visits_male=visits, visits_female=1)
    ids = [library.pk]
    assert compute("months_with_statistics", ids, START, END) == {library.pk: 3}
    assert compute("visits", ids, START, END) == {library.pk: 63}
    # A window ending exactly on a month's first day includes that month.
    assert compute("visits", ids, START, datetime.date(2024, 6, 1)) == {library.pk: 32}
    # A window starting the day after a month's first day excludes it.
    assert compute("months_with_statistics", ids, datetime.date(2024, 1, 2), END) == {library.pk: 2}


def test_library_without_data_is_absent(library):
    assert compute("visits", [library.pk], START, END) == {}
    assert compute("opening_days_per_week", [library.pk]) == {}


def test_one_query_per_measure_for_many_libraries(django_assert_num_queries, balangan):
    ids = []
    for i in range(30):
        lib = LibraryFactory(village=VillageFactory(code=f"63.11.04.2{i:03d}", name=f"D{i}"))
        LibraryStatisticFactory(library=lib)
        OpeningHoursFactory(library=lib)
        ids.append(lib.pk)
    for name in NAMES:
        with django_assert_num_queries(1):
            result = compute(name, ids, START, END)
        if name in {"visits", "months_with_statistics", "opening_days_per_week", "has_internet"}:
            assert len(result) == 30
