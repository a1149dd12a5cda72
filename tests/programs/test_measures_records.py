"""Measures computed from partnerships, support, products and impact stories."""

import datetime

import pytest
from django.utils import timezone

from activities.models import ReviewStatus
from programs.measures import get_measure

from tests.activities.records_factories import PartnershipFactory, ProductFactory, StoryFactory, SupportFactory

pytestmark = pytest.mark.django_db
VERIFIED = ReviewStatus.VERIFIED
D = datetime.date


def compute(name, ids, start, end):
    return get_measure(name).compute(ids, start, end)


def test_measures_are_registered_with_their_window():
    assert get_measure("active_partnerships").windowed is False
    assert get_measure("village_support").windowed is False
    assert get_measure("impact_stories").windowed is False
    assert get_measure("products").windowed is True
    assert get_measure("product_income").windowed is True


def test_active_partnerships_edges(library, other_regency_library, django_assert_num_queries):
    PartnershipFactory(library=library, status=VERIFIED, signed_on=D(2022, 4, 22))  # no end
    PartnershipFactory(library=library, status=VERIFIED, signed_on=D(2022, 1, 1), valid_until=D(2022, 12, 31))
    PartnershipFactory(library=library, status=VERIFIED, signed_on=D(2023, 1, 1))  # signed later
    PartnershipFactory(library=library, signed_on=D(2020, 1, 1))  # draft
    PartnershipFactory(library=library, status=VERIFIED, signed_on=D(2020, 1, 1), deleted_at=timezone.now())
    PartnershipFactory(library=other_regency_library, status=VERIFIED, signed_on=D(2020, 1, 1))
    ids = [library.pk, other_regency_library.pk]
    with django_assert_num_queries(1):
        assert compute("active_partnerships", ids, None, D(2022, 12, 31)) == {library.pk: 2, other_regency_library.pk: 1}
    # The day after expiry the second no longer counts; the day of signing counts.
    assert compute("active_partnerships", ids, None, D(2023, 1, 1))[library.pk] == 2
    assert compute("active_partnerships", [library.pk], None, D(2022, 4, 21)) == {library.pk: 1}
    assert compute("active_partnerships", [library.pk], None, D(2021, 12, 31)) == {}


def test_village_support_counts_regulations_and_budgets(library, regency_library):
    SupportFactory(library=library, status=VERIFIED, year=2022)
    SupportFactory(library=library, status=VERIFIED, kind="regulation", regulation_type="perdes", amount=None, budget_source="", year=2021)
    SupportFactory(library=library, status=VERIFIED, year=2024)  # after `end`
    SupportFactory(library=library, status=ReviewStatus.SUBMITTED, year=2021)
    assert compute("village_support", [library.pk, regency_library.pk], None, D(2023, 6, 30)) == {library.pk: 2}


def test_products_and_income_in_window(library, regency_library, django_assert_num_queries):
    ProductFactory(library=library, status=VERIFIED, reported_on=D(2020, 12, 3), income=1_500_000)
    ProductFactory(library=library, status=VERIFIED, reported_on=D(2020, 1, 1), income=None)
    ProductFactory(library=library, status=VERIFIED, reported_on=D(2019, 12, 31), income=999)
    ProductFactory(library=library, reported_on=D(2020, 6, 1), income=5_000_000)  # draft
    ProductFactory(library=regency_library, status=VERIFIED, reported_on=D(2020, 12, 31), income=700)
    ids = [library.pk, regency_library.pk]
    with django_assert_num_queries(1):
        counts = compute("products", ids, D(2020, 1, 1), D(2020, 12, 31))
    assert counts == {library.pk: 2, regency_library.pk: 1}
    assert compute("product_income", ids, D(2020, 1, 1), D(2020, 12, 31)) == {library.pk: 1_500_000, regency_library.pk: 700}
    assert compute("product_income", [library.pk], None, D(2020, 12, 31)) == {library.pk: 1_500_999}


def test_impact_stories_need_consent(library):
    StoryFactory(library=library, status=VERIFIED, consent_given=True, consent_date=D(2022, 9, 15))
    StoryFactory(library=library, status=VERIFIED)  # no consent
    StoryFactory(library=library, consent_given=True, consent_date=D(2022, 9, 15))  # draft
    StoryFactory(library=library, status=VERIFIED, consent_given=True, consent_date=D(2023, 1, 2), happened_on=D(2023, 1, 2))
    assert compute("impact_stories", [library.pk], None, D(2022, 12, 31)) == {library.pk: 1}
    assert compute("impact_stories", [library.pk], None, D(2023, 12, 31)) == {library.pk: 2}
