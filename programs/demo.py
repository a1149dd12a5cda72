"""Demo cohorts, a monitoring visit and computed stages for the seed stories (idempotent).

Balangan's village libraries joined TPBIS in 2022 (story 3: Syaicho Aziz, the Perpusnas
consultant, monitored Dispersip Balangan on 22 April 2022); Badung's in 2022 (story 4,
the SPP-TIK training); Blitar's villages replicated the program with the regency's own
budget from 2020 (story 5).
"""

from datetime import date

from django.contrib.auth import get_user_model

from .models import Assessment, Criterion, CriterionKind, FundingSource, Participation, Program, Verdict
from .services import recompute_progress
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
