"""Exports at national scale: 100,000 activities to XLSX and CSV, time and peak memory.

`python -m benchmarks.exports` (part of `make bench`) downloads the activity list of the
program admin through the real view (`/exports/activities.<fmt>`, in-process, full
middleware), filtered by a date range that holds about 100,000 activities, and reads the
whole response. Each format runs in a child process of its own, so its peak resident
memory (`getrusage`) is the export's and not the previous one's; the child also prints
its resident memory after Django's start, before the export.

Database, in order: `DATABASE_URL` when set (seeded with `seed_scale` when empty); else a
copy of `/tmp/scale_full.sqlite3` (the full national dataset, never written to); else a
temporary SQLite database seeded with `seed_scale --fraction 0.1` (100,000 activities).
Budget (issue #8): peak memory under 300 MB.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = 100_000
BUDGET_MB = 300
#: The full dataset `benchmarks.pages` seeds (copied: the export writes its download's row).
SCALE_COPY_SOURCE = Path(__file__).resolve().parent.parent / ".bench" / "scale.sqlite3"


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux /proc; no query)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """Highest resident memory of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def date_range_for(rows: int) -> tuple[str, str]:
    """(date_from, date_to) of the activity list's filter that holds about `rows` live activities:
    the most recent ones, as the list orders them (one query)."""
    from activities.models import Activity

    dates = Activity.objects.alive().order_by("-end_date").values_list("end_date", flat=True)
    newest = dates.first()
    # Fewer live activities than `rows` (a tenth of the dataset): all of them.
    cut = dates[rows - 1 : rows].first() or dates.last()
    return cut.isoformat(), newest.isoformat()


def measure_one(fmt: str) -> dict:
    """Download the activity export in `fmt` once as the program admin (a long XLSX: the
    background task that writes it, and its file); return its figures."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    date_from, date_to = date_range_for(ROWS)
    client = Client()
    client.force_login(admin_user())
    url = reverse("export", args=["activities", fmt]) + f"?date_from={date_from}&date_to={date_to}"
    baseline = rss_mb()
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    started = time.perf_counter()
    size = 0
    # The download goes to a file, as a browser would save it; only the export is in memory.
    with tempfile.TemporaryFile() as saved, connection.execute_wrapper(count):
        response = client.get(url)
        if response.status_code == 302:
            # A long XLSX is written by a background task (run at once here, as under
            # `make run`): the person is sent to My downloads, and the file is the task's.
            from perpus.models import Export

            export = Export.objects.filter(owner__username=admin_user().username).order_by("-pk").first()
            chunks = export.file.open("rb").chunks()
        else:
            chunks = response.streaming_content
        for chunk in chunks:
            size += len(chunk)
            saved.write(chunk)
        seconds = time.perf_counter() - started
        peak = peak_rss_mb()
        saved.seek(0)
        data_rows = count_file_rows(saved, fmt)
    return {
        "format": fmt,
        "status": response.status_code,
        "seconds": round(seconds, 2),
        "size_mb": round(size / 2**20, 1),
        "data_rows": data_rows,
        "queries": len(queries),
        "rss_before_mb": round(baseline, 1),
        "peak_rss_mb": round(peak, 1),
    }


def count_file_rows(handle, fmt: str) -> int:
    """Data rows (header left out) of a saved CSV or XLSX download (no query)."""
    if fmt == "csv":
        import csv
        import io

        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        return sum(1 for _ in csv.reader(text)) - 1
    from openpyxl import load_workbook

    workbook = load_workbook(handle, read_only=True)
    return sum(1 for _ in workbook.active.iter_rows(values_only=True)) - 1


def admin_user():
    """The program admin of the scale data (one query)."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    return users.filter(username="scale_admin").first() or users.filter(is_superuser=True).first()


def count_rows(date_from: str, date_to: str) -> int:
    """How many activities the export holds: the list's own filter and count (one query)."""
    from activities.forms import ActivityFilterForm
    from activities.models import Activity

    user = admin_user()
    form = ActivityFilterForm({"date_from": date_from, "date_to": date_to}, user=user)
    return form.filter(Activity.objects.for_user(user).alive()).count()


def prepare_database(folder: Path) -> str:
    """Set DATABASE_URL for this run and the children; return a description of the data."""
    if os.environ.get("DATABASE_URL"):
        return "DATABASE_URL"
    if SCALE_COPY_SOURCE.exists():
        copy = folder / "scale.sqlite3"
        print(f"Copying {SCALE_COPY_SOURCE} (read-only source) to {copy}…", flush=True)
        shutil.copyfile(SCALE_COPY_SOURCE, copy)
        os.environ["DATABASE_URL"] = f"sqlite:///{copy}"
        return f"copy of {SCALE_COPY_SOURCE}"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    return "temporary SQLite, seed_scale --fraction 0.1"


def main() -> int:
    os.environ["DEBUG"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perpus.settings")
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        # Child process: one export, figures as JSON on the last line.
        print(json.dumps(measure_one(sys.argv[2])))
        return 0
    with tempfile.TemporaryDirectory(prefix="perpus-bench-exports-") as name:
        source = prepare_database(Path(name))
        import django

        django.setup()
        from django.core.management import call_command

        from perpus.scale import is_seeded

        call_command("migrate", verbosity=0)
        if not is_seeded():
            print("Seeding seed_scale --fraction 0.1 (about 100,000 activities)…", flush=True)
            call_command("seed_scale", fraction=0.1)
        date_from, date_to = date_range_for(ROWS)
        rows = count_rows(date_from, date_to)
        print(f"Database: {source}. Export of the activity list, {date_from} to {date_to}: "
              f"{rows:,} activities.")
        print(f"{'format':6} {'status':>6} {'rows':>8} {'queries':>7} {'seconds':>8} {'MB':>6} "
              f"{'RSS before':>10} {'peak RSS':>9}")
        worst = 0.0
        for fmt in ("xlsx", "csv"):
            child = subprocess.run(
                [sys.executable, "-m", "benchmarks.exports", "--one", fmt],
                capture_output=True, text=True, check=True, env=os.environ.copy(),
            )
            result = json.loads(child.stdout.strip().splitlines()[-1])
            worst = max(worst, result["peak_rss_mb"])
            print(f"{fmt:6} {result['status']:>6} {result['data_rows']:>8,} {result['queries']:>7} "
                  f"{result['seconds']:>8.1f} {result['size_mb']:>6.1f} "
                  f"{result['rss_before_mb']:>10.1f} "
                  f"{result['peak_rss_mb']:>9.1f}")
        verdict = "within" if worst < BUDGET_MB else "OVER"
        print(f"Peak memory {worst:.0f} MB: {verdict} the {BUDGET_MB} MB budget.")
        return 0 if worst < BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
