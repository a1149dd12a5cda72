"""The review workflow through the services: every step, the illegal ones, and the history."""

import pytest
from django.core.exceptions import PermissionDenied

from activities.models import Activity, EventAction, RecordEvent
from activities.services import (
    TransitionError,
    record_bulk_verify,
    record_check,
    record_return,
    record_submit,
    record_verify,
)

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def actions(record):
    return list(RecordEvent.objects.for_record(record).order_by("pk").values_list("action", flat=True))


def fresh(record):
    return Activity.objects.get(pk=record.pk)


def test_village_record_is_checked_by_regency_then_verified_by_consultant(
    draft, library_manager, regency_staff, consultant
):
    record_submit(record=draft, user=library_manager)
    row = fresh(draft)
    assert (row.status, row.needs_check, row.awaiting) == ("submitted", True, "check")
    assert row.submitted_at is not None
    record_check(record=row, user=regency_staff)
    row = fresh(draft)
    assert (row.status, row.checked_by) == ("checked", regency_staff)
    record_verify(record=row, user=consultant)
    row = fresh(draft)
    assert (row.status, row.verified_by) == ("verified", consultant) and row.verified_at
    assert actions(draft) == ["submitted", "checked", "verified"]
    assert row.version == 4  # each step bumped it


def test_agency_record_goes_straight_to_verification(regency_draft, regency_staff, consultant):
    record_submit(record=regency_draft, user=regency_staff)
    assert fresh(regency_draft).awaiting == "verification"
    record_verify(record=regency_draft, user=consultant)
    assert fresh(regency_draft).status == "verified"


def test_verifying_a_draft_fails(draft, consultant):
    with pytest.raises(TransitionError):
        record_verify(record=draft, user=consultant)
    assert fresh(draft).status == "draft"
    assert actions(draft) == []


def test_verifying_before_the_regency_check_fails(awaiting_check, consultant):
    with pytest.raises(TransitionError):
        record_verify(record=awaiting_check, user=consultant)
    assert fresh(awaiting_check).status == "submitted"


def test_checking_a_record_that_needs_no_check_fails(awaiting_verification, program_admin):
    with pytest.raises(TransitionError):
        record_check(record=awaiting_verification, user=program_admin)
    assert fresh(awaiting_verification).status == "submitted"


def test_regency_staff_cannot_verify(awaiting_verification, regency_staff):
    with pytest.raises(PermissionDenied):
        record_verify(record=awaiting_verification, user=regency_staff)
    assert fresh(awaiting_verification).status == "submitted"


def test_consultant_of_another_province_cannot_verify(awaiting_verification, outside_consultant):
    with pytest.raises(PermissionDenied):
        record_verify(record=awaiting_verification, user=outside_consultant)
    assert fresh(awaiting_verification).status == "submitted"


def test_other_regency_cannot_check(awaiting_check, other_regency_staff):
    with pytest.raises(PermissionDenied):
        record_check(record=awaiting_check, user=other_regency_staff)
    assert fresh(awaiting_check).status == "submitted"


def test_consultant_cannot_submit(draft, consultant):
    with pytest.raises(PermissionDenied):
        record_submit(record=draft, user=consultant)
    assert fresh(draft).status == "draft"


def test_submitting_twice_fails(awaiting_verification, regency_staff):
    with pytest.raises(TransitionError):
        record_submit(record=awaiting_verification, user=regency_staff)


def test_return_needs_a_reason(awaiting_verification, consultant):
    with pytest.raises(TransitionError):
        record_return(record=awaiting_verification, user=consultant, reason="   ")
    assert fresh(awaiting_verification).status == "submitted"
    assert actions(awaiting_verification) == []


def test_return_with_reason_then_resubmit(awaiting_verification, consultant, regency_staff):
    record_return(record=awaiting_verification, user=consultant, reason="Tambahkan daftar hadir")
    row = fresh(awaiting_verification)
    assert (row.status, row.return_reason) == ("returned", "Tambahkan daftar hadir")
    event = RecordEvent.objects.for_record(row).first()
    assert (event.action, event.reason, event.user) == (EventAction.RETURNED, "Tambahkan daftar hadir", consultant)
    record_submit(record=row, user=regency_staff)
    row = fresh(row)
    assert (row.status, row.return_reason) == ("submitted", "")


def test_regency_returns_at_check_but_not_at_verification(awaiting_check, awaiting_verification, regency_staff):
    record_return(record=awaiting_check, user=regency_staff, reason="Foto belum ada")
    assert fresh(awaiting_check).status == "returned"
    with pytest.raises(PermissionDenied):
        record_return(record=awaiting_verification, user=regency_staff, reason="x")
    assert fresh(awaiting_verification).status == "submitted"


def test_returning_a_draft_fails(draft, consultant):
    with pytest.raises(TransitionError):
        record_return(record=draft, user=consultant, reason="x")


def test_deleted_record_cannot_move(awaiting_verification, consultant):
    Activity.objects.filter(pk=awaiting_verification.pk).update(deleted_at="2024-01-01T00:00Z")
    with pytest.raises(TransitionError):
        record_verify(record=awaiting_verification, user=consultant)


def test_a_stale_copy_sees_the_other_reviewers_step(awaiting_verification, consultant, program_admin):
    stale = fresh(awaiting_verification)
    record_return(record=awaiting_verification, user=program_admin, reason="Perbaiki")
    with pytest.raises(TransitionError):
        record_verify(record=stale, user=consultant)
    assert fresh(awaiting_verification).status == "returned"


def test_step_does_not_overwrite_content_edits(awaiting_verification, consultant):
    stale = fresh(awaiting_verification)
    Activity.objects.filter(pk=stale.pk).update(title="Judul baru")
    stale.title = "Judul lama di memori"
    record_verify(record=stale, user=consultant)
    assert fresh(stale).title == "Judul baru"


def test_bulk_verify_skips_what_the_user_may_not_verify(
    awaiting_verification, awaiting_check, outside_library, consultant
):
    outside = ActivityFactory(library=outside_library, status="submitted", needs_check=False)
    result = record_bulk_verify(records=[awaiting_verification, awaiting_check, outside], user=consultant)
    assert len(result.verified) == 1 and result.already_done == []
    assert fresh(awaiting_verification).status == "verified"
    assert fresh(awaiting_check).status == "submitted"
    assert fresh(outside).status == "submitted"


# Bulk verify while someone verifies some of the same records one by one.


def test_bulk_verify_goes_on_past_records_verified_meanwhile(consultant, program_admin, awaiting_verification, regency_library):
    other = ActivityFactory(library=regency_library, status="submitted", needs_check=False, title="Yang lain")
    stale = [Activity.objects.get(pk=awaiting_verification.pk), Activity.objects.get(pk=other.pk)]
    # Someone else verifies the first one after the queue was loaded.
    record_verify(record=awaiting_verification, user=program_admin)
    result = record_bulk_verify(records=stale, user=consultant)
    assert [r.pk for r in result.verified] == [other.pk]
    assert [r.pk for r in result.already_done] == [awaiting_verification.pk]
    other.refresh_from_db()
    assert other.status == "verified" and other.verified_by == consultant
    awaiting_verification.refresh_from_db()
    assert awaiting_verification.verified_by == program_admin
    assert RecordEvent.objects.filter(object_id=awaiting_verification.pk, action="verified").count() == 1
