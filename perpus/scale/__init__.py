"""A national-scale dataset for measuring the portal: `python manage.py seed_scale`.

The program expects about 12,000 libraries and 1,000,000 activities over five
years. This module makes that (or `fraction` of it) on the real regions, with
bulk inserts in batches so memory stays flat: libraries in every province, agency
staff and consultants, cohorts, 24 months of statistics, activities with their
history, partnerships, support, products, stories, assessments and stage
history. The data is deterministic for a given seed, and marked (NPP numbers
starting with `SC-`) so a second run sees it and does nothing.

It is for benchmarks and load tests only; never load it into production.
"""

from __future__ import annotations

from django.db import transaction

from villages.models import Library

from .data import MARK
from .inserts import FastInserter, SeedReport
from .seeder import ScaleSeeder

__all__ = ["FastInserter", "ScaleSeeder", "SeedReport", "is_seeded", "seed_scale"]


def is_seeded() -> bool:
    """Whether the scale dataset is already in the database (one query)."""
    return Library.objects.filter(npp__startswith=MARK).exists()


def seed_scale(*, fraction: float = 1.0, seed: int = 2018, log=print) -> SeedReport | None:
    """Create the dataset unless it is there; returns the report, or None when it was there."""
    if is_seeded():
        log("The scale dataset is already in this database; nothing to do.")
        return None
    with transaction.atomic():
        report = ScaleSeeder(fraction=fraction, seed=seed, log=log).run()
    # After the commit: VACUUM cannot run in a transaction, where the steps above ran.
    if vacuum():
        log("  vacuumed (PostgreSQL): index-only scans read the index alone")
    log(f"Scale dataset ready in {report.total_seconds:.0f} s.")
    return report


def vacuum() -> bool:
    """VACUUM ANALYZE the database on PostgreSQL outside a transaction, as autovacuum would
    soon: until then no page of a million fresh rows is marked all-visible and every
    index-only scan reads the table too (the start page took 346 ms instead of 38). Returns
    whether it ran (one statement)."""
    from django.db import connection

    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return True
