"""seed_profiles fills the demo libraries idempotently."""

import datetime

from tests.factories import LibraryFactory, VillageFactory
from programs.measures import library as measures
from villages import demo
from villages.demo_profiles import seed_profiles
from villages.models import LibraryStatistic, OpeningHours


def _demo_library(key, code):
    name = next(item[3] for item in demo.LIBRARIES if item[0] == key)
    return LibraryFactory(village=VillageFactory(code=code, name=key), name=name)


def test_seed_profiles_is_idempotent(db):
    lampihong = _demo_library("lampihong_kanan", "63.11.05.2005")
    sumberasri = _demo_library("sumberasri", "35.05.09.2001")
    today = datetime.date(2025, 3, 15)
    seed_profiles(today)
    counts = (LibraryStatistic.objects.count(), OpeningHours.objects.count())
    seed_profiles(today)
    assert (LibraryStatistic.objects.count(), OpeningHours.objects.count()) == counts == (16, 12)
    lampihong.refresh_from_db()
    assert lampihong.manager_name and lampihong.collection_titles >= 1000
    months = list(
        LibraryStatistic.objects.filter(library=sumberasri).order_by("month").values_list("month", flat=True)
    )
    assert months[0] == datetime.date(2024, 7, 1) and months[-1] == datetime.date(2025, 2, 1)
    assert measures.opening_days_per_week([lampihong.pk], None, today) == {lampihong.pk: 6}
