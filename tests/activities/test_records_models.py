"""Rules of the record models themselves."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from activities.models import ImpactStory, Partnership
from activities.services import record_create

from .records_factories import PartnershipFactory, StoryFactory

D = datetime.date


def test_is_active_on():
    partnership = Partnership(signed_on=D(2022, 4, 22), valid_until=D(2025, 4, 22))
    assert not partnership.is_active_on(D(2022, 4, 21))
    assert partnership.is_active_on(D(2022, 4, 22)) and partnership.is_active_on(D(2025, 4, 22))
    assert not partnership.is_active_on(D(2025, 4, 23))
    assert Partnership(signed_on=D(2022, 4, 22)).is_active_on(D(2099, 1, 1))


@pytest.mark.django_db
def test_database_refuses_validity_before_signing(library):
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipFactory(library=library, signed_on=D(2022, 4, 22), valid_until=D(2022, 4, 1))


@pytest.mark.django_db
def test_service_refuses_validity_before_signing(library, regency_staff):
    partnership = Partnership(
        library=library, title="MoU", partner_name="SD", partner_type="school",
        signed_on=D(2022, 4, 22), valid_until=D(2022, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        record_create(record=partnership, user=regency_staff)
    assert "valid_until" in error.value.message_dict
    assert not Partnership.objects.exists()


@pytest.mark.django_db
def test_database_refuses_public_name_without_consent(library):
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryFactory(library=library, name_public=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        StoryFactory(library=library, consent_given=True, consent_date=None)


@pytest.mark.django_db
def test_public_name_only_with_both_consents(library):
    story = StoryFactory(library=library, status="verified", consent_given=True, consent_date=D(2022, 1, 1))
    assert story in ImpactStory.objects.public() and story.public_name == ""
    story.name_public = True
    assert story.public_name == story.person_name
    story.status = "draft"
    story.save()
    assert not ImpactStory.objects.public().exists()
