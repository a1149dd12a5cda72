"""`send_notices`: the scheduled notices, each once, to the right people; the daily digests."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from perpus.notifications.kinds import Kind
from perpus.notifications.models import Digest, Notification
from perpus.scopes import Role
from tests.activities.factories import ActivityFactory
from tests.activities.records_factories import PartnershipFactory
from tests.factories import LibraryFactory, ProvinceFactory, UserFactory, VillageFactory
from villages.models import Library, LibraryStatistic

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 2)


def run(day=TODAY, *steps):
    args = ["send_notices", f"--date={day.isoformat()}", "-v0"]
    args += [f"--only={s}" for s in steps]
    call_command(*args)


def recipients(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def aged(*libraries, days=400):
    """Make libraries look registered `days` ago (created_at is set on insert)."""
    Library.objects.filter(pk__in=[lib.pk for lib in libraries]).update(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


@pytest.fixture
def world(program_admin, consultant, outside_consultant, province_staff, regency_staff,
          other_regency_staff, library_manager, outside_library):
    outside_manager = UserFactory(username="pengelola_bali", role=Role.LIBRARY_MANAGER, library=outside_library)
    return locals()


# Waiting for review ---------------------------------------------------------------------


def test_reviewers_get_the_count_of_what_waits_for_them(world, library, regency_library, library_manager, regency_staff):
    ActivityFactory(library=library, created_by=library_manager, status="submitted", needs_check=True)
    ActivityFactory(library=library, created_by=library_manager, status="submitted", needs_check=True)
    PartnershipFactory(library=regency_library, created_by=regency_staff, status="submitted", needs_check=False)
    ActivityFactory(library=library, created_by=library_manager, status="draft")
    run(TODAY, "review")
    params = dict(Notification.objects.filter(kind=Kind.REVIEW_WAITING).values_list("recipient__username", "params"))
    assert params == {
        "admin": {"check": 2, "verify": 1},
        "konsultan": {"check": 0, "verify": 1},
        "staf_balangan": {"check": 2, "verify": 0},
    }


def test_nothing_waiting_means_no_notice(world):
    run(TODAY, "review")
    assert not Notification.objects.exists()


# Partnerships ---------------------------------------------------------------------------


def test_partnerships_warn_their_people_at_90_and_at_30_days_once_each(world, library, library_manager, run_on_commit, outbox):
    partnership = PartnershipFactory(
        library=library, created_by=library_manager, status="verified",
        valid_until=TODAY + datetime.timedelta(days=80),
    )
    PartnershipFactory(library=library, created_by=library_manager, status="draft", valid_until=TODAY)
    with run_on_commit():
        run(TODAY, "partnerships")
        run(TODAY + datetime.timedelta(days=1), "partnerships")
    assert recipients(Kind.PARTNERSHIP_EXPIRING) == ["pengelola", "staf_balangan"]
    assert len(outbox) == 2
    with run_on_commit():
        run(TODAY + datetime.timedelta(days=55), "partnerships")
        run(TODAY + datetime.timedelta(days=56), "partnerships")
    assert recipients(Kind.PARTNERSHIP_EXPIRING) == ["pengelola", "pengelola", "staf_balangan", "staf_balangan"]
    latest = Notification.objects.filter(recipient__username="pengelola").first()
    assert latest.key == f"partnership:{partnership.pk}:30" and latest.params["days"] == 25
    assert len(outbox) == 4


def test_a_partnership_entered_late_gets_only_the_nearest_warning(world, library, library_manager):
    PartnershipFactory(library=library, created_by=library_manager, status="verified",
                       valid_until=TODAY + datetime.timedelta(days=10))
    run(TODAY, "partnerships")
    assert set(Notification.objects.values_list("key", flat=True)) == {
        f"partnership:{Notification.objects.first().key.split(':')[1]}:30"
    }


# Silent libraries --------------------------------------------------------------------------


def test_silent_village_libraries_are_told_to_their_regency_once_per_silence(world, library, library_manager, other_regency_library):
    aged(library, other_regency_library)
    old = ActivityFactory(library=library, created_by=library_manager)
    type(old).objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=90))
    today = timezone.localdate()
    run(today, "silence")
    run(today, "silence")
    # Each regency's staff hear about their own library, and only they: not the province's
    # staff or consultant further up (Bali's library is new, so not silent).
    assert recipients(Kind.LIBRARY_SILENT) == ["staf_balangan", "staf_hsu"]
    mine = Notification.objects.filter(kind=Kind.LIBRARY_SILENT, recipient__username="staf_balangan")
    notice = mine.get()
    assert notice.params["days"] == 90 and notice.params["library"] == library.name
    # It reports again, then falls silent again: a new silence period, a new notice.
    ActivityFactory(library=library, created_by=library_manager)
    run(today, "silence")
    assert mine.count() == 1
    run(today + datetime.timedelta(days=61), "silence")
    assert mine.count() == 2


def silent_library_in(village_code):
    library = LibraryFactory(village=VillageFactory(code=village_code))
    aged(library)
    return library


def test_a_silent_library_of_a_regency_without_staff_is_told_to_its_province_staff(world, province_staff):
    # Kabupaten Tapin (63.05) has no staff account; Kalimantan Selatan has province staff and
    # a consultant: the staff, nearer, are told, once.
    library = silent_library_in("63.05.01.2001")
    run(timezone.localdate(), "silence")
    run(timezone.localdate(), "silence")
    assert recipients(Kind.LIBRARY_SILENT) == ["staf_prov"]
    notice = Notification.objects.get(kind=Kind.LIBRARY_SILENT)
    assert notice.params["library"] == library.name and notice.url.endswith(f"/{library.pk}/")


def test_a_silent_library_of_a_province_without_staff_is_told_to_its_consultants(world, bali):
    other = UserFactory(username="konsultan_bali_2", role=Role.CONSULTANT, assigned_provinces=[bali])
    inactive = UserFactory(username="staf_prov_bali", role=Role.PROVINCE_STAFF, province=bali, is_active=False)
    silent_library_in("51.02.01.2001")
    run(timezone.localdate(), "silence")
    run(timezone.localdate(), "silence")
    # Bali's only province staff account is inactive: it does not count.
    assert recipients(Kind.LIBRARY_SILENT) == ["konsultan_bali", other.username]
    assert not Notification.objects.filter(recipient=inactive).exists()


def test_a_silent_library_nobody_answers_for_is_told_to_nobody(db):
    silent_library_in("51.02.01.2001")
    UserFactory(username="konsultan_jatim", role=Role.CONSULTANT, assigned_provinces=[ProvinceFactory(code="35", name="Jawa Timur")])
    run(timezone.localdate(), "silence")
    assert not Notification.objects.exists()


def test_a_library_that_reports_is_not_silent(world, library, library_manager):
    aged(library)
    LibraryStatistic.objects.create(library=library, month=datetime.date(2026, 10, 1))
    run(timezone.localdate(), "silence")
    assert not Notification.objects.filter(kind=Kind.LIBRARY_SILENT).exists()


# Monthly statistics ------------------------------------------------------------------------


def test_the_statistics_reminder_goes_to_who_has_not_entered_last_month(world, library, library_manager, regency_staff, other_regency_library, outside_library):
    aged(library, other_regency_library, outside_library)
    LibraryStatistic.objects.create(library=outside_library, month=datetime.date(2026, 10, 1))
    run(TODAY, "statistics")
    run(TODAY + datetime.timedelta(days=3), "statistics")
    # Bali's library entered October; HSU's did not (its staff are told).
    assert recipients(Kind.STATISTICS_MISSING) == ["pengelola", "staf_balangan", "staf_hsu"]
    staff_notice = Notification.objects.get(recipient=regency_staff)
    assert staff_notice.params == {"month": "2026-10-01", "count": 1}
    manager_notice = Notification.objects.get(recipient=library_manager)
    assert manager_notice.url.endswith("?month=2026-10")
    # Next month: a new reminder.
    run(datetime.date(2026, 12, 1), "statistics")
    assert Notification.objects.filter(recipient=library_manager).count() == 2


def test_a_library_that_entered_its_month_gets_no_reminder(world, library, library_manager):
    aged(library)
    LibraryStatistic.objects.create(library=library, month=datetime.date(2026, 10, 1))
    run(TODAY, "statistics")
    assert recipients(Kind.STATISTICS_MISSING) == []


# The whole run ---------------------------------------------------------------------------


def test_running_twice_the_same_day_sends_nothing_twice(world, library, library_manager, regency_library, regency_staff, run_on_commit, outbox):
    aged(library, regency_library)
    ActivityFactory(library=library, created_by=library_manager, status="submitted", needs_check=True)
    PartnershipFactory(library=library, created_by=library_manager, status="verified",
                       valid_until=timezone.localdate() + datetime.timedelta(days=20))
    UserFactory(username="harian", role=Role.REGENCY_STAFF, regency=library.regency, email_notifications="daily")
    with run_on_commit():
        run(timezone.localdate())
    rows, mails = Notification.objects.count(), len(outbox)
    assert rows and mails and Digest.objects.count() == 1
    with run_on_commit():
        run(timezone.localdate())
    assert Notification.objects.count() == rows and len(outbox) == mails and Digest.objects.count() == 1


def test_the_run_takes_a_fixed_number_of_queries(world, regency_staff, django_assert_max_num_queries):
    def many_libraries(n):
        for i in range(n):
            lib = LibraryFactory(village=VillageFactory(code=f"63.11.01.20{10 + i}"))
            UserFactory(role=Role.LIBRARY_MANAGER, library=lib, email_notifications="off")
            ActivityFactory(library=lib, status="submitted", needs_check=True)
        aged(*Library.objects.all())

    many_libraries(3)
    with django_assert_max_num_queries(40) as small:
        run(timezone.localdate())
    Notification.objects.all().delete()
    many_libraries(12)
    with django_assert_max_num_queries(len(small.captured_queries)):
        run(timezone.localdate())


# Daily digests -----------------------------------------------------------------------------


def test_the_digest_groups_a_persons_pending_notices_by_kind_in_their_language(run_on_commit, outbox):
    from perpus.notifications.services import notify

    daily = UserFactory(username="harian", email_notifications="daily", language="en")
    other = UserFactory(username="lain", email_notifications="daily", language="id")
    params = {"model": "activities.activity", "title": "Rapat"}
    notify([daily], Kind.RECORD_VERIFIED, **params)
    notify([daily], Kind.RECORD_VERIFIED, title="Pameran", model="activities.activity")
    notify([daily, other], Kind.RECORD_RETURNED, reason="Foto", **params)
    assert outbox == []
    with run_on_commit():
        run(TODAY, "digests")
        run(TODAY, "digests")
    assert sorted(m.to[0] for m in outbox) == ["harian@example.org", "lain@example.org"]
    mine = next(m for m in outbox if m.to == ["harian@example.org"])
    assert "Your daily digest: 3 notifications" in mine.subject
    body = mine.body
    assert body.index("== A record was returned to you ==") < body.index("Returned to you: activity “Rapat”")
    assert body.index("== Your record was verified ==") < body.index("“Pameran”")
    assert body.count("== ") == 2
    theirs = next(m for m in outbox if m.to == ["lain@example.org"])
    assert "Rapat" in theirs.body and "Pameran" not in theirs.body
    assert not Notification.objects.filter(mail_pending=True).exists()
    # A later notice the same day waits for tomorrow's digest.
    notify([daily], Kind.RECORD_VERIFIED, **params)
    with run_on_commit():
        run(TODAY, "digests")
    assert len(outbox) == 2
    with run_on_commit():
        run(TODAY + datetime.timedelta(days=1), "digests")
    assert len(outbox) == 3


def test_turning_mails_off_drops_what_was_pending(run_on_commit, outbox):
    from perpus.notifications.services import email_preference_set, notify

    user = UserFactory(username="harian", email_notifications="daily")
    notify([user], Kind.RECORD_VERIFIED, model="activities.activity", title="Rapat")
    email_preference_set(user=user, choice="off")
    with run_on_commit():
        run(TODAY, "digests")
    assert outbox == [] and Notification.objects.filter(recipient=user).exists()


def test_turning_mails_off_on_my_account_drops_them_too_and_is_logged(run_on_commit, outbox):
    from perpus.models import AccountEvent
    from perpus.notifications.services import notify
    from perpus.people.services import update_own_account

    user = UserFactory(username="harian2", email_notifications="daily")
    notify([user], Kind.RECORD_VERIFIED, model="activities.activity", title="Rapat")
    update_own_account(user=user, email_notifications="off")
    with run_on_commit():
        run(TODAY, "digests")
    assert outbox == [] and AccountEvent.objects.filter(account=user).exists()
