"""Profiles, opening hours and monthly statistics for the demo libraries (villages.demo).

`seed_profiles()` is idempotent: it sets the same values again and upserts the
statistics by month. The figures are plausible for village libraries (small
collections, a few hundred visits a month) and illustrative, not real data;
the contact details are invented and use reserved example domains.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from . import demo
from .models import Library, LibraryStatistic, OpeningHours
from .models.hours import minutes_between

WEEKDAYS = [0, 1, 2, 3, 4]
T = datetime.time

# key: (profile fields, opening hours {weekday: (opens, closes)})
PROFILES = {
    "lampihong_kanan": (
        {
            "description": "Perpustakaan desa yang menjadi ruang belajar warga: kelas menjahit, "
            "pelatihan olahan pangan dan pojok baca anak. (Data demo.)",
            "manager_name": "Siti Rahmah",
            "manager_phone": "0812-0000-0101",
            "contact_email": "perpusdes.lampihongkanan@example.org",
            "floor_area_m2": 64,
            "collection_titles": 1240,
            "collection_copies": 2870,
            "staff_count": 2,
            "computers_in_service": 3,
            "has_internet": True,
            "internet_kind": "mobile",
            "accreditation": "B",
            "facebook_url": "https://www.facebook.com/example-perpusdes-lampihong-kanan",
        },
        {**{d: (T(8), T(15)) for d in WEEKDAYS}, 5: (T(9), T(12))},
    ),
    "balang": (
        {
            "description": "Perpustakaan desa dengan layanan baca untuk anak sekolah. (Data demo.)",
            "manager_name": "Muhammad Rizal",
            "manager_phone": "0813-0000-0202",
            "floor_area_m2": 36,
            "collection_titles": 640,
            "collection_copies": 1100,
            "staff_count": 1,
            "computers_in_service": 1,
            "has_internet": False,
        },
        {d: (T(13), T(16)) for d in (0, 2, 4)},
    ),
    "munggu": (
        {
            "description": "Perpustakaan desa di Mengwi dengan kegiatan literasi untuk remaja. (Data demo.)",
            "manager_name": "Ni Made Sari",
            "floor_area_m2": 48,
            "collection_titles": 900,
            "collection_copies": 1500,
            "staff_count": 2,
            "computers_in_service": 2,
            "has_internet": True,
            "internet_kind": "fixed",
        },
        {d: (T(9), T(15)) for d in WEEKDAYS},
    ),
    "sumberasri": (
        {
            "description": "Perpustakaan desa binaan Dinas Perpustakaan dan Arsip Kabupaten Blitar; "
            "warga belajar kerajinan dan memasarkan produknya. (Data demo.)",
            "manager_name": "Sri Wahyuni",
            "manager_phone": "0857-0000-0303",
            "contact_email": "perpusdes.sumberasri@example.org",
            "floor_area_m2": 72,
            "collection_titles": 1580,
            "collection_copies": 3400,
            "staff_count": 3,
            "computers_in_service": 4,
            "has_internet": True,
            "internet_kind": "fixed",
            "accreditation": "A",
            "instagram_url": "https://www.instagram.com/example.perpusdes.sumberasri",
        },
        {**{d: (T(8), T(15)) for d in WEEKDAYS}, 5: (T(8), T(14))},
    ),
    "kedawung": (
        {"manager_name": "Agus Prasetyo", "floor_area_m2": 40, "collection_titles": 820,
         "collection_copies": 1300, "staff_count": 2, "computers_in_service": 2, "has_internet": True,
         "internet_kind": "mobile"},
        {d: (T(8), T(13)) for d in WEEKDAYS},
    ),
    "ngoran": (
        {"manager_name": "Dwi Lestari", "floor_area_m2": 30, "collection_titles": 560,
         "collection_copies": 900, "staff_count": 1, "computers_in_service": 1, "has_internet": False},
        {d: (T(9), T(12)) for d in (1, 3, 5)},
    ),
    "dayu": (
        {"manager_name": "Bambang Susilo", "floor_area_m2": 56, "collection_titles": 1010,
         "collection_copies": 2100, "staff_count": 2, "computers_in_service": 3, "has_internet": True,
         "internet_kind": "fixed", "accreditation": "C"},
        {d: (T(8), T(14)) for d in WEEKDAYS},
    ),
    "penataran": (
        {"manager_name": "Yuli Astuti", "floor_area_m2": 45, "collection_titles": 750,
         "collection_copies": 1400, "staff_count": 2, "computers_in_service": 2, "has_internet": True,
         "internet_kind": "mobile"},
        {d: (T(8), T(14)) for d in (0, 1, 2, 3, 5)},
    ),
    "tumpang": (
        {"manager_name": "Hadi Santoso", "floor_area_m2": 38, "collection_titles": 600,
         "collection_copies": 1000, "staff_count": 1, "computers_in_service": 1, "has_internet": False},
        {d: (T(13), T(17)) for d in (0, 2, 4)},
    ),
}

# key: (visits in the first month, growth per month, share of women and girls)
STATISTICS = {
    "lampihong_kanan": (260, 14, 0.58),
    "sumberasri": (340, 12, 0.55),
    "kedawung": (180, 8, 0.52),
    "ngoran": (90, 5, 0.50),
    "dayu": (210, 9, 0.56),
    "penataran": (230, 10, 0.54),
    "tumpang": (110, 4, 0.53),
}
MONTHS = 8


def _months(today: datetime.date, count: int) -> list[datetime.date]:
    """The `count` full months before `today`'s month, oldest first."""
    first = today.replace(day=1)
    months = []
    for _ in range(count):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        months.append(first)
    return list(reversed(months))


@transaction.atomic
def seed_profiles(today: datetime.date | None = None) -> list[Library]:
    """Fill the demo libraries' profiles, hours and recent statistics (idempotent); return them.

    Libraries of `villages.demo` that are missing are skipped.
    """
    today = today or datetime.date.today()
    libraries = {}
    for key in PROFILES:
        try:
            libraries[key] = demo.get(key)
        except Library.DoesNotExist:
            continue
    for key, library in libraries.items():
        fields, hours = PROFILES[key]
        for name, value in fields.items():
            setattr(library, name, value)
        library.save()
        OpeningHours.objects.filter(library=library).delete()
        OpeningHours.objects.bulk_create(
            OpeningHours(library=library, weekday=d, opens=o, closes=c, minutes=minutes_between(o, c))
            for d, (o, c) in hours.items()
        )
    for key, (base, growth, women) in STATISTICS.items():
        library = libraries.get(key)
        if library is None:
            continue
        members = base // 2
        for index, month in enumerate(_months(today, MONTHS)):
            # A dip in the fasting month and school holidays keeps the line believable.
            visits = base + growth * index - (25 if month.month in (3, 6) else 0)
            new_members = max(3, visits // 25)
            members += new_members
            LibraryStatistic.objects.update_or_create(
                library=library,
                month=month,
                defaults={
                    "visits_female": round(visits * women),
                    "visits_male": visits - round(visits * women),
                    "new_members": new_members,
                    "total_members": members,
                    "loans": round(visits * 0.6),
                },
            )
    return list(libraries.values())
