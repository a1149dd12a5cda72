"""The programs catalogue is complete, and pages speak Indonesian by default."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

PO = Path(__file__).resolve().parents[2] / "programs" / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_catalogue_has_no_empty_or_fuzzy_entries():
    text = PO.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries
    for entry in entries:
        assert "#, fuzzy" not in entry, entry
        assert not re.search(r'^msgstr(\[0\])? ""\n?$', entry.strip().split("\n")[-1] + "\n", re.M), entry


@pytest.mark.django_db
def test_panel_in_indonesian_by_default(client, library):
    page = client.get(library.get_absolute_url()).content.decode()
    assert "Kemajuan menuju inklusi sosial" in page
    assert "Belum mencapai tahap" in page
    assert "Memiliki pengelola perpustakaan" in page  # default ladder criterion, translated
