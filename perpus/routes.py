"""URL families: the same pages for each kind of thing, named after it.

`editing_paths("cohorts/", "participation", create, update, delete)` is
`cohorts/new/` (participation_create), `cohorts/<pk>/edit/` (participation_update) and
`cohorts/<pk>/delete/` (participation_delete); `member_paths` adds one page per action
on one thing: `people/<pk>/access/` (person_access)… Class-based views are given as
classes (their `as_view()` is taken here).
"""

from django.urls import path


def _view(view):
    return view.as_view() if isinstance(view, type) else view


def editing_paths(prefix: str, name: str, create, update, delete) -> list:
    """The new, edit and delete pages of `name` below `prefix` (no query)."""
    return [
        path(f"{prefix}new/", _view(create), name=f"{name}_create"),
        path(f"{prefix}<int:pk>/edit/", _view(update), name=f"{name}_update"),
        path(f"{prefix}<int:pk>/delete/", _view(delete), name=f"{name}_delete"),
    ]


def member_paths(prefix: str, name: str, actions: dict) -> list:
    """`<prefix><pk>/<action>/`, named `<name>_<action>`, for each action → view (no query)."""
    return [
        path(f"{prefix}<int:pk>/{action}/", _view(view), name=f"{name}_{action}")
        for action, view in actions.items()
    ]
