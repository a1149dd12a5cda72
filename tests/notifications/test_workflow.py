"""The review workflow tells the right people, once, and nobody outside the record's scope."""

import pytest

from activities.services import record_check, record_return, record_submit, record_verify
from perpus.notifications.kinds import Kind
from perpus.notifications.models import Notification
from perpus.scopes import Role
from tests.activities.factories import ActivityFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def recipients(kind):
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


@pytest.fixture
def everyone(program_admin, consultant, outside_consultant, province_staff, regency_staff,
             other_regency_staff, library_manager, second_manager, no_role_user, other_regency_library):
    other_manager = UserFactory(
        username="pengelola_tetangga", role=Role.LIBRARY_MANAGER, library=other_regency_library
    )
    return locals()


def test_a_returned_record_goes_to_those_who_may_fix_it_with_the_reason(
    everyone, submitted_village_record, regency_staff, run_on_commit, outbox
):
    with run_on_commit():
        record_return(record=submitted_village_record, user=regency_staff, reason="Foto belum ada")
    # Its author and its library's other manager; not the regency staff who returned it,
    # not the province, consultants, admins or another library.
    assert recipients(Kind.RECORD_RETURNED) == {"pengelola", "pengelola2"}
    notice = Notification.objects.get(recipient__username="pengelola2")
    assert notice.params["reason"] == "Foto belum ada"
    assert notice.url == f"/activities/{submitted_village_record.pk}/"
    assert {m.to[0] for m in outbox} == {"pengelola@example.org", "pengelola2@example.org"}
    english = next(m for m in outbox if m.to == ["pengelola2@example.org"])
    assert "Reason: Foto belum ada" in english.body


def test_a_returned_agency_record_goes_to_the_agency_staff(everyone, regency_library, regency_staff, consultant):
    record = ActivityFactory(
        library=regency_library, created_by=regency_staff, level="regency", status="submitted", needs_check=False
    )
    colleague = UserFactory(username="staf_balangan2", role=Role.REGENCY_STAFF, regency=regency_library.regency)
    record_return(record=record, user=consultant, reason="Tanggal salah")
    assert recipients(Kind.RECORD_RETURNED) == {"staf_balangan", colleague.username}


def test_a_verified_record_is_told_to_its_people_not_the_verifier(everyone, library, library_manager, consultant):
    record = ActivityFactory(library=library, created_by=library_manager, status="checked", needs_check=True)
    record_verify(record=record, user=consultant)
    assert recipients(Kind.RECORD_VERIFIED) == {"pengelola", "pengelola2"}


def test_a_submitted_village_record_waits_for_its_regency_then_its_consultants(
    everyone, library, library_manager, regency_staff, run_on_commit, outbox
):
    record = ActivityFactory(library=library, created_by=library_manager)
    with run_on_commit():
        record_submit(record=record, user=library_manager)
    assert recipients(Kind.REVIEW_WAITING) == {"staf_balangan"}
    with run_on_commit():
        record_check(record=record, user=regency_staff)
    assert recipients(Kind.REVIEW_WAITING) == {"staf_balangan", "konsultan"}
    assert sorted(m.to[0] for m in outbox) == ["konsultan@example.org", "staf_balangan@example.org"]


def test_waiting_records_give_one_notice_and_one_mail_a_day(
    everyone, library, library_manager, regency_staff, run_on_commit, outbox
):
    for title in ("Satu", "Dua", "Tiga"):
        record = ActivityFactory(library=library, created_by=library_manager, title=title)
        with run_on_commit():
            record_submit(record=record, user=library_manager)
        Notification.objects.update(read_at="2026-11-02T08:00:00+07:00")
    assert Notification.objects.filter(recipient=regency_staff).count() == 1
    assert len(outbox) == 1
    # Each new submission reopens the day's notice.
    assert Notification.objects.get(recipient=regency_staff).read_at is not None
    record = ActivityFactory(library=library, created_by=library_manager, title="Empat")
    record_submit(record=record, user=library_manager)
    assert Notification.objects.get(recipient=regency_staff).read_at is None
