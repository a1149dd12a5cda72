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
from django.db import connection
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
    ordering = ("-_moment", "-_kind", "-_pk") if newest_first else ("_moment", "_kind", "_pk")
    counted = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    if len(parts) > 1 and connection.features.supports_slicing_ordering_in_compound:
        # Each part gives at most the rows up to the requested page, in order, from its
        # index; without it the database sorts every pending record of every type first.
        try:
            wanted_rows = max(1, int(number)) * per_page
        except (TypeError, ValueError):
            wanted_rows = per_page
        limited = [part.order_by(*ordering)[:wanted_rows] for part in parts]
        ordered = limited[0].union(*limited[1:], all=True)
    else:
        ordered = counted
    # The count must see every row, not the parts cut for the page.
    paginator = Paginator(ordered.order_by(*ordering), per_page, counted=counted.order_by())
    page = paginator.get_page(number)
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
