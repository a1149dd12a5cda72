"""Paging through rows of several models at once, in SQL.

The review queue and the trash list rows of many models in one order. Loading every
row of every model into Python to sort them breaks at a million activities, so the
order and the page are computed by the database: a UNION of `(kind, pk, moment)`
for each model, sorted and cut to one page, then that page's rows are fetched per
kind with what the page shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page
from django.db.models import CharField, F, Value

from perpus.pagination import CappedPaginator as Paginator


@dataclass(frozen=True)
class Source:
    #: Names the model in the UNION (a registry key or a trash kind key).
    key: str
    #: The rows, filtered and scoped (lazy).
    queryset: object
    #: The date or time the rows are ordered by.
    moment: str
    #: Fetches the page's rows: `fetch(pks)` -> iterable of objects (one query).
    fetch: object


def union_page(sources: list[Source], *, number, per_page: int, newest_first: bool) -> Page:
    """Return the page `number` of every source's rows in one order, as (key, object) pairs.

    Two queries for the order (count and page), then one per kind present on the page.
    """
    parts = [
        source.queryset.order_by().annotate(
            _kind=Value(source.key, output_field=CharField()),
            _pk=F("pk"),
            _moment=F(source.moment),
        ).values_list("_kind", "_pk", "_moment")
        for source in sources
    ]
    if not parts:
        return Paginator([], per_page).get_page(1)
    combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    ordering = ("-_moment", "-_kind", "-_pk") if newest_first else ("_moment", "_kind", "_pk")
    page = Paginator(combined.order_by(*ordering), per_page).get_page(number)
    keys = list(page.object_list)
    by_source = {source.key: source for source in sources}
    wanted: dict[str, list] = {}
    for kind, pk, _moment in keys:
        wanted.setdefault(kind, []).append(pk)
    loaded = {}
    for kind, pks in wanted.items():
        for obj in by_source[kind].fetch(pks):
            loaded[(kind, obj.pk)] = obj
    page.object_list = [(kind, loaded[(kind, pk)]) for kind, pk, _ in keys if (kind, pk) in loaded]
    return page
