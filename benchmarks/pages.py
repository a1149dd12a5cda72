"""Pages at national scale: query count, p50/p95 server time and size, beside a trivial page.

`python -m benchmarks.pages` (part of `make bench`) uses the scale dataset of
`seed_scale` in `.bench/scale.sqlite3` (made on first use, ~5 minutes), or the
database of `DATABASE_URL` when it is set (seeded there when it lacks the data).
Each page is requested `REPEAT` times in-process through Django's test client
with the full middleware, as the user each row names; the first request warms
caches and is not counted. Server time only: no network, no gunicorn.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPEAT = 10
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class PageResult:
    label: str
    queries: int
    p50_ms: float
    p95_ms: float
    size_kb: float
    status: int


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def counted(function):
    """Run `function()`; returns (its result, milliseconds, queries). Queries are counted with
    an execute wrapper: Django clears `connection.queries` at each request."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    with connection.execute_wrapper(count):
        result = function()
    return result, (time.perf_counter() - started) * 1000, len(queries)


def measure(client, label: str, url: str, repeat: int = REPEAT) -> PageResult:
    """Request `url` `repeat` times after one warm-up; return its figures (runs the view)."""
    client.get(url)
    times = []
    response, _ms, queries = counted(lambda: client.get(url))
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    size = len(response.content) if not getattr(response, "streaming", False) else sum(
        len(chunk) for chunk in response.streaming_content
    )
    return PageResult(
        label, queries, statistics.median(times), percentile(times, 0.95), size / 1024,
        response.status_code,
    )


def measure_built(client, label: str, url: str, repeat: int = REPEAT) -> PageResult:
    """Like `measure`, but each request finds no kept dashboard (a new generation is started
    before it, not counted): what the first view after a change costs."""
    from programs.selectors.dashboard_cache import start_new_generation

    def fresh():
        start_new_generation()  # outside a transaction: at once

    fresh()
    client.get(url)
    times = []
    queries = 0
    for _ in range(repeat):
        fresh()
        response, ms, queries = counted(lambda: client.get(url))
        times.append(ms)
    return PageResult(label, queries, statistics.median(times), percentile(times, 0.95), len(response.content) / 1024,
                      response.status_code)


def setup_database() -> str:
    """Point Django at the benchmark database and return a description of it."""
    if not os.environ.get("DATABASE_URL"):
        folder = ROOT / ".bench"
        folder.mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'scale.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perpus.settings")
    os.environ["DEBUG"] = "1"
    import django

    django.setup()
    from django.conf import settings

    # In-process requests come from "testserver".
    settings.ALLOWED_HOSTS = ["*"]
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return engine


def ensure_dataset(fraction: float) -> None:
    from django.core.management import call_command

    from perpus.scale import is_seeded

    call_command("migrate", verbosity=0)
    if not is_seeded():
        print(f"Seeding the scale dataset (fraction {fraction}); this happens once…", flush=True)
        call_command("seed_scale", fraction=fraction)


def dashboard_unit(code: str) -> str:
    """The dashboard of one province or regency (after the drill-down of issue #8)."""
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("programs:dashboard_unit", kwargs={"code": code})
    except NoReverseMatch:  # before the drill-down existed
        return reverse("programs:dashboard")


def pages() -> list[tuple[str, str, str | None]]:
    """(label, url, username or None for anonymous) of every page the issue budgets."""
    from django.urls import reverse

    from villages.models import Library

    library = (
        Library.objects.filter(npp__startswith="SC-", is_published=True, level="village")
        .select_related("province", "regency")
        .order_by("pk")
        .first()
    )
    consultant = f"scale_kons_{library.province_id}"
    return [
        ("trivial page (health check)", reverse("healthz"), None),
        ("login page", reverse("login"), None),
        ("home page", reverse("home"), None),
        ("library page (public)", library.get_absolute_url(), None),
        ("public activity list", reverse("activities:activity_public_list"), None),
        ("start page, program admin", reverse("start"), "scale_admin"),
        ("review queue, program admin", reverse("activities:queue"), "scale_admin"),
        ("review queue, consultant", reverse("activities:queue"), consultant),
        ("trash, program admin", reverse("activities:trash"), "scale_admin"),
        ("activity list, program admin", reverse("activities:activity_list"), "scale_admin"),
        ("admin activity changelist", reverse("admin:activities_activity_changelist"), "scale_admin"),
        ("dashboard, nation (program admin)", reverse("programs:dashboard"), "scale_admin"),
        ("dashboard, province (program admin)", dashboard_unit(library.province_id), "scale_admin"),
        ("dashboard, regency (program admin)", dashboard_unit(library.regency_id), "scale_admin"),
        ("dashboard, consultant", reverse("programs:dashboard"), consultant),
        ("dashboard, library (program admin)", reverse("programs:dashboard_library", args=[library.pk]), "scale_admin"),
    ]


def built_pages() -> list[tuple[str, str, str | None]]:
    """Every dashboard level, and the nation with a cohort year and with a program."""
    from programs.models import Participation, Program

    rows = [(label, url, user) for label, url, user in pages() if label.startswith("dashboard")]
    year = Participation.objects.order_by("-year").values_list("year", flat=True).first()
    program = Program.objects.order_by("pk").values_list("pk", flat=True).first()
    nation = next(url for label, url, _ in rows if "nation" in label)
    rows += [("dashboard, nation, one cohort year", f"{nation}?year={year}", "scale_admin"),
             ("dashboard, nation, one program", f"{nation}?program={program}", "scale_admin")]
    return rows


def run_pages(repeat: int = REPEAT, built: bool = False) -> list[PageResult]:
    """Every budgeted page (`built`: every dashboard level, built afresh each time)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    results = []
    clients: dict[str | None, Client] = {}
    rows = ([pages()[0]] + built_pages()) if built else pages()
    for label, url, username in rows:
        if username not in clients:
            client = Client()
            if username:
                user = get_user_model().objects.get(username=username)
                if username == "scale_admin" and not user.is_superuser:
                    user.is_superuser = True
                    user.save(update_fields=["is_superuser"])
                client.force_login(user)
            clients[username] = client
        how = measure_built if built and username else measure
        results.append(how(clients[username], label, url, repeat))
    return results


def time_recompute() -> float:
    from programs.services import recompute_progress

    started = time.perf_counter()
    recompute_progress(monthly_snapshot=True)
    return time.perf_counter() - started


def print_table(engine: str, results: list[PageResult], title: str = "") -> None:
    print(f"\n{title or 'Pages'} on {engine}, {REPEAT} requests each after a warm-up (server time, in-process):")
    print(f"{'page':38} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} {'KB':>8}")
    for r in results:
        print(f"{r.label:38} {r.status:>6} {r.queries:>7} {r.p50_ms:>8.1f} {r.p95_ms:>8.1f} {r.size_kb:>8.1f}")
    trivial = results[0].p50_ms
    print(f"(ratio to the trivial page: p50 of the trivial page / p50 of the page; "
          f"trivial p50 = {trivial:.2f} ms)")
    for r in results[1:]:
        print(f"  {r.label:36} {trivial / r.p50_ms:6.3f}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    fraction = float(argv[0]) if argv else float(os.environ.get("BENCH_FRACTION", "1.0"))
    engine = setup_database()
    ensure_dataset(fraction)
    from activities.models import Activity
    from villages.models import Library

    print(f"Dataset: {Library.objects.count():,} libraries, {Activity.objects.count():,} activities")
    results = run_pages()
    print_table(engine, results)
    print_table(engine, run_pages(built=True), "Dashboards built afresh (the first view after a change)")
    seconds = time_recompute()
    print(f"\nrecompute_stages (every library, monthly snapshot): {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
