"""What follows a change: recorded with it (`due`), carried out by the task worker (`run_due`).

A service records its change with `due(change, library_ids=…)` in its own transaction: one
`DueFollowUp` row per follow-up and target, as the project's plan (`settings.FOLLOW_UP_PLAN`,
`perpus/followup_plan.py`) lists for that change, and the task `run_due_followups` enqueued
in the same transaction. `run_due` carries out each follow-up once for all its targets,
oldest rows first, deleting them with the follow-up's own writes; one that fails keeps its
rows with the error for the next run.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.conf import settings
from django.db import connection, transaction
from django_tasks import task

from .models import DueFollowUp

logger = logging.getLogger(__name__)

#: Rows one follow-up takes at once: an import of 100,000 rows is carried out in batches.
BATCH = 5_000
#: Whole passes over the plan in one run: a follow-up may make another one due.
PASSES = 3
#: Attempts one failing batch may be split into before what still fails is kept as a whole:
#: a follow-up that fails for every target (a database down) must not be run 10,000 times.
SPLITS = 32

_state = threading.local()


@dataclass(frozen=True)
class Targets:
    """What one follow-up is run for: libraries, provinces, history events, or everything."""

    library_ids: frozenset[int] = frozenset()
    province_ids: frozenset[str] = frozenset()
    event_ids: frozenset[int] = frozenset()
    everything: bool = False

    @classmethod
    def parse(cls, targets) -> Targets:
        """The targets of rows ("library:12", "province:63", "event:7", "*"); no query."""
        libraries, provinces, events, everything = set(), set(), set(), False
        for target in targets:
            kind, _, key = target.partition(":")
            if kind == "library":
                libraries.add(int(key))
            elif kind == "province":
                provinces.add(key)
            elif kind == "event":
                events.add(int(key))
            else:
                everything = True
        return cls(frozenset(libraries), frozenset(provinces), frozenset(events), everything)


@cache
def plan():
    """The project's plan module (`settings.FOLLOW_UP_PLAN`): `PLAN` (change → follow-up
    names) and `FOLLOW_UPS` (name → function of `Targets`, in the order they run)."""
    return import_module(settings.FOLLOW_UP_PLAN)


def running() -> bool:
    """Whether this thread is carrying out follow-ups now (they may make more due)."""
    return getattr(_state, "running", False)


def _take(name: str) -> list[tuple[int, str]]:
    """Lock and return the oldest waiting rows of follow-up `name` (one query); other
    workers skip the locked rows."""
    rows = DueFollowUp.objects.waiting().filter(follow_up=name).order_by("pk")
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True)
    return list(rows.values_list("pk", "target")[:BATCH])


def _attempt(name: str, function, rows: list[tuple[int, str]], budget: list[int]) -> int:
    """Run `function` for `rows` in a savepoint and delete them with its writes. When it fails
    for several, try each half alone (while `budget`, the attempts left, lasts), so one bad
    target holds back only itself; the rows that still fail keep their error and wait
    (`DueFollowUp.failed_now`). Returns the rows carried out (a query or two per attempt,
    plus the follow-up's own)."""
    pks = [pk for pk, _target in rows]
    budget[0] -= 1
    try:
        with transaction.atomic():
            function(Targets.parse(target for _pk, target in rows))
            DueFollowUp.objects.filter(pk__in=pks).delete()
        return len(rows)
    except Exception as error:  # noqa: BLE001 - recorded for the admin and retried
        message = "".join(traceback.format_exception_only(error)).strip()[:2000]
        if len(rows) > 1 and budget[0] > 0:
            half = len(rows) // 2
            done = _attempt(name, function, rows[:half], budget)
            if budget[0] > 0:
                return done + _attempt(name, function, rows[half:], budget)
            rows = rows[half:]  # not tried again in this run: kept with the error it gave
        logger.exception("Follow-up %s failed for %d targets (%s…)", name, len(rows), rows[0][1])
        DueFollowUp.objects.filter(pk__in=[pk for pk, _target in rows]).failed_now(message)
        return 0


def _run_batch(name: str, function) -> int:
    """Run `name` once for a batch of its due rows (`_attempt`). Returns the rows carried out,
    or minus the rows taken when none was."""
    with transaction.atomic():
        rows = _take(name)
        if not rows:
            return 0
        return _attempt(name, function, rows, [SPLITS]) or -len(rows)


def run_due() -> dict[str, int]:
    """Carry out every waiting follow-up in the plan's order; returns the rows each one
    carried out (negative: rows that failed this time). One query per pass, two per batch,
    plus the follow-ups' own."""
    done: dict[str, int] = {}
    _state.running = True
    try:
        for _ in range(PASSES):
            waiting = set(DueFollowUp.objects.waiting().values_list("follow_up", flat=True).distinct())
            worked = False
            for name, function in plan().FOLLOW_UPS.items():
                # Failed rows wait (`retry_at`): they are not in `waiting` until their time.
                if name not in waiting:
                    continue
                while (count := _run_batch(name, function)) > 0:
                    done[name] = done.get(name, 0) + count
                    worked = True
                if count < 0:
                    done[name] = done.get(name, 0) + count
            if not worked:
                break
    finally:
        _state.running = False
    return done


@task()
def run_due_followups() -> dict:
    """The background task (django-tasks) that carries out every due follow-up; returns how
    many rows each follow-up took."""
    return run_due()


#: The target of a follow-up due for everything (a ladder change, a region import).
EVERYTHING = "*"


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
    then have the worker run it, unless inside `batch()` (every `@service` is one). Returns
    the rows written (one bulk insert and the task's enqueue; at once under the immediate
    backend of `make run` and the tests)."""
    names = plan().PLAN[change]
    targets = _targets(library_ids, province_ids, event_ids, everything)
    if not names or not targets:
        return 0
    rows = [DueFollowUp(follow_up=name, change=change, target=target) for name in names for target in targets]
    DueFollowUp.objects.bulk_create(rows)
    if getattr(_state, "depth", 0):
        _state.pending = True
    elif not running():
        _kick()
    return len(rows)


def _kick() -> None:
    # Enqueued inside the transaction: the database queue's task row commits with the
    # change (nothing lost between the two); the immediate backend runs it here and now.
    run_due_followups.enqueue()


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
    count = rows.update(attempts=0, retry_at=None)
    if count:
        _kick()
    return count
