"""What the national dataset is made of: sizes, places, titles (no query)."""

import datetime

from activities.models import ActivityKind

MARK = "SC-"
LIBRARIES = 12_000
ACTIVITIES = 1_000_000
YEARS = 5
BATCH = 5_000

#: Rough centre (latitude, longitude) of each province, so maps have something to show.
PROVINCE_CENTRES = {
    "11": (4.2, 96.9), "12": (2.1, 99.5), "13": (-0.7, 100.8), "14": (0.5, 101.7),
    "15": (-1.6, 103.0), "16": (-3.3, 104.2), "17": (-3.8, 102.3), "18": (-4.6, 105.2),
    "19": (-2.7, 106.4), "21": (3.9, 108.1), "31": (-6.2, 106.8), "32": (-6.9, 107.6),
    "33": (-7.2, 110.1), "34": (-7.8, 110.4), "35": (-7.5, 112.2), "36": (-6.4, 106.1),
    "51": (-8.4, 115.2), "52": (-8.6, 117.4), "53": (-8.7, 121.1), "61": (0.0, 111.5),
    "62": (-1.7, 113.4), "63": (-3.1, 115.3), "64": (0.5, 116.4), "65": (3.1, 116.0),
    "71": (1.0, 124.5), "72": (-1.4, 121.4), "73": (-3.7, 120.0), "74": (-4.1, 122.2),
    "75": (0.7, 122.5), "76": (-2.8, 119.2), "81": (-3.2, 129.5), "82": (1.6, 127.8),
    "91": (-1.3, 132.4), "92": (-1.3, 132.9), "93": (-6.1, 140.3), "94": (-4.0, 136.3),
    "95": (-4.5, 138.8), "96": (-1.1, 132.2),
}

ACTIVITY_TITLES = {
    ActivityKind.COMMUNITY: [
        "Kelas membuat anyaman purun", "Pelatihan mengolah keripik pisang", "Kelas literasi anak",
        "Belajar membatik bersama ibu PKK", "Pelatihan pemasaran daring UMKM",
        "Kelas komputer untuk remaja", "Budidaya ikan lele dalam ember", "Mendongeng untuk anak",
    ],
    ActivityKind.MOBILE_LIBRARY: ["Perpustakaan keliling ke dusun", "Pojok baca di posyandu"],
    ActivityKind.TRAINING: ["Bimtek SPP-TIK", "Bimtek pengelolaan perpustakaan desa"],
    ActivityKind.PEER_LEARNING: ["Pertemuan PLM pengelola perpustakaan"],
    ActivityKind.COORDINATION: ["Rapat koordinasi TPBIS"],
    ActivityKind.STAKEHOLDER: ["Pertemuan pemangku kepentingan desa"],
    ActivityKind.SOCIALISATION: ["Sosialisasi program TPBIS"],
    ActivityKind.ADVOCACY: ["Audiensi dengan kepala desa"],
}
#: How often each kind happens (community activities are most of the work).
KIND_WEIGHTS = {
    ActivityKind.COMMUNITY: 70, ActivityKind.MOBILE_LIBRARY: 10, ActivityKind.TRAINING: 6,
    ActivityKind.PEER_LEARNING: 4, ActivityKind.COORDINATION: 3, ActivityKind.STAKEHOLDER: 3,
    ActivityKind.SOCIALISATION: 2, ActivityKind.ADVOCACY: 2,
}


def months_before(day: datetime.date, count: int) -> list[datetime.date]:
    """The first days of the `count` months before `day`'s, newest first (no query)."""
    months = []
    first = day.replace(day=1)
    for _ in range(count):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
        months.append(first)
    return months
