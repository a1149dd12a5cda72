"""Panels that the apps add to the signed-in start page, without `perpus` importing them.

Like `villages.sections` for a library's page: each app registers a `StartPanel`
in its `AppConfig.ready()`; the start view calls `start_panels(user)`, which runs
each panel's selector (the queries happen there, in the view, never in a template
tag) and the template includes each panel's template with its data as `panel`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class StartPanel:
    key: str
    #: Template included with `panel` = the selector's result.
    template: str
    #: selector(user) -> dict, or None to leave the panel out.
    selector: Callable
    #: Panels are shown in increasing order.
    order: int = 100


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    data: dict


_PANELS: dict[str, StartPanel] = {}


def register(panel: StartPanel) -> StartPanel:
    """Add `panel` to the start page (idempotent per key); returns it."""
    _PANELS[panel.key] = panel
    return panel


def start_panels(user) -> list[RenderedPanel]:
    """Run every registered panel's selector for `user`; returns the panels to show, in order."""
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.key)):
        data = panel.selector(user)
        if data is not None:
            rendered.append(RenderedPanel(panel.key, panel.template, data))
    return rendered
