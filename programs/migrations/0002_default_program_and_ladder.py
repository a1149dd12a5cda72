"""Install the TPBIS program and the default progress ladder of design.md.

Names are stored in English and shown through the translation catalogue
(`gettext_noop` marks them), so a ladder the admin renames shows as typed.
"""

from decimal import Decimal

from django.db import migrations
from django.utils.translation import gettext_noop

# (order, name, description, [(name, kind, measure, threshold, window_months)])
LADDER = [
    (
        1,
        gettext_noop("Rintisan"),
        gettext_noop("Starting: a manager, regular opening hours and a place; the manager trained in SPP-TIK with a work plan."),
        [
            (gettext_noop("Has a library manager"), "computed", "has_manager", 1, None),
            (gettext_noop("Open at least 3 days a week"), "computed", "opening_days_per_week", 3, None),
            (gettext_noop("Regular opening hours confirmed"), "attested", "", None, None),
            (gettext_noop("Has a place (floor area recorded)"), "computed", "floor_area_m2", 1, None),
            (gettext_noop("Manager trained in SPP-TIK"), "computed", "spptik_trained", 1, None),
            (gettext_noop("Has a follow-up work plan (RTL)"), "computed", "work_plans", 1, None),
        ],
    ),
    (
        2,
        gettext_noop("Berkembang"),
        gettext_noop("Developing: computers and internet in service, community activities every month, monthly visits recorded."),
        [
            (gettext_noop("At least one computer in service"), "computed", "computers_in_service", 1, None),
            (gettext_noop("Internet in service"), "computed", "has_internet", 1, None),
            (gettext_noop("Community activities every month (last 3 months)"), "computed", "months_with_community_activities", 3, 3),
            (gettext_noop("Monthly statistics recorded (last 3 months)"), "computed", "months_with_statistics", 3, 3),
        ],
    ),
    (
        3,
        gettext_noop("Maju"),
        gettext_noop("Advanced: partnerships, village support, activities with measurable outputs and the national standard minimums."),
        [
            (gettext_noop("At least one active partnership"), "computed", "active_partnerships", 1, None),
            (gettext_noop("Support from the village (regulation or Dana Desa)"), "computed", "village_support", 1, None),
            (gettext_noop("Community activities produce products"), "computed", "products", 1, None),
            (gettext_noop("At least 1,000 titles"), "computed", "collection_titles", 1000, None),
            (gettext_noop("At least 56 m² of floor area"), "computed", "floor_area_m2", 56, None),
            (gettext_noop("Open at least 6 hours a day"), "computed", "opening_hours_per_day", 6, None),
            (gettext_noop("At least 2 staff"), "computed", "staff_count", 2, None),
        ],
    ),
    (
        4,
        gettext_noop("Inklusi sosial"),
        gettext_noop("Social-inclusion library: sustained engagement over 12 months, documented impact, accredited, helps another village replicate."),
        [
            (gettext_noop("Community activities in each of the last 12 months"), "computed", "months_with_community_activities", 12, 12),
            (gettext_noop("At least 300 participants in the last 12 months"), "computed", "community_participants", 300, 12),
            (gettext_noop("At least one impact story documented"), "computed", "impact_stories", 1, None),
            (gettext_noop("Accredited"), "attested", "", None, None),
            (gettext_noop("Helps another village replicate"), "attested", "", None, None),
        ],
    ),
]


def install(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Stage = apps.get_model("programs", "Stage")
    Criterion = apps.get_model("programs", "Criterion")
    Program.objects.get_or_create(
        code="tpbis",
        defaults={
            "name": "Transformasi Perpustakaan Berbasis Inklusi Sosial (TPBIS)",
            "description": "Perpusnas library transformation program based on social inclusion.",
            "started_year": 2018,
        },
    )
    if Stage.objects.exists():
        return
    for order, name, description, criteria in LADDER:
        stage = Stage.objects.create(order=order, name=name, description=description)
        Criterion.objects.bulk_create(
            Criterion(
                stage=stage,
                order=index,
                name=c_name,
                kind=kind,
                measure=measure,
                threshold=None if threshold is None else Decimal(threshold),
                window_months=window,
            )
            for index, (c_name, kind, measure, threshold, window) in enumerate(criteria, start=1)
        )


def remove(apps, schema_editor):
    apps.get_model("programs", "Stage").objects.all().delete()
    apps.get_model("programs", "Program").objects.filter(code="tpbis", participations=None).delete()


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]
    operations = [migrations.RunPython(install, remove)]
