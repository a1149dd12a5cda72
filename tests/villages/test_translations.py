"""The villages catalogue is complete: no empty or fuzzy Indonesian entry."""

import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "villages" / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_every_villages_message_is_translated():
    text = PO.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries
    untranslated = [e for e in entries if re.search(r'^msgstr ""\n?$', e.strip().split("\n")[-1] + "\n", re.M) and "msgid" in e]
    fuzzy = [e for e in entries if "#, fuzzy" in e]
    assert not untranslated, untranslated[:3]
    assert not fuzzy, fuzzy[:3]
