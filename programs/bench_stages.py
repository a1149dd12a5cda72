"""Benchmark: recompute the stages of 10,000 libraries in a temporary SQLite database.

Run with `python -m programs.bench_stages [--libraries N]`. Not part of the test suite:
performance is measured here, never asserted by timing in tests.
"""

import argparse
import os
import sys
import tempfile
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--libraries", type=int, default=10_000)
    args = parser.parse_args(argv)

    tmp = tempfile.mkdtemp(prefix="perpus-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{os.path.join(tmp, 'bench.sqlite3')}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "perpus.test_settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from programs.measures import MEASURES, register
    from programs.services import recompute_progress
    from villages.models import District, Library, LibraryLevel, Province, Regency, Village

    call_command("migrate", verbosity=0)
    province = Province.objects.create(code="63", name="Kalimantan Selatan")
    regency = Regency.objects.create(code="63.11", province=province, name="Balangan", kind="kabupaten")
    districts = District.objects.bulk_create(
        District(code=f"63.11.{d:02d}", regency=regency, name=f"Kecamatan {d}")
        for d in range(1, args.libraries // 1000 + 2)
    )
    started = time.perf_counter()
    villages = Village.objects.bulk_create(
        Village(
            code=f"{districts[n // 1000].code}.{2000 + n % 1000:04d}",
            district=districts[n // 1000],
            regency=regency,
            province=province,
            name=f"Desa {n}",
            kind="desa",
        )
        for n in range(args.libraries)
    )
    Library.objects.bulk_create(
        (
            Library(level=LibraryLevel.VILLAGE, province=province, regency=regency, village=v, name=f"Perpustakaan {v.name}")
            for v in villages
        ),
        batch_size=1000,
    )
    print(f"Created {args.libraries} libraries in {time.perf_counter() - started:.1f} s")

    # Stand-in measures for those other apps have not registered, so every criterion
    # runs a grouped query as the real ones would.
    from django.db.models import Count

    def counting(library_ids, start, end):
        rows = Library.objects.filter(pk__in=library_ids).values("pk").annotate(n=Count("pk"))
        return {row["pk"]: row["n"] * (row["pk"] % 5) for row in rows}

    from programs.models import Criterion

    for criterion in Criterion.objects.filter(kind="computed"):
        if criterion.measure not in MEASURES:
            register(criterion.measure, criterion.measure, windowed=bool(criterion.window_months))(counting)

    for label in ("first run", "second run (no change)"):
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            summary = recompute_progress(monthly_snapshot=True)
        print(
            f"{label}: {summary.libraries} libraries in {summary.seconds:.2f} s, "
            f"{len(queries)} queries, {summary.changed} changed, {summary.first} first"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
