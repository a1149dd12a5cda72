"""The records' pages speak Indonesian by default and English on request; the catalogue is complete."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

import activities
from tests.languages import use_language

from .records_factories import PartnershipFactory

PO = Path(activities.__file__).parent / "locale/id/LC_MESSAGES/django.po"


def test_catalogue_has_no_untranslated_or_fuzzy_entries():
    text = PO.read_text()
    entries = text.split("\n\n")[1:]
    empty = [e for e in entries if re.search(r'^msgstr(\[0\])? ""\Z', e.strip(), re.M) and not re.search(r'^msgstr(\[0\])? ""\n"', e, re.M)]
    assert not empty
    assert "#, fuzzy" not in text


@pytest.mark.django_db
def test_partnership_form_in_both_languages(login, regency_staff, regency_library):
    client = login(regency_staff)
    html = client.get(reverse("activities:partnership_create")).content.decode()
    assert "Simpan dan tambah mitra lain" in html and "Tanggal penandatanganan" in html
    assert 'type="date"' in html
    use_language(client, "en")
    html = client.get(reverse("activities:partnership_create"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Save and add another partner" in html


@pytest.mark.django_db
def test_workflow_buttons_in_indonesian(login, regency_staff, regency_library):
    record = PartnershipFactory(library=regency_library, created_by=regency_staff)
    html = login(regency_staff).get(record.get_absolute_url()).content.decode()
    assert "Ajukan untuk ditinjau" in html and "Ubah" in html


def test_service_message_translated():
    with translation.override("id"):
        assert translation.gettext("Verified.") == "Terverifikasi."
