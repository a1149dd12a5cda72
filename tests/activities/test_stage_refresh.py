"""Verified records feed the ladder: verifying, deleting and restoring move a library's stage."""

import datetime

from django.utils import timezone

from activities.models import ActivityKind, ReviewStatus
from activities.services import record_bulk_verify, record_delete, record_restore, record_verify
from programs.models import Criterion, CriterionKind, Stage
from programs.models.progress import LibraryProgress
from tests.activities.factories import ActivityFactory


def one_step_ladder():
    Stage.objects.all().delete()
    stage = Stage.objects.create(order=1, name="Aktif")
    Criterion.objects.create(
        stage=stage,
        order=1,
        name="Community activity in the last 12 months",
        kind=CriterionKind.COMPUTED,
        measure="community_activities",
        threshold=1,
        window_months=12,
    )
    return stage


def checked_activity(library, regency_staff):
    return ActivityFactory(
        library=library,
        created_by=regency_staff,
        kind=ActivityKind.COMMUNITY,
        # In a completed month: the month in progress is not counted by the ladder.
        start_date=timezone.localdate().replace(day=1) - datetime.timedelta(days=10),
        status=ReviewStatus.CHECKED,
    )


def stage_of(library):
    progress = LibraryProgress.objects.filter(library=library).select_related("stage").first()
    return progress.stage if progress else None


def test_verifying_an_activity_moves_the_library_stage(library, consultant, regency_staff):
    stage = one_step_ladder()
    activity = checked_activity(library, regency_staff)
    assert stage_of(library) is None

    record_verify(record=activity, user=consultant)
    assert stage_of(library) == stage

    record_delete(record=activity, user=consultant, reason="double entry")
    assert stage_of(library) is None

    record_restore(record=activity, user=consultant)
    assert stage_of(library) == stage


def test_bulk_verify_recomputes_once_for_all_libraries(
    library, other_regency_library, consultant, regency_staff
):
    stage = one_step_ladder()
    activities = [checked_activity(library, regency_staff), checked_activity(other_regency_library, regency_staff)]
    assert len(record_bulk_verify(records=activities, user=consultant).verified) == 2
    assert stage_of(library) == stage
    assert stage_of(other_regency_library) == stage


def test_libraries_involved_in_an_activity_also_move(library, other_regency_library, consultant, regency_staff):
    stage = one_step_ladder()
    activity = checked_activity(library, regency_staff)
    activity.libraries.set([other_regency_library])
    record_verify(record=activity, user=consultant)
    assert stage_of(other_regency_library) == stage
