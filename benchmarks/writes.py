"""Writes at national scale: what a reviewer waits for, and what the worker does after.

`python -m benchmarks.writes` (part of `make bench`) uses the scale dataset as
`benchmarks.pages` does (`.bench/scale.sqlite3`, or `DATABASE_URL`) with the production
task queue (django-tasks-db): a request only writes the change and records its follow-ups
(`perpus.followups`); the worker carries them out afterwards, timed separately here.

Each verification is of a different activity (a cold row, as a reviewer meets them):

* one activity verified from its page (POST `…/verify/`), `SINGLE` times;
* 200 verified at once from the queue (POST `/activities/queue/verify/`), `ROUNDS` times;
* the worker's run over what each of those made due (stages, summaries, kept pages).

It verifies records of the dataset: each run uses up some of its ~50,000 waiting ones.
"""

from __future__ import annotations

import os
import statistics
import time
import sys

from .pages import REPEAT, counted, percentile, setup_database

SINGLE = REPEAT * 2
ROUNDS = 3
BULK = 200


def _waiting(province: str, count: int) -> list:
    """`count` activities of `province` waiting for verification, oldest first (one query)."""
    from activities.models import Activity

    return list(Activity.objects.awaiting_verification().filter(province_id=province).order_by("pk")[:count])


def _busiest_province() -> str:
    """The province with the most activities waiting for verification (one query)."""
    from django.db.models import Count

    from activities.models import Activity

    rows = Activity.objects.awaiting_verification().values("province_id").annotate(n=Count("pk")).order_by("-n")
    return rows[0]["province_id"]


def _worker() -> tuple[float, int]:
    """Carry out what is due, as `db_worker` would; returns (milliseconds, queries); nothing
    before the follow-ups existed (the request did it all)."""
    try:
        from perpus.followups.services import run_due
    except ImportError:
        return 0.0, 0

    _result, ms, queries = counted(run_due)
    return ms, queries


def _verify_rounds(posts) -> tuple[list, list, list, list]:
    """Make each request of `posts` (functions, taken one at a time), then run the worker;
    returns the requests' milliseconds and queries, then the worker's."""
    request_ms, request_q, worker_ms, worker_q = [], [], [], []
    for post in posts:
        response, ms, queries = counted(post)
        assert response.status_code == 302, response.status_code
        request_ms.append(ms)
        request_q.append(queries)
        ms, queries = _worker()
        worker_ms.append(ms)
        worker_q.append(queries)
    return request_ms, request_q, worker_ms, worker_q


def _far_page(library, client) -> str:
    """Whether the kept page of `library` survived the verifications elsewhere, and its time."""
    started = time.perf_counter()
    response = client.get(library.get_absolute_url())
    ms = (time.perf_counter() - started) * 1000
    return f"  a library page in another province after them: {response.get('X-Page-Cache', '-')}, {ms:.1f} ms"


def _line(label: str, times: list[float], queries: list[int]) -> str:
    return (f"{label:44} {statistics.median(times):>9.1f} {percentile(times, 0.95):>9.1f} "
            f"{min(queries):>5}-{max(queries):<5}")


def run() -> list[str]:
    """Verify one by one and 200 at a time as a consultant; returns the printed lines."""
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings
    from django.urls import reverse

    from activities.models import Activity
    from villages.models import Library

    province = _busiest_province()
    client = Client()
    client.force_login(get_user_model().objects.get(username=f"scale_kons_{province}"))
    lines = [f"{'write (consultant of ' + province + ')':44} {'p50 ms':>9} {'p95 ms':>9} {'queries':>11}"]
    # A library page in another province, kept before the verifications.
    far = Library.objects.public().exclude(province_id=province).select_related("province", "regency").first()
    anonymous = Client()
    anonymous.get(far.get_absolute_url())
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        _worker()  # what earlier runs left
        singles = (
            (lambda url=reverse("activities:activity_verify", args=[a.pk]): client.post(url))
            for a in _waiting(province, SINGLE)
        )
        single, single_q, worker, worker_q = _verify_rounds(singles)
        lines.append(_line("verify one activity (request)", single, single_q))
        lines.append(_far_page(far, anonymous))
        lines.append(_line("  then the worker's follow-ups", worker, worker_q))

        def bulk_posts():
            # Chosen before each request (not timed), after the previous round's worker.
            for _ in range(ROUNDS):
                chosen = [f"activity:{a.pk}" for a in _waiting(province, BULK)]
                yield lambda chosen=chosen: client.post(reverse("activities:queue_verify"), {"selected": chosen})

        bulk, bulk_q, worker, worker_q = _verify_rounds(bulk_posts())
        lines.append(_line(f"verify {BULK} from the queue (request)", bulk, bulk_q))
        lines.append(_line("  then the worker's follow-ups", worker, worker_q))
    left = Activity.objects.awaiting_verification().filter(province_id=province).count()
    lines.append(f"({SINGLE} single and {ROUNDS} x {BULK} bulk verifications; {left:,} still wait in {province})")
    return lines


def main() -> int:
    from .pages import ensure_dataset

    engine = setup_database()
    ensure_dataset(float(os.environ.get("BENCH_FRACTION", "1.0")))
    print(f"\nWrites on {engine}, the task queue in the database (production):")
    for line in run():
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
