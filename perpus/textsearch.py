"""Word search over a normalised text column, the same on PostgreSQL and SQLite.

A searchable model keeps a `search_text` column written at save time (and by the bulk
seeders) with `normalise(...)`: lower case, accents and punctuation removed, words
separated by single spaces, with a space in front. A query goes through the same
normalisation, and the region prefixes people may or may not type ("Kabupaten", "Kab.",
"Kota", "Desa", "Provinsi"…) are dropped from it, so "kab. balangan", "KABUPATEN BALANGAN"
and "Balangan" find the same rows. Every remaining word must start a word of the text.

- PostgreSQL: full-text search (`to_tsvector('simple', search_text)`, matched by a GIN
  expression index that `gin_index_operation` creates) with prefix queries (`word:*`).
  The text is already normalised in Python, so neither `unaccent` nor a language
  dictionary is needed.
- SQLite (development, tests): `search_text LIKE '% word%'` for each word.

No query happens in this module; `matching` returns a lazy queryset.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import connection
from django.db.models import QuerySet

#: Words that only say what kind of region follows; dropped from queries, kept in texts.
PREFIXES = frozenset(
    {"kabupaten", "kab", "kota", "kotamadya", "desa", "kelurahan", "kel", "provinsi", "prov", "kecamatan", "kec"}
)
#: Longest query we read, and how many of its words count.
MAX_QUERY = 100
MAX_WORDS = 8
_NOT_WORD = re.compile(r"[^0-9a-z]+")


def normalise(*parts) -> str:
    """Return the searchable form of `parts` (strings, None skipped): " word word …",
    lower case, without accents or punctuation (no query)."""
    text = " ".join(str(part) for part in parts if part)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = _NOT_WORD.sub(" ", plain).split()
    return " " + " ".join(words) if words else ""


def query_words(query: str) -> list[str]:
    """The words of `query` that must all match (no query): normalised, region prefixes
    dropped unless they are all there is, at most `MAX_WORDS`."""
    words = normalise((query or "")[:MAX_QUERY]).split()
    meaningful = [w for w in words if w not in PREFIXES]
    return (meaningful or words)[:MAX_WORDS]


def matching(qs: QuerySet, query: str, field: str = "search_text") -> QuerySet:
    """`qs` narrowed to rows whose `field` holds every word of `query` as a word start
    (lazy); `qs.none()` when the query has no word."""
    words = query_words(query)
    if not words:
        return qs.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        # Words are [0-9a-z]+ only, so this raw tsquery cannot be malformed.
        raw = " & ".join(f"{w}:*" for w in words)
        return qs.alias(_search=search_vector(field)).filter(
            _search=SearchQuery(raw, config="simple", search_type="raw")
        )
    for word in words:
        qs = qs.filter(**{f"{field}__contains": f" {word}"})
    return qs


def search_vector(field: str = "search_text"):
    """The tsvector expression the GIN index is built on (PostgreSQL only; no query)."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector(field, config="simple")


def gin_index_operation(app_label: str, model_name: str, index_name: str, field: str = "search_text"):
    """A migration operation that creates the GIN full-text index of `field` on PostgreSQL
    and does nothing on other databases (their search needs no index: see module doc)."""
    from django.db import migrations

    def index():
        from django.contrib.postgres.indexes import GinIndex

        return GinIndex(search_vector(field), name=index_name)

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(apps.get_model(app_label, model_name), index())

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(apps.get_model(app_label, model_name), index())

    return migrations.RunPython(forwards, backwards, elidable=False)
