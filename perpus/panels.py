"""Panels that the apps add to the signed-in start page, without `perpus` importing them.

Each app registers a `StartPanel(key, template, selector(user), order)` in its
`AppConfig.ready()`; the start view calls `start_panels(user)` and the template
includes each panel's template with its data as `panel` (see `perpus.contributions`).
"""

from __future__ import annotations

from .contributions import Contribution, ContributionRegistry, Rendered

StartPanel = Contribution

_REGISTRY = ContributionRegistry()
_PANELS = _REGISTRY.items
register = _REGISTRY.register


def start_panels(user) -> list[Rendered]:
    """Run every registered panel's selector for `user`; returns the panels to show, in order."""
    return _REGISTRY.render(user)
