"""Registries through which apps add parts to pages of apps below them.

A page of a lower app (a library's page in `villages`, the start page in `perpus`)
shows parts that apps built on it contribute, without importing them: each app
registers a `Contribution` (key, template, selector, order) in its
`AppConfig.ready()`. The page's view calls `registry.render(...)`, which runs
each selector with the view's arguments (the queries happen there, in the view,
never in a template tag) and returns the parts to show; the template includes
each part's template with its data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Contribution:
    key: str
    #: Template included with the selector's result.
    template: str
    #: selector(*args) -> dict, or None to leave the part out.
    selector: Callable
    #: Parts are shown in increasing order.
    order: int = 100


@dataclass(frozen=True)
class Rendered:
    key: str
    template: str
    data: dict


class ContributionRegistry:
    def __init__(self):
        self.items: dict[str, Contribution] = {}

    def register(self, item: Contribution) -> Contribution:
        """Add `item` (idempotent per key: registering a key again replaces it); returns it."""
        self.items[item.key] = item
        return item

    def render(self, *args) -> list[Rendered]:
        """Run every selector with `args`; returns the parts to show, in order (selectors query)."""
        rendered = []
        for item in sorted(self.items.values(), key=lambda i: (i.order, i.key)):
            data = item.selector(*args)
            if data is not None:
                rendered.append(Rendered(item.key, item.template, data))
        return rendered
