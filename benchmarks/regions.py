"""Time the full region import (38 provinces, 514 regencies, ~7,300 districts, 83,762 villages)."""

import time
from io import StringIO

#: The issue's budget for the first import.
BUDGET_SECONDS = 30.0


def run() -> bool:
    """Import twice (first, then idempotent re-run), print the times; True within budget."""
    from django.core.management import call_command

    from villages.models import District, Province, Regency, Village

    results = []
    for label in ("first import", "re-run (no changes)"):
        started = time.perf_counter()
        call_command("import_regions", stdout=StringIO())
        results.append((label, time.perf_counter() - started))
    print(
        f"import_regions on SQLite: {Province.objects.count()} provinces, "
        f"{Regency.objects.count()} regencies, {District.objects.count()} districts, "
        f"{Village.objects.count()} villages"
    )
    for label, seconds in results:
        print(f"  {label:<22} {seconds:6.1f} s")
    first = results[0][1]
    verdict = "within" if first <= BUDGET_SECONDS else "OVER"
    print(f"  budget for the first import: {BUDGET_SECONDS:.0f} s ({verdict})")
    return first <= BUDGET_SECONDS
