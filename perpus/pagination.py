"""Pagination that never counts a million rows.

An exact `COUNT(*)` over the filtered rows of a national list (a million
activities) takes seconds and tells a reader nothing they need: nobody pages to
page 40,000. `CappedPaginator` counts at most `cap` rows (a `LIMIT` inside the
count) and says when there are more, so the page shows "page 3 of 500+" and the
reader narrows the list with its filters instead.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

#: Rows counted at most; 10,000 is 500 pages of 20.
DEFAULT_CAP = 10_000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int = DEFAULT_CAP, counted=None, **kwargs):
        """`counted`: the rows to count when they differ from those paged (e.g. a UNION whose
        parts were cut to the requested page); by default `object_list`."""
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.counted = counted

    @cached_property
    def count(self) -> int:
        """Rows, but at most `cap` (one query with a LIMIT for a queryset)."""
        object_list = self.object_list if self.counted is None else self.counted
        if hasattr(object_list, "order_by"):
            counted = object_list.order_by()[: self.cap + 1].count()
        else:
            counted = len(object_list)
        self.is_capped = counted > self.cap
        return min(counted, self.cap)

    @property
    def capped(self) -> bool:
        """Whether there are more rows than `count` says (reads `count`)."""
        self.count  # noqa: B018 - computes is_capped
        return getattr(self, "is_capped", False)

