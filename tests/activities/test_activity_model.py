"""Rules of the Activity model: totals, dates, target groups, kind-specific fields, privacy."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from activities.models import Activity, ActivityDocument, ActivityKind, ActivityPhoto, DocumentKind

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_total_is_men_plus_women(draft):
    draft.participants_male, draft.participants_female = 12, 30
    assert draft.participants_total == 42


def test_end_before_start_is_refused_next_to_end_date(draft):
    draft.end_date = draft.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "end_date" in error.value.message_dict


def test_database_refuses_end_before_start(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.filter(pk=draft.pk).update(end_date=datetime.date(2000, 1, 1))


def test_target_groups_may_not_exceed_total(draft):
    draft.participants_male, draft.participants_female = 5, 5
    draft.participants_children, draft.participants_umkm = 8, 3
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "11" in error.value.message_dict["participants_children"][0]
    draft.participants_umkm = 2
    draft.full_clean()


def test_training_needs_its_type_and_keeps_its_fields(draft):
    draft.kind = ActivityKind.TRAINING
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "training_type" in error.value.message_dict
    draft.training_type, draft.follow_up_plan = "spptik", "RTL"
    draft.full_clean()
    assert draft.follow_up_plan == "RTL" and draft.is_spptik


def test_fields_of_another_kind_are_cleared(draft):
    draft.kind = ActivityKind.COMMUNITY
    draft.training_method, draft.follow_up_plan, draft.decisions = "ceramah", "RTL", "keputusan"
    draft.full_clean()
    assert (draft.training_method, draft.follow_up_plan, draft.decisions) == ("", "", "")


def test_meeting_keeps_decisions(draft):
    draft.kind, draft.decisions = ActivityKind.COORDINATION, "Sinkronisasi Renstra"
    draft.full_clean()
    assert draft.decisions == "Sinkronisasi Renstra"


def test_no_funding_has_no_amount(draft):
    draft.funding_source, draft.funding_amount = "none", 1000
    with pytest.raises(ValidationError) as error:
        draft.full_clean()
    assert "funding_amount" in error.value.message_dict


def test_days_counts_both_ends():
    activity = Activity(start_date=datetime.date(2019, 10, 16), end_date=datetime.date(2019, 10, 18))
    assert activity.days == 3


def test_attendance_lists_are_always_private(draft):
    document = ActivityDocument.objects.create(
        activity=draft, kind=DocumentKind.ATTENDANCE, title="Daftar hadir", file="x.pdf", is_private=False
    )
    assert document.is_private
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityDocument.objects.filter(pk=document.pk).update(is_private=False)


def test_person_photos_are_public_only_with_consent(draft):
    draft.status = "verified"
    draft.save()
    make = lambda **kw: ActivityPhoto.objects.create(activity=draft, image="a.jpg", thumbnail="b.jpg", alt_text="x", **kw)  # noqa: E731
    scenery = make(is_person_photo=False)
    consented = make(is_person_photo=True, consent_recorded=True)
    private = make(is_person_photo=True, consent_recorded=False)
    assert set(ActivityPhoto.objects.public()) == {scenery, consented}
    assert private.shows_without_consent and not consented.shows_without_consent
    # Deleted photos, and photos of an activity that is not public, are never public.
    scenery.mark_deleted(None)
    assert set(ActivityPhoto.objects.public()) == {consented}
    draft.library.is_published = False
    draft.library.save()
    assert not ActivityPhoto.objects.public().exists()


def test_public_is_verified_and_alive(library, library_manager):
    verified = ActivityFactory(library=library, status="verified")
    ActivityFactory(library=library, status="submitted")
    ActivityFactory(library=library, status="verified", deleted_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    assert list(Activity.objects.public()) == [verified]
