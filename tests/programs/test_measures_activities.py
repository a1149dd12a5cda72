"""The activity measures the progress ladder reads: verified, alive, organiser or involved."""

import datetime

import pytest
from django.utils import timezone

from programs.measures import activities as measures
from programs.measures import MEASURES

from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)


def community(library, day, **kwargs):
    kwargs.setdefault("status", "verified")
    return ActivityFactory(library=library, start_date=day, end_date=day, kind="community", **kwargs)


def test_measures_are_registered():
    for name, windowed in [
        ("community_activities", True),
        ("months_with_community_activities", True),
        ("community_participants", True),
        ("spptik_trained", False),
        ("work_plans", False),
    ]:
        assert MEASURES[name].windowed is windowed


def test_community_activities_window_edges(library):
    community(library, START)
    community(library, END)
    community(library, START - datetime.timedelta(days=1))
    community(library, END + datetime.timedelta(days=1))
    assert measures.community_activities([library.pk], START, END) == {library.pk: 2}


def test_only_verified_live_community_kinds_count(library):
    community(library, START)
    ActivityFactory(library=library, start_date=START, kind="mobile_library", status="verified")
    community(library, START, status="submitted")
    community(library, START, deleted_at=timezone.now())
    ActivityFactory(library=library, start_date=START, kind="coordination", status="verified")
    assert measures.community_activities([library.pk], START, END) == {library.pk: 2}


def test_involved_libraries_count_once(library, regency_library, other_regency_library):
    community(library, START, libraries=[regency_library, library])
    community(regency_library, START, libraries=[other_regency_library])
    result = measures.community_activities([library.pk, regency_library.pk, other_regency_library.pk], START, END)
    assert result == {library.pk: 1, regency_library.pk: 2, other_regency_library.pk: 1}


def test_queries_do_not_grow_with_libraries(library, regency_library, django_assert_num_queries):
    community(library, START, libraries=[regency_library])
    with django_assert_num_queries(2):
        measures.community_activities([library.pk, regency_library.pk, 999], START, END)
    assert measures.community_activities([], START, END) == {}


def test_participants_sum(library, regency_library):
    community(library, START, participants_male=3, participants_female=4)
    community(library, END, participants_male=10, participants_female=0, libraries=[regency_library])
    community(library, END + datetime.timedelta(days=1), participants_male=100)
    result = measures.community_participants([library.pk, regency_library.pk], START, END)
    assert result == {library.pk: 17, regency_library.pk: 10}


def test_months_are_distinct(library, regency_library):
    community(library, datetime.date(2024, 3, 1))
    community(library, datetime.date(2024, 3, 31), libraries=[regency_library])
    community(regency_library, datetime.date(2024, 3, 15))
    community(library, datetime.date(2024, 12, 31))
    community(library, datetime.date(2025, 1, 1))
    result = measures.months_with_community_activities([library.pk, regency_library.pk], START, END)
    assert result == {library.pk: 2, regency_library.pk: 1}


def test_spptik_trained_is_not_windowed(library, regency_library):
    ActivityFactory(library=regency_library, kind="training", training_type="spptik", status="verified",
                    start_date=datetime.date(2019, 7, 19), libraries=[library])
    ActivityFactory(library=regency_library, kind="training", training_type="ict", status="verified", libraries=[library])
    ActivityFactory(library=regency_library, kind="training", training_type="spptik", status="submitted", libraries=[library])
    ActivityFactory(library=regency_library, kind="training", training_type="spptik", status="verified",
                    start_date=datetime.date(2025, 6, 1), libraries=[library])
    assert measures.spptik_trained([library.pk, regency_library.pk], None, END) == {library.pk: 1, regency_library.pk: 1}


def test_work_plans_need_a_follow_up_plan(library):
    ActivityFactory(library=library, kind="training", training_type="ict", status="verified", follow_up_plan="RTL desa")
    ActivityFactory(library=library, kind="training", training_type="ict", status="verified", follow_up_plan="")
    ActivityFactory(library=library, kind="community", status="verified", follow_up_plan="tidak dihitung")
    assert measures.work_plans([library.pk], None, END) == {library.pk: 1}
