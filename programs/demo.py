"""Demo cohorts, a monitoring visit, computed stages and their history for the seed stories
(idempotent).

Balangan's village libraries joined TPBIS in 2022 (story 3: Syaicho Aziz, the Perpusnas
consultant, monitored Dispersip Balangan on 22 April 2022); Badung's in 2022 (story 4,
the SPP-TIK training); Blitar's villages replicated the program with the regency's own
budget from 2020 (story 5).
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from villages.models import LibraryLevel

from .measures import months_before
from .models import (
    Assessment,
    Criterion,
    CriterionKind,
    FundingSource,
    Participation,
    Program,
    SnapshotReason,
    StageSnapshot,
    Verdict,
)
from .services import compute_progress, load_ladder, recompute_progress
from .services.assessments import ItemInput, assessment_create

# (library key, year, funding, books, computers, printer, internet, training, notes)
COHORTS = [
    ("lampihong_kanan", 2022, FundingSource.APBN, 1000, 3, True, True, True, "Kohort TPBIS 2022 Kabupaten Balangan."),
    ("balang", 2022, FundingSource.APBN, 1000, 3, True, True, True, "Kohort TPBIS 2022 Kabupaten Balangan."),
    ("munggu", 2022, FundingSource.APBN, 1000, 3, True, True, True, "Pengelola ikut Bimtek SPP-TIK Badung, Juli 2022."),
    ("buduk", 2022, FundingSource.APBN, 1000, 3, True, True, True, "Pengelola ikut Bimtek SPP-TIK Badung, Juli 2022."),
]
BLITAR_REPLICATION = ["sumberasri", "kedawung", "ngoran", "dayu", "penataran", "tumpang"]

VISIT_DATE = date(2022, 4, 22)
FINDINGS = (
    "Kunjungan monitoring bersama Dispersip Balangan. Kegiatan transformasi sudah berjalan "
    "sesuai rencana; perpustakaan desa buka rutin dan mulai melibatkan sekolah dan LKSA Al-Tamar "
    "dalam layanan perpustakaan keliling."
)
RECOMMENDATIONS = (
    "Catat kegiatan pelibatan masyarakat setiap bulan dan statistik kunjungan bulanan; "
    "siapkan rencana tindak lanjut (RTL) setelah Bimtek SPP-TIK."
)


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def seed(stdout=None) -> None:
    """Create the demo cohorts and Syaicho Aziz's 2022 visit, then recompute every stage."""
    from villages import demo as village_demo

    tpbis = Program.objects.get(code="tpbis")
    rows = COHORTS + [
        (key, 2020, FundingSource.APBD, 300, 1, False, True, True, "Replikasi mandiri APBD Kabupaten Blitar.")
        for key in BLITAR_REPLICATION
    ]
    for key, year, funding, books, computers, printer, internet, training, notes in rows:
        Participation.objects.get_or_create(
            library=village_demo.get(key),
            program=tpbis,
            year=year,
            defaults={
                "funding_source": funding,
                "books_received": books,
                "computers_received": computers,
                "printer_received": printer,
                "internet_received": internet,
                "training_received": training,
                "notes": notes,
            },
        )
    consultant = get_user_model().objects.filter(username="konsultan").first()
    library = village_demo.get("lampihong_kanan")
    if consultant and not Assessment.objects.filter(library=library, visited_on=VISIT_DATE).exists():
        items = {}
        opening = Criterion.objects.filter(
            kind=CriterionKind.ATTESTED, name_en="Regular opening hours confirmed"
        ).first()
        if opening:
            items[opening.pk] = ItemInput(
                verdict=Verdict.MET, note="Buka Senin–Sabtu, 08.00–14.00, dicatat di papan layanan."
            )
        assessment_create(
            author=consultant, library=library, visited_on=VISIT_DATE, findings=FINDINGS,
            recommendations=RECOMMENDATIONS, items=items,
        )
    summary = recompute_progress(monthly_snapshot=True)
    _say(stdout, f"Programs: {len(rows)} cohort entries, stages of {summary.libraries} libraries computed.")


def _history_months(since: int, today: date) -> list[date]:
    """The first day of every month from January `since` to the month before `today`'s."""
    months, month = [], today.replace(day=1)
    while month > date(since, 1, 1):
        month = months_before(month, 1)
        months.append(month)
    return months[::-1]


def seed_history(stdout=None, today: date | None = None) -> int:
    """Give every demo cohort library a stage snapshot on the 1st of each month since its
    cohort year, as `recompute_stages` would have written them monthly; returns how many
    were added.

    The stages are computed from the demo records on each of those days, so the history
    climbs where the records do (Lampihong Kanan reaches Rintisan in 2022, once its
    manager is trained). Run it after the records exist (seed_demo does). Months that
    already have a snapshot are left alone, so a second run adds nothing. Queries: one
    computation per month for all the libraries, then one bulk insert.
    """
    today = today or timezone.localdate()
    # The earliest cohort year of each village library (agencies are not on the ladder).
    cohorts = Participation.objects.filter(library__level=LibraryLevel.VILLAGE).order_by("-year")
    since = dict(cohorts.values_list("library_id", "year"))
    if not since:
        return 0
    taken = set(StageSnapshot.objects.filter(library_id__in=since).values_list("library_id", "date"))
    taken_months = {(pk, day.replace(day=1)) for pk, day in taken}
    ladder, previous, rows = load_ladder(), {}, []
    for month in _history_months(min(since.values()), today):
        ids = [pk for pk, year in since.items() if year <= month.year]
        results = compute_progress(library_ids=ids, on=month, ladder=ladder)
        for pk, result in results.items():
            order = result.stage.order if result.stage else 0
            reason = _reason(previous.get(pk), order)
            previous[pk] = order
            if (pk, month) not in taken_months:
                rows.append(StageSnapshot(
                    library_id=pk, stage=result.stage, stage_order=order, date=month, reason=reason
                ))
    StageSnapshot.objects.bulk_create(rows, ignore_conflicts=True)
    _relabel_this_month(previous, today.replace(day=1))
    _say(stdout, f"Programs: {len(rows)} monthly stage snapshots since the cohort years.")
    return len(rows)


def _reason(previous_order: int | None, order: int) -> str:
    """Why `recompute_stages` would have recorded this month: first, a change, or the month."""
    if previous_order is None:
        return SnapshotReason.FIRST
    return SnapshotReason.CHANGE if previous_order != order else SnapshotReason.MONTHLY


def _relabel_this_month(last_orders: dict[int, int], this_month: date) -> None:
    """This month's snapshots, written before the history, now follow it: each records a
    change from last month's stage (`last_orders`) or the month (a query, and one per row)."""
    recent = StageSnapshot.objects.filter(
        library_id__in=last_orders,
        reason__in=[SnapshotReason.FIRST, SnapshotReason.CHANGE],
        date__gte=this_month,
    )
    for snapshot in recent:
        snapshot.reason = _reason(last_orders[snapshot.library_id], snapshot.stage_order)
        snapshot.save(update_fields=["reason"])
