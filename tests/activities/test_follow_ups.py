"""What the review workflow records to follow its changes (perpus/followup_plan.py)."""

import pytest

from activities.models import ReviewStatus
from activities.services.records import record_save
from activities.services.workflow import record_submit
from perpus.notifications.services import notices_off
from villages.services import library_save

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_a_verified_record_moved_to_another_library_renews_both(recorded_follow_ups, library, other_regency_library,
                                                               program_admin):
    activity = ActivityFactory(library=library, status=ReviewStatus.VERIFIED)
    activity.library = other_regency_library
    record_save(record=activity, user=program_admin, expected_version=activity.version)
    targets = {target for change, follow_up, target in recorded_follow_ups() if follow_up == "stages"}
    assert targets == {f"library:{library.pk}", f"library:{other_regency_library.pk}"}


def test_a_library_moved_to_another_regency_renews_the_places_it_left(recorded_follow_ups, library, program_admin,
                                                                     hulu_sungai_utara):
    library.regency = hulu_sungai_utara
    library.village = None
    library.level = "regency"
    library_save(library=library, opening_hours=None, user=program_admin, expected_version=library.version)
    assert ("library.moved", "summaries", "*") in recorded_follow_ups()
    assert ("library.moved", "public_pages", "*") in recorded_follow_ups()


def test_demo_data_records_no_notice_for_the_worker(recorded_follow_ups, draft, library, library_manager):
    """The worker runs outside `notices_off()`: the step must not record its notices at all."""
    with notices_off():
        record_submit(record=draft, user=library_manager)
    assert "record.step" not in {change for change, _f, _t in recorded_follow_ups()}
    other = ActivityFactory(library=library, status=ReviewStatus.DRAFT, created_by=library_manager)
    record_submit(record=other, user=library_manager)
    assert "record.step" in {change for change, _f, _t in recorded_follow_ups()}
