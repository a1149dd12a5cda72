"""Read `.po` catalogues and write `.mo` files in pure Python.

Django's `compilemessages` needs GNU gettext's `msgfmt`, which a fresh machine may
lack; `make` uses `manage.py compile_translations` (built on this module) instead, so
`make run` needs nothing beyond Python. The output is the standard GNU `.mo` format
that `gettext.GNUTranslations` (and so Django) reads, like `msgfmt` without `-f`:
fuzzy entries and untranslated entries are left out.
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field
from pathlib import Path

#: Folders never searched for catalogues.
SKIP_DIRS = frozenset({".venv", "venv", "node_modules", ".git", "staticfiles", "media"})


@dataclass
class Entry:
    """One message of a catalogue; `msgstrs` maps "msgstr" or "msgstr[n]" to its text."""

    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstrs: dict[str, str] = field(default_factory=dict)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    @property
    def is_fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def is_translated(self) -> bool:
        return bool(self.msgstrs) and all(value != "" for value in self.msgstrs.values())


def _unquote(text: str, path: Path | str, line: int) -> str:
    text = text.strip()
    if not (len(text) >= 2 and text[0] == text[-1] == '"'):
        raise ValueError(f"{path}:{line}: expected a quoted string, got {text!r}")
    return ast.literal_eval(text)


#: The parts of an entry besides its translations ("msgstr", "msgstr[n]").
_PARTS = ("msgctxt", "msgid", "msgid_plural")


def _store(entry: Entry, keyword: str, value: str, append: bool = False) -> None:
    """Set the part of `entry` that `keyword` names to `value`, or add `value` to it (a
    continued string) if `append`."""
    if keyword in _PARTS:
        setattr(entry, keyword, (getattr(entry, keyword) if append else "") + value)
    else:
        entry.msgstrs[keyword] = (entry.msgstrs[keyword] if append else "") + value


def parse_po(text: str, path: Path | str = "<po>") -> list[Entry]:
    """Return the entries of a `.po` file's text; obsolete (`#~`) entries are skipped. No I/O."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: str | None = None

    def finish():
        if entry is not None and (entry.msgstrs or entry.msgid or entry.msgctxt is not None):
            entries.append(entry)

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            entry, target = None, None
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry is not None and target is not None:
                # A comment after a message starts the next entry.
                finish()
                entry, target = None, None
            if entry is None:
                entry = Entry(line=number)
            if line.startswith("#,"):
                entry.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith('"'):
            if entry is None or target is None:
                raise ValueError(f"{path}:{number}: a string continues nothing")
            _store(entry, target, _unquote(line, path, number), append=True)
            continue
        keyword, _, rest = line.partition(" ")
        starts_message = keyword in ("msgctxt", "msgid")
        if starts_message and entry is not None and target not in (None, "msgctxt"):
            finish()
            entry = None
        if entry is None:
            entry = Entry(line=number)
        if keyword not in _PARTS and not keyword.startswith("msgstr"):
            raise ValueError(f"{path}:{number}: unknown keyword {keyword!r}")
        _store(entry, keyword, _unquote(rest, path, number))
        target = keyword
    finish()
    return entries


def mo_bytes(entries: list[Entry]) -> bytes:
    """Return the `.mo` file for `entries` (header kept; fuzzy and untranslated left out)."""
    messages: dict[str, str] = {}
    for entry in entries:
        if entry.is_header:
            messages[""] = entry.msgstrs.get("msgstr", "")
            continue
        if entry.is_fuzzy or not entry.is_translated:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
            plurals = sorted(
                (int(name[7:-1]), value)
                for name, value in entry.msgstrs.items()
                if name.startswith("msgstr[")
            )
            value = "\0".join(text for _, text in plurals)
        else:
            value = entry.msgstrs.get("msgstr", "")
        if entry.msgctxt is not None:
            key = f"{entry.msgctxt}\x04{key}"
        messages[key] = value

    # The GNU layout: header, two tables of (length, offset), then the strings.
    keys = sorted(messages)
    ids = b""
    strs = b""
    offsets = []
    for key in keys:
        key_bytes, value_bytes = key.encode("utf-8"), messages[key].encode("utf-8")
        offsets.append((len(ids), len(key_bytes), len(strs), len(value_bytes)))
        ids += key_bytes + b"\0"
        strs += value_bytes + b"\0"
    count = len(keys)
    key_start = 7 * 4 + 16 * count
    value_start = key_start + len(ids)
    key_table, value_table = [], []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_table += [id_length, id_offset + key_start]
        value_table += [str_length, str_offset + value_start]
    header = struct.pack(
        "Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0
    )
    return header + struct.pack(f"{len(key_table)}i", *key_table) + struct.pack(
        f"{len(value_table)}i", *value_table
    ) + ids + strs


def find_catalogues(root: Path) -> list[Path]:
    """Return every `<...>/locale/<lang>/LC_MESSAGES/*.po` under `root`, skipping SKIP_DIRS."""
    return sorted(
        path
        for path in root.glob("**/locale/*/LC_MESSAGES/*.po")
        if not SKIP_DIRS.intersection(path.relative_to(root).parts)
    )


def compile_catalogue(po_path: Path, *, force: bool = False) -> bool:
    """Write the `.mo` beside `po_path` unless it is newer; return whether it was written."""
    mo_path = po_path.with_suffix(".mo")
    if not force and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return False
    entries = parse_po(po_path.read_text(encoding="utf-8"), po_path)
    mo_path.write_bytes(mo_bytes(entries))
    return True
