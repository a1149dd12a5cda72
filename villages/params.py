"""Reading search and filter parameters from a query string, robustly.

Query strings come from anyone: a NUL byte or a control character in a search
term makes PostgreSQL refuse the query (a 500), and a "region" that is not a
region code can never match. These helpers return clean values or nothing.
"""

from __future__ import annotations

import re

#: A Kemendagri region code: province `63`, regency `63.11`, district `63.11.01`,
#: village `63.11.01.2001`.
REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: Longer search terms are cut: nothing we search is longer.
MAX_SEARCH_LENGTH = 100


def search_term(value) -> str:
    """Return `value` as a search term: control characters (NUL…) removed, trimmed, at most
    `MAX_SEARCH_LENGTH` characters; "" for None (no query)."""
    return _CONTROL.sub("", value or "").strip()[:MAX_SEARCH_LENGTH]


def region_code(value) -> str | None:
    """Return `value` trimmed if it is a well-formed region code, "" if empty, None if malformed
    (no query)."""
    text = (value or "").strip()
    if not text:
        return ""
    return text if REGION_CODE.match(text) else None
