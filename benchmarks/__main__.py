"""Performance timings in a fresh, temporary SQLite database (`make bench`).

Run with `make bench` (or `.venv/bin/python -m benchmarks`). Prints:

* the full region import (`benchmarks.regions`) and an idempotent re-run;
* the stage computation of 12,000 village libraries and a ladder change that
  recomputes them all in bulk (`benchmarks.stages`).

Exits non-zero if a budget is exceeded, so CI can run it too. Nothing outside the
temporary database is touched.
"""

import os
import sys
import tempfile
from pathlib import Path


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

        from . import regions, stages

        within = regions.run()
        within = stages.run() and within

        from django.db import connections

        connections.close_all()
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
