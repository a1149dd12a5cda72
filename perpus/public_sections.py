"""Parts that the apps add to the public pages of a place: the home page (the nation), a
province's and a regency's page, without the page's app importing them.

Each app registers a `Contribution(key, template, selector(place), order)` in its
`AppConfig.ready()`; the page's view calls `public_sections(place)` (the selectors' queries
run there) and the template includes each part's template with its data as `section`.
Every selector reads only the `public()` querysets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .contributions import Contribution, ContributionRegistry, Rendered

PublicSection = Contribution

_REGISTRY = ContributionRegistry()
_SECTIONS = _REGISTRY.items
register = _REGISTRY.register


@dataclass(frozen=True)
class Place:
    """The nation (no code), a province ("63") or a regency ("63.11") a public page is about."""

    level: str = "nation"
    code: str = ""
    name: str = ""

    def lookup(self, province: str = "province_id", regency: str = "regency_id") -> dict:
        """Filter keyword arguments restricting a queryset to this place, given the paths of
        its province and regency codes ({} for the nation; no query)."""
        if self.level == "province":
            return {province: self.code}
        if self.level == "regency":
            return {regency: self.code}
        return {}


NATION = Place()


def public_sections(place: Place) -> list[Rendered]:
    """Run every registered selector for `place`; returns the parts to show, in order."""
    return _REGISTRY.render(place)
