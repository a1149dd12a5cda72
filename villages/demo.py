"""Demo places and libraries of the five seed stories (see shared/seeds).

The regions are real (Kemendagri codes); the village libraries are placed in
real villages of those regencies to tell the stories, and are marked as demo data
in their description.
"""

from django.core.management import call_command

from .models import Library, LibraryLevel, Province, Regency, Village

DEMO_PROVINCES = ["82", "53", "63", "51", "35"]

# (key, level, region code, name, npp, address, latitude, longitude)
LIBRARIES = [
    ("malut", LibraryLevel.PROVINCE, "82", "Dinas Perpustakaan dan Kearsipan Provinsi Maluku Utara", "", "Kantor Gubernur Maluku Utara, Sofifi", "0.7366", "127.5594"),
    ("ntt", LibraryLevel.PROVINCE, "53", "Dinas Kearsipan dan Perpustakaan Provinsi Nusa Tenggara Timur", "", "Jl. Jenderal Soeharto, Kota Kupang", "-10.1718", "123.6044"),
    ("alor", LibraryLevel.REGENCY, "53.05", "Dinas Kearsipan dan Perpustakaan Kabupaten Alor", "", "Kalabahi", "-8.2220", "124.5197"),
    ("sikka", LibraryLevel.REGENCY, "53.07", "Dinas Perpustakaan dan Kearsipan Kabupaten Sikka", "", "Maumere", "-8.6199", "122.2113"),
    ("balangan", LibraryLevel.REGENCY, "63.11", "Dinas Perpustakaan dan Kearsipan Kabupaten Balangan", "", "Paringin, Kabupaten Balangan", "-2.3340", "115.4650"),
    ("lampihong_kanan", LibraryLevel.VILLAGE, "63.11.05.2005", "Perpustakaan Desa Lampihong Kanan", "6311052005000001", "Desa Lampihong Kanan, Kecamatan Lampihong", "-2.3056", "115.3980"),
    ("balang", LibraryLevel.VILLAGE, "63.11.06.2005", "Perpustakaan Desa Balang", "", "Desa Balang, Kecamatan Paringin", "-2.3420", "115.4790"),
    ("badung", LibraryLevel.REGENCY, "51.03", "Dinas Kearsipan dan Perpustakaan Kabupaten Badung", "", "Puspem Badung, Mangupura", "-8.5806", "115.1774"),
    ("munggu", LibraryLevel.VILLAGE, "51.03.02.2001", "Perpustakaan Desa Munggu", "", "Desa Munggu, Kecamatan Mengwi", "-8.6198", "115.1280"),
    ("buduk", LibraryLevel.VILLAGE, "51.03.02.2002", "Perpustakaan Desa Buduk", "", "Desa Buduk, Kecamatan Mengwi", "-8.6060", "115.1560"),
    ("blitar", LibraryLevel.REGENCY, "35.05", "Dinas Perpustakaan dan Arsip Kabupaten Blitar", "", "Jl. Raya Kediri Blitar No. 912, Tugurante", "-8.0830", "112.1660"),
    ("sumberasri", LibraryLevel.VILLAGE, "35.05.09.2001", "Perpustakaan Desa Sumberasri", "", "Desa Sumberasri, Kecamatan Nglegok", "-8.0320", "112.2400"),
    ("kedawung", LibraryLevel.VILLAGE, "35.05.09.2002", "Perpustakaan Desa Kedawung", "", "Desa Kedawung, Kecamatan Nglegok", "-8.0450", "112.2250"),
    ("ngoran", LibraryLevel.VILLAGE, "35.05.09.2003", "Perpustakaan Desa Ngoran", "", "Desa Ngoran, Kecamatan Nglegok", "-8.0560", "112.2100"),
    ("dayu", LibraryLevel.VILLAGE, "35.05.09.2004", "Perpustakaan Desa Dayu", "", "Desa Dayu, Kecamatan Nglegok", "-8.0390", "112.2020"),
    ("penataran", LibraryLevel.VILLAGE, "35.05.09.2007", "Perpustakaan Desa Penataran", "", "Desa Penataran, Kecamatan Nglegok", "-8.0160", "112.2090"),
    ("tumpang", LibraryLevel.VILLAGE, "35.05.14.2001", "Perpustakaan Desa Tumpang", "", "Desa Tumpang, Kecamatan Talun", "-8.0960", "112.2650"),
]


def ensure_regions(stdout=None):
    """Import the demo provinces' regions if they are missing (bulk; a no-op when present)."""
    present = set(Village.objects.filter(province_id__in=DEMO_PROVINCES).values_list("province_id", flat=True).distinct())
    for code in DEMO_PROVINCES:
        if code not in present:
            call_command("import_regions", province=code, verbosity=0)


def seed(stdout=None) -> dict[str, Library]:
    """Create the demo libraries (idempotent); return them by key."""
    ensure_regions(stdout)
    libraries = {}
    for key, level, code, name, npp, address, lat, lng in LIBRARIES:
        region = {"province": None, "regency": None, "village": None}
        if level == LibraryLevel.VILLAGE:
            village = Village.objects.select_related("regency", "province").get(pk=code)
            region.update(village=village, regency=village.regency, province=village.province)
        elif level == LibraryLevel.REGENCY:
            regency = Regency.objects.select_related("province").get(pk=code)
            region.update(regency=regency, province=regency.province)
        else:
            region["province"] = Province.objects.get(pk=code)
        library, _ = Library.objects.get_or_create(
            name=name,
            defaults={
                "level": level,
                "npp": npp,
                "address": address,
                "latitude": lat,
                "longitude": lng,
                **region,
            },
        )
        libraries[key] = library
    return libraries


def get(key: str) -> Library:
    """Return the demo library with `key` (one query)."""
    name = next(item[3] for item in LIBRARIES if item[0] == key)
    return Library.objects.get(name=name)
