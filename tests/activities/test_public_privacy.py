"""Visitors see only what is public: verified records of published libraries."""

import pytest
from django.urls import reverse

from activities.models import Activity, Partnership, ReviewStatus
from tests.activities.factories import ActivityFactory


@pytest.fixture
def draft_mou(library, regency_staff):
    return Partnership.objects.create(
        library=library,
        province=library.province,
        regency=library.regency,
        created_by=regency_staff,
        title="SECRET-DRAFT-MOU",
        partner_name="SDN Rahasia",
        partner_type="school",
        signed_on="2022-04-22",
    )


def test_public_activity_page_hides_a_draft_partnership_and_unpublished_libraries(
    client, library, regency_staff, draft_mou, other_regency_library
):
    other_regency_library.is_published = False
    other_regency_library.save()
    activity = ActivityFactory(
        library=library, created_by=regency_staff, status=ReviewStatus.VERIFIED, partnership=draft_mou,
        libraries=[other_regency_library],
    )
    page = client.get(reverse("activities:activity_detail", args=[activity.pk])).content.decode()
    assert activity.title in page
    assert "SECRET-DRAFT-MOU" not in page
    assert other_regency_library.name not in page


def test_in_scope_staff_still_see_the_draft_partnership(login, library, regency_staff, draft_mou):
    activity = ActivityFactory(library=library, created_by=regency_staff, partnership=draft_mou)
    page = login(regency_staff).get(reverse("activities:activity_detail", args=[activity.pk])).content.decode()
    assert "SECRET-DRAFT-MOU" in page


def test_records_of_an_unpublished_library_are_not_public(library, regency_staff):
    activity = ActivityFactory(library=library, created_by=regency_staff, status=ReviewStatus.VERIFIED)
    assert list(Activity.objects.public()) == [activity]
    library.is_published = False
    library.save()
    assert not Activity.objects.public().exists()
