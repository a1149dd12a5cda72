"""The notification service: rows in bulk, preferences, languages, keys."""

import pytest

from perpus.notifications.kinds import Kind
from perpus.notifications.models import Notification
from perpus.notifications.services import notify
from perpus.scopes import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PARAMS = {"model": "activities.activity", "title": "Pelatihan menganyam", "reason": "Foto kurang"}


def people():
    return {
        "now": UserFactory(username="now", email_notifications="immediate", language="id"),
        "now_en": UserFactory(username="now_en", email_notifications="immediate", language="en"),
        "daily": UserFactory(username="daily", email_notifications="daily"),
        "off": UserFactory(username="off", email_notifications="off"),
    }


def test_every_recipient_gets_one_row_and_only_immediate_ones_a_mail(run_on_commit, outbox):
    p = people()
    with run_on_commit():
        assert notify(p.values(), Kind.RECORD_RETURNED, url="/activities/1/", **PARAMS) == 4
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == set(p)
    assert sorted(m.to[0] for m in outbox) == ["now@example.org", "now_en@example.org"]
    # Off and daily: listed, not mailed now; daily stays pending for the digest.
    assert Notification.objects.get(recipient=p["daily"]).mail_pending
    assert not Notification.objects.get(recipient=p["off"]).mail_pending
    assert Notification.objects.get(recipient=p["now"]).mailed_at is not None


def test_mails_are_in_the_recipients_language(run_on_commit, outbox):
    p = people()
    with run_on_commit():
        notify([p["now"], p["now_en"]], Kind.RECORD_RETURNED, url="/activities/1/", **PARAMS)
    by_to = {m.to[0]: m for m in outbox}
    indonesian, english = by_to["now@example.org"], by_to["now_en@example.org"]
    assert "Dikembalikan kepada Anda" in indonesian.subject
    assert "kegiatan" in indonesian.subject and "Alasan: Foto kurang" in indonesian.body
    assert "Returned to you: activity “Pelatihan menganyam”" in english.subject
    assert "Reason: Foto kurang" in english.body
    assert "http://localhost:8000/activities/1/" in english.body


def test_no_mail_leaves_before_the_transaction_commits(django_capture_on_commit_callbacks, outbox):
    p = people()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify([p["now"]], Kind.RECORD_VERIFIED, **PARAMS)
    assert outbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert len(outbox) == 1


def test_a_keyed_notice_is_given_once_and_mailed_once(run_on_commit, outbox):
    p = people()
    for _ in range(2):
        with run_on_commit():
            notify([p["now"], p["daily"]], Kind.REVIEW_WAITING, key="review:2026-11-02")
    assert Notification.objects.count() == 2
    assert len(outbox) == 1


def test_reopen_marks_todays_notice_unread_again(run_on_commit):
    user = UserFactory(username="r", email_notifications="off")
    notify([user], Kind.REVIEW_WAITING, key="review:2026-11-02")
    Notification.objects.update(read_at="2026-11-02T08:00:00+07:00")
    assert notify([user], Kind.REVIEW_WAITING, key="review:2026-11-02", reopen=True) == 0
    assert Notification.objects.get().read_at is None


def test_inactive_people_and_people_without_an_address(run_on_commit, outbox):
    gone = UserFactory(username="gone", is_active=False, email_notifications="immediate")
    silent = UserFactory(username="noaddr", email="", email_notifications="immediate")
    with run_on_commit():
        assert notify([gone, silent], Kind.RECORD_VERIFIED, **PARAMS) == 1
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["noaddr"]
    assert outbox == []


def test_notices_render_in_the_readers_language():
    from django.utils import translation

    notice = Notification(kind=Kind.REVIEW_WAITING, params={"check": 2, "verify": 1})
    with translation.override("en"):
        assert notice.title == "3 records wait for your review"
        assert notice.body == "2 to check, 1 to verify."
    with translation.override("id"):
        assert notice.title == "3 catatan menunggu tinjauan Anda"


def test_a_batch_of_many_notices_takes_a_fixed_number_of_queries(django_assert_max_num_queries):
    users = [UserFactory(username=f"u{i}", role=Role.ADMIN, email_notifications="daily") for i in range(30)]
    with django_assert_max_num_queries(3):
        notify(users, Kind.RECORD_VERIFIED, **PARAMS)
    assert Notification.objects.count() == 30


def test_in_production_the_mails_wait_in_the_database_queue_for_the_worker(settings, run_on_commit, outbox):
    from django_tasks_db.models import DBTaskResult

    # django-tasks resets its backends when TASKS changes (and again when the test ends).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    p = people()
    with run_on_commit():
        notify([p["now"]], Kind.RECORD_VERIFIED, **PARAMS)
    assert outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "perpus.notifications.tasks.send_notice_mails"
    assert queued.args_kwargs["args"] == [list(Notification.objects.values_list("pk", flat=True))]
