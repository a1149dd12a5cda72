"""The one way in for a change people make: `@service` marks the function of an action.

Every change a person makes (a library's profile, a record's verification, an account's
access…) has one service function, in its app's `services` package, `perpus.people.services`
or `perpus.notifications.services`. Web forms, the Django admin and management commands call
it; none of them writes those models itself. `@service` runs the function in one transaction
(so the change, its history and its follow-ups commit together) and marks the call as a
service's while it runs, nested services included. `current_service()` says which one is
running; the tests' write guard (`tests/write_guard.py`) uses it to fail any test in which a
view, form, admin page or command writes such a model outside a service.
"""

from __future__ import annotations

import functools
from contextvars import ContextVar

from django.db import transaction

from .followups.services import batch

#: The services running in this context, outermost first (a context variable: each thread
#: and each request has its own).
_running: ContextVar[tuple[str, ...]] = ContextVar("perpus_services", default=())


def service(function):
    """Decorate the service function of an action: run it in a transaction (a savepoint when
    nested), marked as running (`current_service`), with its follow-ups recorded and the
    worker called once at its end (`perpus.followups.services.batch`). Returns the wrapped function; adds no
    query of its own."""
    name = f"{function.__module__}.{function.__qualname__}"

    @functools.wraps(function)
    def run(*args, **kwargs):
        # Set before the transaction opens, so what runs when it commits still counts as
        # this service's (on_commit callbacks of the outermost service).
        token = _running.set((*_running.get(), name))
        try:
            # What follows the change runs once it is all written: the worker is called at
            # the end of the outermost service (`batch`), never halfway through it.
            with transaction.atomic(), batch():
                return function(*args, **kwargs)
        finally:
            _running.reset(token)

    run.is_service = True
    return run


def current_service() -> str | None:
    """The dotted name of the innermost service running now, or None outside every service
    (no query)."""
    running = _running.get()
    return running[-1] if running else None
