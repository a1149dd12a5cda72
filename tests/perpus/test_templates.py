"""Template mistakes no page test would notice."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = [
    path for path in ROOT.glob("**/templates/**/*.html")
    if ".venv" not in path.parts and "node_modules" not in path.parts
]
# `{# … #}` comments end on their line; one that does not is printed on the page.
OPEN_COMMENT = re.compile(r"\{#(?![^\n]*#\})")


def test_templates_are_found():
    assert any(path.name == "base.html" for path in TEMPLATES)


def test_no_comment_spans_lines_and_shows_on_the_page():
    bad = [
        f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}"
        for path in TEMPLATES
        for text in [path.read_text(encoding="utf-8")]
        for match in OPEN_COMMENT.finditer(text)
    ]
    assert not bad, "Use {% comment %} for comments over several lines:\n" + "\n".join(bad)
