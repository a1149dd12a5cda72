"""Translations: every catalogue is complete, and the pure-Python compiler is right.

Covers the root `locale/` and every app's `<app>/locale/`, including catalogues added
later by any app: an empty or fuzzy msgstr fails here (the header is skipped).
"""

import gettext
from pathlib import Path

import pytest
from django.core.management import call_command

from perpus.translations import find_catalogues, mo_bytes, parse_po

ROOT = Path(__file__).resolve().parents[2]


def problems(path: Path) -> list[str]:
    found = []
    for entry in parse_po(path.read_text(encoding="utf-8"), path):
        if entry.is_header:
            continue
        label = f"line {entry.line}: {entry.msgid[:60]!r}"
        if entry.is_fuzzy:
            found.append(f"{label} is fuzzy")
        if not entry.msgstrs or any(not value.strip() for value in entry.msgstrs.values()):
            found.append(f"{label} has no translation")
    return found


def test_the_root_catalogue_is_found():
    assert ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po" in find_catalogues(ROOT)


@pytest.mark.parametrize("path", find_catalogues(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    found = problems(path)
    assert not found, f"{path.relative_to(ROOT)}:\n" + "\n".join(found)


SAMPLE = (
    '# A header comment\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: id\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
    '#: a.py:1\nmsgid "Save"\nmsgstr "Simpan"\n\n'
    '#: a.py:2\nmsgid "Empty"\nmsgstr ""\n\n'
    '#, fuzzy, python-format\nmsgid "Guess %(x)s"\nmsgstr "Tebak %(x)s"\n\n'
    'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "satu"\nmsgstr[1] ""\n\n'
    'msgid "%(n)s book"\nmsgid_plural "%(n)s books"\nmsgstr[0] "%(n)s buku"\nmsgstr[1] "%(n)s buku-buku"\n\n'
    'msgctxt "month"\nmsgid "May"\nmsgstr "Mei"\n\n'
    'msgid ""\n"Long "\n"\\"quoted\\" text"\nmsgstr ""\n"Teks "\n"\\"berkutip\\" panjang"\n\n'
    '#~ msgid "Old"\n#~ msgstr ""\n'
)


def test_check_finds_empty_fuzzy_and_plural_gaps(tmp_path):
    """The completeness check above would notice an untranslated entry."""
    po = tmp_path / "django.po"
    po.write_text(SAMPLE, encoding="utf-8")
    assert problems(po) == [
        "line 12: 'Empty' has no translation",
        "line 16: 'Guess %(x)s' is fuzzy",
        "line 20: 'one' has no translation",
    ]


def test_compiled_catalogue_reads_like_msgfmt_output(tmp_path):
    mo = tmp_path / "django.mo"
    mo.write_bytes(mo_bytes(parse_po(SAMPLE)))
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.gettext("Save") == "Simpan"
    assert catalogue.gettext('Long "quoted" text') == 'Teks "berkutip" panjang'
    assert catalogue.pgettext("month", "May") == "Mei"
    assert catalogue.ngettext("%(n)s book", "%(n)s books", 1) == "%(n)s buku"
    assert catalogue.ngettext("%(n)s book", "%(n)s books", 3) == "%(n)s buku-buku"
    # Like msgfmt: fuzzy and untranslated entries fall back to the English text.
    assert catalogue.gettext("Guess %(x)s") == "Guess %(x)s"
    assert catalogue.gettext("Empty") == "Empty"
    assert catalogue.ngettext("one", "many", 1) == "one"
    assert catalogue.info()["language"] == "id"


def test_compile_translations_writes_only_changed_catalogues(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    folder = tmp_path / "app" / "locale" / "id" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "django.po").write_text(SAMPLE, encoding="utf-8")
    ignored = tmp_path / ".venv" / "x" / "locale" / "id" / "LC_MESSAGES"
    ignored.mkdir(parents=True)
    (ignored / "django.po").write_text(SAMPLE, encoding="utf-8")

    call_command("compile_translations", verbosity=0)
    assert (folder / "django.mo").is_file()
    assert not (ignored / "django.mo").exists()

    mtime = (folder / "django.mo").stat().st_mtime_ns
    call_command("compile_translations", verbosity=0)
    assert (folder / "django.mo").stat().st_mtime_ns == mtime


def _translations(path: Path) -> dict:
    return {
        (entry.msgctxt, entry.msgid): entry.msgstrs
        for entry in parse_po(path.read_text(encoding="utf-8"), path)
        if not entry.is_header
    }


def test_the_root_catalogue_never_overrides_an_app_with_another_translation():
    """The root `locale/` comes first in LOCALE_PATHS: a text translated there differently
    from an app's catalogue would change that app's pages (an invitation's "Expired" once
    turned expired partnerships "Kedaluwarsa" instead of "Sudah berakhir")."""
    root = ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po"
    own = _translations(root)
    clashes = []
    for path in find_catalogues(ROOT):
        if path == root:
            continue
        for key, msgstrs in _translations(path).items():
            if key in own and own[key] != msgstrs:
                clashes.append(f"{path.relative_to(ROOT)}: {key[1][:50]!r} {msgstrs} ≠ root {own[key]}")
    assert not clashes, "\n".join(clashes)
