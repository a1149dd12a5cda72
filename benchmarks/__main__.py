"""Time the full region import into a fresh, temporary SQLite database.

Run with `make bench` (or `.venv/bin/python -m benchmarks`). Prints the time of the
first import (38 provinces, 514 regencies, ~7,300 districts, 83,762 villages) and of
an idempotent re-run. The issue's budget for the first import is 30 seconds.
Exits non-zero if the budget is exceeded, so CI can run it too.
"""

import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

BUDGET_SECONDS = 30.0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="perpus-bench-") as folder:
        database = Path(folder) / "bench.sqlite3"
        # A throwaway database and development settings: nothing else is touched.
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        os.environ["DEBUG"] = "1"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perpus.settings")

        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)

        from villages.models import District, Province, Regency, Village

        results = []
        for label in ("first import", "re-run (no changes)"):
            started = time.perf_counter()
            call_command("import_regions", stdout=StringIO())
            results.append((label, time.perf_counter() - started))

        rows = (
            f"{Province.objects.count()} provinces, {Regency.objects.count()} regencies, "
            f"{District.objects.count()} districts, {Village.objects.count()} villages"
        )
        from django.db import connections

        connections.close_all()

    print(f"import_regions on SQLite: {rows}")
    for label, seconds in results:
        print(f"  {label:<22} {seconds:6.1f} s")
    first = results[0][1]
    verdict = "within" if first <= BUDGET_SECONDS else "OVER"
    print(f"  budget for the first import: {BUDGET_SECONDS:.0f} s ({verdict})")
    return 0 if first <= BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
