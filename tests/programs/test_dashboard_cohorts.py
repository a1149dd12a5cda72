"""Dashboards filtered by program and cohort year read the summaries' cohort keys: their
figures equal those counted here from the records of the cohort's libraries."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from activities.models import Activity, ReviewStatus
from activities.registry import record_types
from perpus.followups.services import due
from programs.models import BacklogSummary, DashboardRefresh, LibraryCohortKey, StageSnapshot, cohort_key, cohort_token
from programs.services import participation_delete, participation_save
from programs.services.dashboard_summary import LAYOUT
from tests.activities.factories import ActivityFactory
from tests.programs.factories import ParticipationFactory, ProgramFactory

from .dashboard_data import build

NATION = "/program/dashboard/"


def table(response, key):
    return response.context["tables"][key]


def test_a_cohort_key_names_every_cohort_once_and_a_token_finds_it():
    key = cohort_key([(2, 2023), (1, 2021), (1, 2021)])
    assert key == ",1:2021,2:2023,"
    assert cohort_key([]) == ""
    assert cohort_token(1, None) in key and cohort_token(2, 2023) in key and cohort_token(None, 2021) in key
    assert cohort_token(1, 2023) not in key and cohort_token(None, 2022) not in key
    # Program 1 is not program 11.
    assert cohort_token(1, None) not in cohort_key([(11, 2021)])


@pytest.fixture
def cohorts(ladder, library, other_regency_library, outside_library, django_capture_on_commit_callbacks):
    """Program P: `library` (2024) and `other_regency_library` (2023); program Q: `library`
    again (2024, the same year) and `outside_library` (2024). Two of each record per library."""
    p, q = ProgramFactory(code="p", name="P"), ProgramFactory(code="q", name="Q")
    with django_capture_on_commit_callbacks(execute=True):
        ParticipationFactory(library=library, program=p, year=2024)
        ParticipationFactory(library=library, program=q, year=2024)
        ParticipationFactory(library=other_regency_library, program=p, year=2023)
        ParticipationFactory(library=outside_library, program=q, year=2024)
        build([library, other_regency_library, outside_library], 2, stages=[ladder["A"], ladder["B"]])
    return {"P": p, "Q": q}


def counted(libraries) -> dict:
    """The figures of `libraries` counted from their records (the last 12 months)."""
    start = (timezone.localdate().replace(day=1) - timedelta(days=330)).replace(day=1)
    live = Activity.objects.filter(library__in=libraries, deleted_at__isnull=True, start_date__gte=start)
    verified = live.filter(status=ReviewStatus.VERIFIED)
    waiting = sum(
        t.model.objects.filter(library__in=libraries, deleted_at__isnull=True,
                               status__in=[ReviewStatus.SUBMITTED, ReviewStatus.CHECKED]).count()
        for t in record_types()
    )
    month = timezone.localdate().replace(day=1)
    return {
        "verified": verified.count(),
        "waiting": live.filter(status__in=[ReviewStatus.SUBMITTED, ReviewStatus.CHECKED]).count(),
        "male": verified.aggregate(n=Sum("participants_male"))["n"] or 0,
        "backlog": waiting,
        "staged_this_month": StageSnapshot.objects.filter(library__in=libraries, date=month).count(),
    }


def shown(response) -> dict:
    backlog = table(response, "backlog").footer
    return {
        "verified": table(response, "activities").footer[-1],
        "waiting": table(response, "activity_review").rows[1][1],
        "male": table(response, "participants").rows[0][1],
        "backlog": backlog[1] + backlog[2],
        "staged_this_month": history.rows[-1][-1] if (history := table(response, "stage_history")).rows else 0,
    }


@pytest.mark.parametrize("choice, members", [
    ("year=2024", ["library", "outside_library"]),
    ("program={P}", ["library", "other_regency_library"]),
    ("program={Q}&year=2024", ["library", "outside_library"]),
    ("program={P}&year=2023", ["other_regency_library"]),
    ("program={Q}&year=2023", []),
])
def test_cohort_figures_equal_the_records_of_its_libraries(request, login, program_admin, cohorts, choice, members):
    """`library` is in two programs in 2024: the year's figures count it once."""
    libraries = [request.getfixturevalue(name) for name in members]
    query = choice.format(P=cohorts["P"].pk, Q=cohorts["Q"].pk)
    response = login(program_admin).get(f"{NATION}?{query}")
    assert shown(response) == counted(libraries)
    assert table(response, "stages").footer[1] == len(libraries)


def test_cohort_figures_of_a_province(login, program_admin, cohorts, library, other_regency_library):
    response = login(program_admin).get(f"/program/dashboard/63/?program={cohorts['P'].pk}")
    assert shown(response) == counted([library, other_regency_library])
    response = login(program_admin).get("/program/dashboard/63/?year=2024")
    assert shown(response) == counted([library])


def test_moving_or_deleting_a_cohort_entry_renews_both_libraries(
    login, program_admin, cohorts, library, other_regency_library, outside_library, django_capture_on_commit_callbacks
):
    entry = other_regency_library.participations.get()
    with django_capture_on_commit_callbacks(execute=True):
        entry.library = outside_library
        participation_save(participation=entry, user=program_admin)
    assert not LibraryCohortKey.objects.filter(library=other_regency_library).exists()
    key = LibraryCohortKey.objects.get(library=outside_library).key
    assert key == cohort_key([(cohorts["P"].pk, 2023), (cohorts["Q"].pk, 2024)])
    client = login(program_admin)
    assert shown(client.get(f"{NATION}?program={cohorts['P'].pk}&year=2023")) == counted([outside_library])
    with django_capture_on_commit_callbacks(execute=True):
        participation_delete(participation=entry, user=program_admin)
    assert LibraryCohortKey.objects.get(library=outside_library).key == cohort_key([(cohorts["Q"].pk, 2024)])
    assert shown(client.get(f"{NATION}?program={cohorts['P'].pk}")) == counted([library])


def test_older_waiting_records_share_one_backlog_row(login, program_admin, library, django_capture_on_commit_callbacks):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        for days in (2, 40, 50):
            ActivityFactory(library=library, status=ReviewStatus.SUBMITTED, submitted_at=now - timedelta(days=days))
        # What the workflow records on each submission.
        due("record.review", library_ids=[library.pk])
    rows = BacklogSummary.objects.filter(record_type="activity").order_by("submitted_on")
    oldest = timezone.localtime(now - timedelta(days=50)).date()
    assert [(row.submitted_on, row.records) for row in rows] == [
        (oldest, 2), (timezone.localtime(now - timedelta(days=2)).date(), 1),
    ]
    backlog = table(login(program_admin).get("/program/dashboard/63.11/"), "backlog")
    check, verification, fresh, weeks, old = backlog.rows[0][1:6]
    assert (check, verification, fresh, weeks, old) == (3, 0, 1, 0, 2)


def test_migrate_rebuilds_summaries_of_an_older_layout(cohorts, library):
    DashboardRefresh.objects.filter(pk=1).update(layout=LAYOUT - 1)
    LibraryCohortKey.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert DashboardRefresh.objects.get(pk=1).layout == LAYOUT
    assert LibraryCohortKey.objects.filter(library=library).exists()
    # Current summaries are left alone.
    LibraryCohortKey.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert not LibraryCohortKey.objects.exists()
