"""Records for the dashboard tests: `build(libraries, size)` puts `size` of each kind of
record on each library, dated this month and earlier, with summaries refreshed."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from activities.models import ActivityKind, ReviewStatus, SupportKind
from programs.models import SnapshotReason, StageSnapshot
from programs.services.dashboard_summary import refresh_dashboard_summaries
from tests.activities.factories import ActivityFactory
from tests.activities.records_factories import PartnershipFactory, SupportFactory
from villages.models import LibraryStatistic

KINDS = [ActivityKind.COMMUNITY, ActivityKind.TRAINING, ActivityKind.COORDINATION]


def build(libraries, size: int, stages=()):
    """Activities (verified and waiting), partnerships, support, statistics and monthly
    snapshots for each of `libraries`; `size` of each (3 stage months). Returns nothing."""
    today = timezone.localdate()
    month = today.replace(day=1)
    last_month = (month - timedelta(days=1)).replace(day=1)
    for library in libraries:
        for i in range(size):
            ActivityFactory(library=library, kind=KINDS[i % 3], status=ReviewStatus.VERIFIED, start_date=month,
                            participants_male=i + 1, participants_female=2, participants_youth=3)
            ActivityFactory(library=library, kind=KINDS[i % 3], status=ReviewStatus.VERIFIED, start_date=last_month,
                            participants_male=1, participants_female=i, participants_elderly=1)
            ActivityFactory(library=library, status=ReviewStatus.SUBMITTED, start_date=month)
            # Drafts and deleted ones count nowhere.
            ActivityFactory(library=library, status=ReviewStatus.DRAFT, start_date=month)
            ActivityFactory(library=library, status=ReviewStatus.VERIFIED, start_date=month, deleted_at=timezone.now())
            PartnershipFactory(library=library, status=ReviewStatus.VERIFIED, signed_on=today - timedelta(days=400),
                               valid_until=[None, today + timedelta(days=30), today - timedelta(days=3)][i % 3])
            if i % 2:
                SupportFactory(library=library, status=ReviewStatus.VERIFIED, year=today.year,
                               kind=SupportKind.REGULATION, regulation_type="perdes", budget_source="", amount=None)
            else:
                SupportFactory(library=library, status=ReviewStatus.VERIFIED, year=today.year, amount=1_000_000 * (i + 1))
        LibraryStatistic.objects.get_or_create(library=library, month=month, defaults={"visits_male": 3, "visits_female": 4})
        for index, when in enumerate((last_month, month)):
            stage = stages[index] if len(stages) > index else None
            StageSnapshot.objects.update_or_create(
                library=library, date=when,
                defaults={"stage": stage, "stage_order": stage.order if stage else 0, "reason": SnapshotReason.MONTHLY},
            )
    refresh_dashboard_summaries()
