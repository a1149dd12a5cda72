"""Carrying out what is due: each follow-up once for all its targets, oldest rows first."""

from __future__ import annotations

import logging
from importlib import import_module
import threading
import traceback
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django_tasks import task

from .models import DueFollowUp

logger = logging.getLogger(__name__)

#: Rows one follow-up takes at once: an import of 100,000 rows is carried out in batches.
BATCH = 5_000
#: Whole passes over the plan in one run: a follow-up may make another one due.
PASSES = 3

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


def _run_batch(name: str, function) -> int:
    """Run `name` once for a batch of its due rows and delete them with it; on failure keep
    them, counted and with the error. Returns the rows carried out."""
    with transaction.atomic():
        rows = _take(name)
        if not rows:
            return 0
        pks = [pk for pk, _target in rows]
        try:
            with transaction.atomic():
                function(Targets.parse(target for _pk, target in rows))
        except Exception as error:  # noqa: BLE001 - recorded for the admin and retried
            logger.exception("Follow-up %s failed for %d targets", name, len(rows))
            message = "".join(traceback.format_exception_only(error)).strip()[:2000]
            DueFollowUp.objects.filter(pk__in=pks).update(attempts=F("attempts") + 1, last_error=message)
            return -len(rows)
        DueFollowUp.objects.filter(pk__in=pks).delete()
        return len(rows)


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
                # A follow-up that failed in this run is tried again by the next one.
                if name not in waiting or done.get(name, 0) < 0:
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
