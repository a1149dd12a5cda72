"""Every catalogue in the repository is complete: no empty and no fuzzy translation.

Covers the root `locale/` and every app's `<app>/locale/`, including catalogues added
later. The parser is deliberately small: it reads entries separated by blank lines,
skips the header (empty msgid) and obsolete `#~` entries.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_PARTS = {".venv", "node_modules", ".git", "staticfiles", "media"}


def po_files():
    return sorted(
        path
        for path in ROOT.glob("**/locale/*/LC_MESSAGES/*.po")
        if not SKIP_PARTS.intersection(path.relative_to(ROOT).parts)
    )


@dataclass
class Entry:
    line: int
    flags: set = field(default_factory=set)
    msgid: str = ""
    msgstrs: dict = field(default_factory=dict)

    @property
    def label(self):
        return f"line {self.line}: {self.msgid[:60]!r}"


def parse_po(text: str) -> list[Entry]:
    """Return the entries of a .po file (strings unescaped, continuation lines joined)."""
    entries, entry, target = [], None, None
    for number, raw in enumerate(text.splitlines() + [""], start=1):
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, target = None, None
            continue
        if line.startswith("#~"):
            continue  # obsolete: not used by gettext
        if entry is None:
            entry = Entry(line=number)
        if line.startswith("#,"):
            entry.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if target == "msgid":
                entry.msgid += value
            elif target is not None:
                entry.msgstrs[target] += value
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword == "msgid":
                target, entry.msgid = "msgid", value
            elif keyword.startswith("msgstr"):
                target = keyword
                entry.msgstrs[target] = value
            else:  # msgctxt, msgid_plural
                target = None
    return entries


def problems(path: Path) -> list[str]:
    found = []
    for entry in parse_po(path.read_text(encoding="utf-8")):
        if entry.msgid == "":
            continue  # the header
        if "fuzzy" in entry.flags:
            found.append(f"{entry.label} is fuzzy")
        if not entry.msgstrs or any(not value.strip() for value in entry.msgstrs.values()):
            found.append(f"{entry.label} has no translation")
    return found


def test_the_root_catalogue_exists():
    assert (ROOT / "locale" / "id" / "LC_MESSAGES" / "django.po").is_file()


@pytest.mark.parametrize("path", po_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    found = problems(path)
    assert not found, f"{path.relative_to(ROOT)}:\n" + "\n".join(found)


def test_parser_finds_empty_fuzzy_and_plural_gaps(tmp_path):
    """The check above would notice an untranslated entry."""
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: id\\n"\n\n'
        '#: a.py:1\nmsgid "Save"\nmsgstr "Simpan"\n\n'
        '#: a.py:2\nmsgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy, python-format\nmsgid "Guess %(x)s"\nmsgstr "Tebak %(x)s"\n\n'
        'msgid "one"\nmsgid_plural "many"\nmsgstr[0] "satu"\nmsgstr[1] ""\n\n'
        'msgid ""\n"Long "\n"text"\nmsgstr ""\n"Teks "\n"panjang"\n\n'
        '#~ msgid "Old"\n#~ msgstr ""\n',
        encoding="utf-8",
    )
    assert problems(po) == [
        "line 9: 'Empty' has no translation",
        "line 13: 'Guess %(x)s' is fuzzy",
        "line 17: 'one' has no translation",
    ]
