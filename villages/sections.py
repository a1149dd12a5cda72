"""Sections that other apps add to a library's page, without this app importing them.

A library's page (`villages`) shows the library's own profile; the apps built on
this one add their parts: `programs` the stage and what is missing, `activities`
the verified activities, partnerships, products and stories. Each registers a
`LibrarySection` in its `AppConfig.ready()`; the page's view calls
`library_sections(library, user)`, which runs each section's selector (the
queries happen there, in the view, never in a template tag), and the template
includes each section's template with its data as `section`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class LibrarySection:
    key: str
    #: Template included with `section` = the selector's result.
    template: str
    #: selector(library, user, request) -> dict, or None to leave the section out.
    selector: Callable
    #: Sections are shown in increasing order.
    order: int = 100


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template: str
    data: dict


_SECTIONS: dict[str, LibrarySection] = {}


def register(section: LibrarySection) -> LibrarySection:
    """Add `section` to every library page (idempotent per key); returns it."""
    _SECTIONS[section.key] = section
    return section


def library_sections(library, user, request=None) -> list[RenderedSection]:
    """Run every registered section's selector for `library` as seen by `user`.

    Returns the sections to show, in order; each selector's queries run here.
    """
    rendered = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        data = section.selector(library, user, request)
        if data is not None:
            rendered.append(RenderedSection(section.key, section.template, data))
    return rendered
