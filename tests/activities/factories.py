"""Factories for activities. Records get their province and regency from their library."""

import datetime

import factory
from django.utils import timezone

from activities.models import Activity, ActivityKind, ActivityLevel, ReviewStatus
from tests.factories import LibraryFactory, UserFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    """An activity written straight to the database (no history); pass `status=` to place it."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    library = factory.SubFactory(LibraryFactory)
    province = factory.LazyAttribute(lambda o: o.library.province)
    regency = factory.LazyAttribute(lambda o: o.library.regency)
    created_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Kegiatan {n}")
    kind = ActivityKind.COMMUNITY
    level = ActivityLevel.VILLAGE
    start_date = datetime.date(2024, 3, 5)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    participants_male = 10
    participants_female = 15
    status = ReviewStatus.DRAFT
    needs_check = factory.LazyAttribute(lambda o: o.library.level == "village")
    submitted_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status in ("submitted", "checked", "verified") else None
    )

    @factory.post_generation
    def libraries(self, create, extracted, **kwargs):
        if create and extracted:
            self.libraries.set(extracted)
