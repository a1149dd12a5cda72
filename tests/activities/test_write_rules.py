"""Changing an attachment's texts (the admin's backstop) goes through its service: logged in
the activity's history, refused outside the scope or once the activity is under review."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activities.models import ActivityPhoto, RecordEvent, ReviewStatus
from activities.services import attachment_update

from .factories import ActivityFactory


@pytest.fixture
def photo(draft):
    return ActivityPhoto.objects.create(activity=draft, image="a.jpg", thumbnail="b.jpg", alt_text="Peserta")


def test_an_attachment_change_is_in_the_activity_history(photo, regency_staff):
    photo.alt_text = "Peserta pelatihan menganyam"
    attachment_update(attachment=photo, user=regency_staff)
    event = RecordEvent.objects.for_record(photo.activity).get()
    assert event.user == regency_staff and "Peserta pelatihan menganyam" in event.reason


def test_an_attachment_outside_the_scope_or_under_review_is_refused(photo, other_regency_staff, regency_staff, library):
    photo.alt_text = "Diubah"
    with pytest.raises(PermissionDenied):
        attachment_update(attachment=photo, user=other_regency_staff)
    photo.activity = ActivityFactory(library=library, status=ReviewStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        attachment_update(attachment=photo, user=regency_staff)
    assert ActivityPhoto.objects.get(pk=photo.pk).alt_text == "Peserta"
    assert not RecordEvent.objects.exists()
