"""The activities catalogue is complete, and the pages speak Indonesian by default, English on request."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.languages import use_language

PO = Path(__file__).resolve().parents[2] / "activities" / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_catalogue_has_no_empty_or_fuzzy_entries():
    text = PO.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries
    for entry in entries:
        assert "#, fuzzy" not in entry, entry
        assert not re.search(r'^msgstr(\[0\])? ""\n?$', entry.strip().split("\n")[-1] + "\n", re.M), entry


@pytest.mark.django_db
def test_pages_in_indonesian_by_default_and_english_on_request(client, login, regency_staff, awaiting_verification, consultant):
    client = login(regency_staff)
    page = client.get(reverse("activities:activity_create")).content.decode()
    assert "Catat kegiatan" in page and "Jumlah peserta:" in page and "Simpan draf" in page
    use_language(client, "en")
    page = client.get(reverse("activities:activity_create")).content.decode()
    assert "Record an activity" in page and "Total participants:" in page
    page = use_language(login(consultant), "en").get(reverse("activities:activity_detail", args=[awaiting_verification.pk])).content.decode()
    assert "Verify" in page and "Return to the author" in page
    use_language(client, "id")
    page = client.get(reverse("activities:activity_detail", args=[awaiting_verification.pk])).content.decode()
    assert "Verifikasi" in page and "Kembalikan ke penulis" in page
