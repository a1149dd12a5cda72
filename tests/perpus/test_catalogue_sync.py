"""Every translatable text in the code and templates has an Indonesian translation.

`test_translations.py` checks the entries the catalogues hold; this test finds the
texts that never reached a catalogue. It runs `makemessages` on a copy of the
sources (the real catalogues are not touched) and fails on any entry that comes
out empty or fuzzy. Needs GNU gettext (`xgettext`), like `make messages`.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from perpus.translations import parse_po

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", ".git", "media", "staticfiles", ".bench", "node_modules", "__pycache__", "test-results"}

pytestmark = pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext is not installed")


def copy_sources(target: Path) -> None:
    for entry in ROOT.iterdir():
        if entry.name in SKIP or entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=shutil.ignore_patterns(*SKIP, "*.mo"))
        else:
            shutil.copy2(entry, target / entry.name)


def test_no_text_is_missing_from_the_catalogues(tmp_path):
    copy_sources(tmp_path)
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "perpus.settings"}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "--no-obsolete", "-v0",
         "--ignore=tests", "--ignore=benchmarks", "--ignore=media", "--ignore=staticfiles"],
        cwd=tmp_path, env=env, check=True, capture_output=True,
    )
    missing = []
    for po in sorted(tmp_path.glob("**/locale/id/LC_MESSAGES/django.po")):
        for entry in parse_po(po.read_text(encoding="utf-8"), po):
            if entry.is_header:
                continue
            if entry.is_fuzzy or not entry.msgstrs or any(not v.strip() for v in entry.msgstrs.values()):
                missing.append(f"{po.relative_to(tmp_path)}: {entry.msgid[:80]!r}")
    assert not missing, (
        "Texts without an Indonesian translation (run the app's makemessages and translate them):\n"
        + "\n".join(missing)
    )
