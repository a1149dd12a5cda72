"""The demo tells the seed stories as verified activities, with their history, idempotently."""

import datetime

import pytest
from django.core.management import call_command

from activities.models import Activity, RecordEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_seed_stories_are_verified_with_real_facts(seeded):
    malut = Activity.objects.get(title__startswith="Rapat Koordinasi Daerah")
    assert (malut.start_date, malut.end_date) == (datetime.date(2019, 8, 13), datetime.date(2019, 8, 14))
    assert "BPSDM" in malut.venue and "Sofifi" in malut.venue
    assert malut.regions.count() == 10 and malut.speakers.count("Perpustakaan Nasional") == 2
    plm = Activity.objects.get(title="Peer Learning Meeting Provinsi Nusa Tenggara Timur")
    assert (plm.start_date, plm.end_date, plm.days) == (datetime.date(2019, 10, 16), datetime.date(2019, 10, 18), 3)
    assert "Swiss Belinn Kristal" in plm.venue and "Nurhadi Saputra" in plm.speakers
    assert "Stefanus Ratoe Oedjoe" in plm.summary
    bimtek = Activity.objects.get(title__startswith="Bimtek", library__regency_id="51.03")
    assert bimtek.is_spptik and bimtek.start_date == datetime.date(2022, 7, 19) and bimtek.days == 3
    assert "Mangutama" in bimtek.venue and "ndragogi" in bimtek.training_method
    assert set(Activity.objects.values_list("status", flat=True)) == {"verified"}
    for activity in Activity.objects.all():
        assert RecordEvent.objects.for_record(activity).filter(action="verified").exists()


def test_seed_is_idempotent(seeded):
    count, events = Activity.objects.count(), RecordEvent.objects.count()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert (Activity.objects.count(), RecordEvent.objects.count()) == (count, events)
