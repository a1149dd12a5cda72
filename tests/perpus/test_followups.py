"""What follows a change (perpus.followups): recorded with the change, carried out once for
everything due, retried when it fails, and never lost when the worker dies."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from perpus.followups import services as runner
from perpus.followups.models import MAX_ATTEMPTS, DueFollowUp
from perpus.followups.services import batch, due, retry_failed
from perpus.followups.selectors import failed_panel
from programs.models import LibraryProgress
from tests.factories import national_admin
from villages import services

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def calls(monkeypatch):
    """The plan's follow-ups replaced by recorders: (name, library ids, provinces, everything)."""
    seen = []
    for name in list(runner.plan().FOLLOW_UPS):
        def record(targets, name=name):
            seen.append((name, set(targets.library_ids), set(targets.province_ids), targets.everything))

        monkeypatch.setitem(runner.plan().FOLLOW_UPS, name, record)
    return seen


@pytest.mark.django_db
def test_each_follow_up_runs_once_for_everything_due_in_a_batch(calls, library, other_regency_library):
    with batch():
        due("record.public", library_ids=[library.pk])
        due("record.public", library_ids=[library.pk, other_regency_library.pk])
        due("record.review", library_ids=[other_regency_library.pk])
        assert calls == []  # nothing runs before the batch ends
    both = {library.pk, other_regency_library.pk}
    assert calls == [("stages", both, set(), False), ("summaries", both, set(), False), ("public_pages", both, set(), False)]
    assert not DueFollowUp.objects.exists()


@pytest.mark.django_db
def test_a_draft_makes_nothing_due(calls, library):
    assert due("record.draft", library_ids=[library.pk]) == 0
    assert calls == [] and not DueFollowUp.objects.exists()


@pytest.mark.django_db
def test_an_unknown_change_is_a_programming_error(library):
    with pytest.raises(KeyError):
        due("record.teleported", library_ids=[library.pk])


@pytest.mark.django_db
def test_a_failing_follow_up_is_kept_retried_and_shown_to_the_program_admin(
    calls, monkeypatch, library, program_admin, consultant
):
    def broken(targets):
        raise RuntimeError("summary table locked")

    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "summaries", broken)
    due("record.public", library_ids=[library.pk])
    # The others ran; the failed one waits with its error.
    assert [name for name, *_ in calls] == ["stages", "public_pages"]
    row = DueFollowUp.objects.get()
    assert (row.follow_up, row.attempts, row.target) == ("summaries", 1, f"library:{library.pk}")
    assert "summary table locked" in row.last_error
    assert row.retry_at > timezone.now()  # it waits before the next try
    runner.run_due()
    row.refresh_from_db()
    assert row.attempts == 1  # not tried again before its time
    for _ in range(MAX_ATTEMPTS):
        DueFollowUp.objects.update(retry_at=None)  # time passes
        runner.run_due()
    row.refresh_from_db()
    assert row.attempts == MAX_ATTEMPTS  # no further tries once it has failed them all
    assert failed_panel(program_admin) == {"failed": 1} and failed_panel(consultant) is None
    # Fixed, then retried by the program admin: it runs and is gone.
    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "summaries", lambda targets: calls.append(("fixed",)))
    assert retry_failed() == 1
    assert ("fixed",) in calls and not DueFollowUp.objects.exists()
    assert failed_panel(program_admin) is None


@pytest.mark.django_db
def test_the_admin_lists_failed_follow_ups_and_retries_them(client, monkeypatch, library):
    from tests.factories import UserFactory

    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "stages", lambda targets: 1 / 0)
    due("assessment", library_ids=[library.pk])
    DueFollowUp.objects.update(attempts=MAX_ATTEMPTS)
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    start = client.get("/start/").content.decode()
    assert "Tindak lanjut yang gagal" in start and "/admin/followups/duefollowup/?failed=1" in start
    page = client.get("/admin/followups/duefollowup/?failed=1").content.decode()
    assert "ZeroDivisionError" in page and f"library:{library.pk}" in page
    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "stages", lambda targets: None)
    pks = list(DueFollowUp.objects.values_list("pk", flat=True))
    response = client.post("/admin/followups/duefollowup/", {"action": "retry", "_selected_action": pks})
    assert response.status_code == 302 and not DueFollowUp.objects.exists()
    assert "Tindak lanjut yang gagal" not in client.get("/start/").content.decode()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_the_change_and_its_follow_ups_commit_together_and_wait_for_the_worker(library):
    """In production the request only writes: the rows and the task commit with the change."""
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 3}, user=national_admin())
    assert set(DueFollowUp.objects.values_list("follow_up", flat=True)) == {"stages", "summaries", "public_pages"}
    assert DBTaskResult.objects.ready().count() == 1
    assert not LibraryProgress.objects.filter(library=library).exists()  # not in the request
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert not DueFollowUp.objects.exists()
    assert LibraryProgress.objects.filter(library=library).exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_QUEUE)
def test_a_worker_killed_after_the_commit_loses_nothing(library):
    """The worker took the task and died in it: the rows are still there, and the next run
    (the next change's task, or `run_followups` from cron) carries them out."""
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 3}, user=national_admin())
    task = DBTaskResult.objects.get()
    task.claim("killed-worker")  # RUNNING for ever: its process is gone
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert DueFollowUp.objects.count() == 3 and not LibraryProgress.objects.exists()
    call_command("run_followups", verbosity=0)
    assert not DueFollowUp.objects.exists()
    assert LibraryProgress.objects.filter(library=library).exists()


@pytest.mark.django_db
@override_settings(TASKS=DATABASE_QUEUE)
@pytest.mark.parametrize("others", [0, 30])
def test_verifying_costs_a_fixed_number_of_queries_in_the_request(client, consultant, library, others):
    """The request writes the change and its follow-ups; the stages, figures and pages are
    the worker's, so the count does not grow with the library's records."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from activities.models import ReviewStatus
    from tests.activities.factories import ActivityFactory

    for _ in range(others):
        ActivityFactory(library=library, status=ReviewStatus.VERIFIED)
    activity = ActivityFactory(library=library, status=ReviewStatus.CHECKED)
    client.force_login(consultant)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(reverse("activities:activity_verify", args=[activity.pk]))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == ReviewStatus.VERIFIED
    assert set(DueFollowUp.objects.values_list("follow_up", flat=True)) == {"stages", "summaries", "public_pages", "notices"}
    assert len(queries) <= 20


@pytest.mark.django_db
def test_follow_ups_run_once_after_the_whole_service(monkeypatch, library, regency_staff):
    """Under the immediate backend the worker runs at the end of the outermost service: it
    sees the change finished, and a service that records two changes runs each follow-up once."""
    import datetime

    from villages.models import OpeningHours

    seen = []

    def stages(targets):
        seen.append(OpeningHours.objects.filter(library_id__in=targets.library_ids).count())

    for name in list(runner.plan().FOLLOW_UPS):
        monkeypatch.setitem(runner.plan().FOLLOW_UPS, name, lambda targets: None)
    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "stages", stages)
    services.opening_hours_save(
        hours=OpeningHours(library=library, weekday=0, opens=datetime.time(8), closes=datetime.time(12)),
        user=regency_staff,
    )
    assert seen == [1]  # the new day was there when the stage was recomputed
    library.name = "Perpustakaan Desa Juai Baru"  # a rename: "library.saved" and "library.search_text"
    services.library_save(library=library, opening_hours=None, user=regency_staff, expected_version=library.version + 1)
    assert seen == [1, 1]


@pytest.mark.django_db
def test_one_bad_target_holds_back_only_itself(monkeypatch, library, other_regency_library, outside_library):
    done = []

    def stages(targets):
        if library.pk in targets.library_ids:
            raise ValueError("broken library")
        done.extend(targets.library_ids)

    for name in list(runner.plan().FOLLOW_UPS):
        monkeypatch.setitem(runner.plan().FOLLOW_UPS, name, lambda targets: None)
    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "stages", stages)
    with batch():
        due("assessment", library_ids=[library.pk, other_regency_library.pk, outside_library.pk])
    assert sorted(done) == sorted([other_regency_library.pk, outside_library.pk])
    row = DueFollowUp.objects.get()
    assert (row.target, row.attempts) == (f"library:{library.pk}", 1) and "broken library" in row.last_error


@pytest.mark.django_db
def test_a_follow_up_failing_for_every_target_is_not_split_without_end(monkeypatch, django_db_blocker):
    """A database down fails every target: the batch is split a bounded number of times, then
    kept as a whole, waiting for its next try."""
    calls = []

    def broken(targets):
        calls.append(len(targets.library_ids))
        raise RuntimeError("database down")

    for name in list(runner.plan().FOLLOW_UPS):
        monkeypatch.setitem(runner.plan().FOLLOW_UPS, name, lambda targets: None)
    monkeypatch.setitem(runner.plan().FOLLOW_UPS, "stages", broken)
    with batch():
        due("assessment", library_ids=range(1, 1001))
    assert len(calls) <= runner.SPLITS
    assert DueFollowUp.objects.filter(follow_up="stages", attempts=1).count() == 1000
    assert not DueFollowUp.objects.waiting().filter(follow_up="stages").exists()
