"""The demo tells the Balangan MoU and Blitar products stories as verified records."""

import datetime

import pytest

from activities import demo
from activities.models import ImpactStory, Partnership, Product, RecordEvent, SupportRecord
from perpus.demo import seed_accounts
from villages import demo as village_demo


@pytest.mark.django_db
def test_seed_is_verified_complete_and_idempotent():
    seed_accounts(village_demo.seed())
    first = demo._seed_records()
    assert first == {"partnerships": 5, "products": 8, "support": 1, "stories": 1}
    assert demo._seed_records() == {"partnerships": 0, "products": 0, "support": 0, "stories": 0}

    mous = Partnership.objects.verified().filter(library=village_demo.get("balangan"))
    assert mous.count() == 5
    assert set(mous.values_list("signed_on", flat=True)) == {datetime.date(2022, 4, 22)}
    assert mous.filter(partner_name="LKSA Al-Tamar", partner_type="lksa").exists()
    assert all(m.verified_by.username == "konsultan" for m in mous)
    assert "Syaicho Aziz" in mous.first().scope

    products = Product.objects.verified()
    assert products.values("library").distinct().count() == 6
    assert all("Contoh demo" in p.description for p in products)
    assert SupportRecord.objects.verified().get().library == village_demo.get("lampihong_kanan")
    assert ImpactStory.objects.public().count() == 1
    # Created through the services: every record has its history.
    partnership = mous.first()
    assert [e.action for e in RecordEvent.objects.for_record(partnership)] == ["verified", "submitted", "created"]
