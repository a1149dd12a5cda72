"""Recording that follow-ups are due, in the transaction of the change."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.db import transaction

from . import runner
from .models import DueFollowUp

EVERYTHING = "*"

_state = threading.local()


def _targets(library_ids: Iterable, province_ids: Iterable, event_ids: Iterable, everything: bool) -> list[str]:
    if everything:
        return [EVERYTHING]
    libraries = sorted({int(pk) for pk in library_ids if pk is not None})
    provinces = sorted({str(code) for code in province_ids if code})
    events = sorted({int(pk) for pk in event_ids})
    return (
        [f"library:{pk}" for pk in libraries]
        + [f"province:{code}" for code in provinces]
        + [f"event:{pk}" for pk in events]
    )


def due(
    change: str,
    *,
    library_ids: Iterable = (),
    province_ids: Iterable = (),
    event_ids: Iterable = (),
    everything: bool = False,
) -> int:
    """Record that what follows `change` (the plan's list) is due for these libraries, the
    dashboards of these provinces, these history events (their notices), or everything;
    then have the worker run it, unless
    inside `batch()`. Returns the rows written (one bulk insert and the task's enqueue;
    at once under the immediate backend of `make run` and the tests)."""
    names = runner.plan().PLAN[change]
    targets = _targets(library_ids, province_ids, event_ids, everything)
    if not names or not targets:
        return 0
    rows = [DueFollowUp(follow_up=name, change=change, target=target) for name in names for target in targets]
    DueFollowUp.objects.bulk_create(rows)
    if getattr(_state, "depth", 0):
        _state.pending = True
    elif not runner.running():
        _kick()
    return len(rows)


def _kick() -> None:
    # Enqueued inside the transaction: the database queue's task row commits with the
    # change (nothing lost between the two); the immediate backend runs it here and now.
    runner.run_due_followups.enqueue()


@contextmanager
def batch():
    """Inside it, `due()` only records rows; the worker is called once at the end, so many
    changes in one request (a bulk verification, an import) are followed up once."""
    _state.depth = getattr(_state, "depth", 0) + 1
    finished = False
    try:
        yield
        finished = True
    finally:
        _state.depth -= 1
        pending = not _state.depth and getattr(_state, "pending", False)
        if not _state.depth:
            _state.pending = False
    # After an error the transaction rolls back with the rows: nothing to run.
    if pending and finished:
        _kick()


@transaction.atomic
def retry_failed(pks: Iterable[int] | None = None) -> int:
    """Give failed rows (all, or `pks`) new attempts and call the worker; returns how many."""
    rows = DueFollowUp.objects.failed()
    if pks is not None:
        rows = rows.filter(pk__in=list(pks))
    count = rows.update(attempts=0)
    if count:
        _kick()
    return count
