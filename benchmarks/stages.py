"""Time the stage computation of many libraries, and a ladder change that recomputes them all.

Needs the regions imported (see `benchmarks.regions`): one village library is created
in each of the first `libraries` villages, with opening hours and monthly statistics
for a third of them so the measures have rows to aggregate. Then it times a full
recompute (first and second run) and a ladder change in the portal's service
(`criterion_save`), which recomputes every library in bulk, with its query count.
"""

import datetime
import time

#: The program expects about 12,000 libraries.
LIBRARIES = 12_000
#: A ladder change recomputes every stage in the request; past this it should move to a task.
LADDER_BUDGET_SECONDS = 30.0


def _create_libraries(count: int) -> list[int]:
    from villages.models import Library, LibraryLevel, LibraryStatistic, OpeningHours, Village

    villages = list(Village.objects.order_by("code")[:count])
    libraries = Library.objects.bulk_create(
        (
            Library(
                level=LibraryLevel.VILLAGE,
                province_id=v.province_id,
                regency_id=v.regency_id,
                village=v,
                name=f"Perpustakaan Desa {v.name}",
                # Slugs are unique; bulk_create skips save(), which would choose one.
                slug=f"perpustakaan-desa-{v.code.replace('.', '-')}",
                manager_name="Pengelola" if n % 2 else "",
                floor_area_m2=60 if n % 3 == 0 else None,
            )
            for n, v in enumerate(villages)
        ),
        batch_size=1000,
    )
    ids = [library.pk for library in libraries]
    today = datetime.date.today().replace(day=1)
    # The three completed months the default ladder's "last 3 months" criteria count.
    months = [(today - datetime.timedelta(days=28 * back)).replace(day=1) for back in range(1, 4)]
    LibraryStatistic.objects.bulk_create(
        (
            LibraryStatistic(library_id=pk, month=month, visits_male=20, visits_female=30)
            for pk in ids[::3]
            for month in months
        ),
        batch_size=2000,
    )
    OpeningHours.objects.bulk_create(
        (
            OpeningHours(
                library_id=pk, weekday=day, opens=datetime.time(8), closes=datetime.time(14), minutes=360
            )
            for pk in ids[::3]
            for day in range(6)
        ),
        batch_size=2000,
    )
    return ids


def _program_admin():
    """A program admin who may change the ladder (made once)."""
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="bench_admin", defaults={"role": "admin", "is_superuser": True}
    )
    return user


def run(libraries: int = LIBRARIES) -> bool:
    """Print the timings; True when a ladder change stays within its budget."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programs.models import Criterion
    from programs.services import criterion_save, recompute_progress

    started = time.perf_counter()
    ids = _create_libraries(libraries)
    print(f"Stages: {len(ids)} village libraries created in {time.perf_counter() - started:.1f} s")
    for label in ("first recompute", "second (no change)"):
        with CaptureQueriesContext(connection) as queries:
            summary = recompute_progress(monthly_snapshot=True)
        print(
            f"  {label:<22} {summary.seconds:6.2f} s, {len(queries)} queries, "
            f"{summary.changed} changed, {summary.first} first"
        )
    criterion = Criterion.objects.get(measure="has_manager")
    criterion.threshold = 2  # nobody meets it now: every library loses its stage
    admin = _program_admin()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        criterion_save(criterion=criterion, user=admin)
    seconds = time.perf_counter() - started
    verdict = "within" if seconds <= LADDER_BUDGET_SECONDS else "OVER"
    print(
        f"  {'ladder change':<22} {seconds:6.2f} s, {len(queries)} queries "
        f"(all {len(ids)} libraries recomputed; budget {LADDER_BUDGET_SECONDS:.0f} s, {verdict})"
    )
    return seconds <= LADDER_BUDGET_SECONDS
