"""Criteria over "the last N months" count the N COMPLETED months before the current month.

On 8 December a library that entered its September–November statistics once read
"monthly statistics recorded 2 of the last 3 months": the window ran from 9 September
to 8 December, so it counted the unfinished December and dropped September. Stages
dropped on the first of every month the same way.
"""

import datetime
from datetime import date
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from programs.models import Criterion, CriterionKind, Stage
from programs.selectors import progress_panel
from programs.services import compute_progress, recompute_progress
from tests.activities.factories import ActivityFactory
from tests.languages import use_language
from tests.villages.factories import LibraryStatisticFactory

pytestmark = pytest.mark.django_db

DECEMBER_8 = date(2026, 12, 8)


@pytest.mark.parametrize(
    "today, months, expected",
    [
        (date(2026, 12, 8), 3, (date(2026, 9, 1), date(2026, 11, 30))),
        # The first of a month: the month that just ended is in, the new one is not.
        (date(2026, 12, 1), 3, (date(2026, 9, 1), date(2026, 11, 30))),
        (date(2026, 12, 31), 3, (date(2026, 9, 1), date(2026, 11, 30))),
        (date(2027, 1, 15), 12, (date(2026, 1, 1), date(2026, 12, 31))),
        (date(2024, 3, 31), 1, (date(2024, 2, 1), date(2024, 2, 29))),
    ],
)
def test_completed_months_are_the_whole_months_before_the_current_one(today, months, expected):
    from programs.measures import completed_months

    assert completed_months(today, months) == expected


def one_criterion_ladder(measure, months, threshold):
    Stage.objects.all().delete()
    stage = Stage.objects.create(order=1, name="Berkembang")
    criterion = Criterion.objects.create(
        stage=stage, order=1, name="Every month", kind=CriterionKind.COMPUTED,
        measure=measure, threshold=threshold, window_months=months,
    )
    return stage, criterion


def figure(library, criterion, on):
    return compute_progress(library_ids=[library.pk], on=on)[library.pk].criteria[criterion.pk].value


def test_statistics_of_the_three_completed_months_meet_the_criterion(library):
    stage, criterion = one_criterion_ladder("months_with_statistics", 3, 3)
    for month in (9, 10, 11):
        LibraryStatisticFactory(library=library, month=date(2026, month, 1))
    result = compute_progress(library_ids=[library.pk], on=DECEMBER_8)[library.pk]
    assert result.criteria[criterion.pk].value == 3 and result.stage == stage
    # Figures of the unfinished December change nothing...
    LibraryStatisticFactory(library=library, month=date(2026, 12, 1))
    assert figure(library, criterion, DECEMBER_8) == 3
    # ...and the stage does not drop on the first of the month.
    assert figure(library, criterion, date(2026, 12, 1)) == 3
    # On the last day of November the window is August–October.
    assert figure(library, criterion, date(2026, 11, 30)) == 2


def test_every_windowed_activity_measure_counts_completed_months(library, consultant):
    _stage, months_criterion = one_criterion_ladder("months_with_community_activities", 3, 3)
    counted = Criterion.objects.create(
        stage=months_criterion.stage, order=2, name="Activities", kind=CriterionKind.COMPUTED,
        measure="community_activities", threshold=1, window_months=3,
    )
    days = (date(2026, 8, 31), date(2026, 9, 1), date(2026, 10, 15), date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 5))
    for day in days:
        ActivityFactory(library=library, start_date=day, status="verified", kind="community")
    result = compute_progress(library_ids=[library.pk], on=DECEMBER_8)[library.pk]
    assert result.criteria[months_criterion.pk].value == 3
    # 1 September, 15 October, 30 November: not 31 August, nor December's.
    assert result.criteria[counted.pk].value == 3
    # On the first of December, September to November still count.
    assert figure(library, months_criterion, date(2026, 12, 1)) == 3


def frozen(day: date):
    """Patch Django's clock to 10:00 in Jakarta on `day` (timezone.now and localdate)."""
    moment = datetime.datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Asia/Jakarta"))
    return mock.patch("django.utils.timezone.now", return_value=moment.astimezone(datetime.timezone.utc))


def test_the_panel_names_the_months_it_counted(client, library):
    _stage, criterion = one_criterion_ladder("months_with_statistics", 3, 3)
    for month in (9, 10, 11):
        LibraryStatisticFactory(library=library, month=date(2026, month, 1))
    with frozen(DECEMBER_8):
        recompute_progress(library_ids=[library.pk])
        row = next(r for s in progress_panel(library, AnonymousUser())["stages"] for r in s.criteria)
        assert row.met is True and row.window == (date(2026, 9, 1), date(2026, 11, 30))
        page = client.get(reverse("programs:library_progress", args=[library.pk])).content.decode()
        assert "3 bulan dalam 3 bulan penuh terakhir (Sep 2026–Nov 2026), perlu ≥ 3" in page
        page = use_language(client, "en").get(reverse("programs:library_progress", args=[library.pk])).content.decode()
        assert "3 months in the last 3 full months (Sep 2026–Nov 2026), needs ≥ 3" in page


def test_the_ladder_page_says_full_months(login, consultant):
    page = login(consultant).get(reverse("programs:ladder")).content.decode()
    assert "dalam 3 bulan penuh terakhir" in page
