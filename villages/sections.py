"""Sections that other apps add to a library's page, without this app importing them.

A library's page (`villages`) shows the library's own profile; the apps built on
this one add their parts: `programs` the stage and what is missing and the recent
monitoring visits, `activities` the verified activities, partnerships, products
and stories. Each registers a `LibrarySection(key, template, selector(library,
user, request), order)` in its `AppConfig.ready()`; the page's view calls
`library_sections(library, user, request)`, and the template includes each
section's template with its data as `section` (see `perpus.contributions`).
"""

from __future__ import annotations

from perpus.contributions import Contribution, ContributionRegistry, Rendered

LibrarySection = Contribution

_REGISTRY = ContributionRegistry()
_SECTIONS = _REGISTRY.items
register = _REGISTRY.register


def library_sections(library, user, request=None) -> list[Rendered]:
    """Run every registered section's selector for `library` as seen by `user`.

    Returns the sections to show, in order; each selector's queries run here.
    """
    return _REGISTRY.render(library, user, request)
