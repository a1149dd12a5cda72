"""Demo data of the activities app from the seed stories (shared/seeds), as verified records.

Everything goes through the services (created, submitted, checked where needed,
verified), so each record has its history. Idempotent: a record with the same title
and library is left as it is.

* Activities: the three reported events keep their real dates, places and people; the
  two Lampihong Kanan community activities are illustrative (their summary says so) and
  dated in the last months, so the ladder's activity measures show something.
* Balangan (seed 002): on 22 April 2022 in Paringin the Dinas Perpustakaan dan Kearsipan
  signed agreements with schools (mobile library) and LKSA Al-Tamar, monitored by
  Perpusnas consultant Syaicho Aziz. The schools named are plausible examples.
* Blitar (seed 004): crafts and food of six villages shown at the Dinas showroom on
  3 December 2020 and sold online; the products named are examples, marked as such.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from villages import demo as villages_demo
from villages.models import Regency

from .models import (
    Activity,
    ActivityKind,
    ActivityLevel,
    BudgetSource,
    ImpactStory,
    PartnerType,
    Partnership,
    Product,
    ProductCategory,
    SupportKind,
    SupportRecord,
    TrainingType,
)
from .services import record_check, record_create, record_submit, record_verify


DEMO_NOTE = "Contoh demo."
MOU_DAY = datetime.date(2022, 4, 22)
SHOWROOM_DAY = datetime.date(2020, 12, 3)
MONITORED = "Penandatanganan dimonitor langsung oleh konsultan Perpustakaan Nasional RI, Syaicho Aziz."

SCHOOLS = [
    "TK Negeri Pembina Paringin",
    "SD Negeri Paringin 1",
    "SMP Negeri 1 Paringin",
    "SMA Negeri 1 Paringin",
]

# (library key, product name, group, category, price, income per month)
PRODUCTS = [
    ("sumberasri", "Anyaman bambu (tampah dan keranjang)", "Kelompok Perajin Bambu Sumberasri", ProductCategory.CRAFT, 35000, 1500000),
    ("sumberasri", "Keripik pisang", "Kelompok PKK Sumberasri", ProductCategory.FOOD, 15000, 900000),
    ("kedawung", "Batik tulis motif Blitar", "Kelompok Batik Kedawung", ProductCategory.FASHION, 175000, 2500000),
    ("ngoran", "Pernak-pernik manik-manik", "Kelompok Perempuan Kreatif Ngoran", ProductCategory.CRAFT, 20000, 750000),
    ("dayu", "Keripik singkong pedas", "Kelompok UMKM Dayu", ProductCategory.FOOD, 12000, 1200000),
    ("penataran", "Miniatur Candi Penataran dari kayu", "Kelompok Perajin Kayu Penataran", ProductCategory.CRAFT, 85000, 1800000),
    ("penataran", "Kopi bubuk lereng Kelud", "Kelompok Tani Penataran", ProductCategory.AGRICULTURE, 25000, 1000000),
    ("tumpang", "Kue kering aneka rasa", "Kelompok PKK Tumpang", ProductCategory.FOOD, 40000, 1300000),
]

PRODUCT_DESCRIPTION = (
    "Hasil kegiatan transformasi perpustakaan, dipajang di showroom Dinas Perpustakaan dan Arsip "
    "Kabupaten Blitar (Jl. Raya Kediri Blitar No. 912, Tugurante) dan dijual secara daring selama "
    "pandemi Covid-19. " + DEMO_NOTE + " Nama produk, harga dan pendapatan adalah contoh; berita "
    "3 Desember 2020 hanya menyebut kerajinan dan pernak-pernik dari 6 desa penerima manfaat."
)


def _create_and_publish(record, *, author, checker, verifier, m2m=None):
    """Create `record` (with its `m2m` choices) through the services, submit it, check it if
    needed and verify it; return it."""
    record = record_create(record=record, user=author, m2m=m2m)
    record = record_submit(record=record, user=author)
    if record.needs_check:
        record = record_check(record=record, user=checker)
    return record_verify(record=record, user=verifier)


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


PARTNERS = [
    (
        name,
        PartnerType.SCHOOL,
        "Nota kesepakatan layanan perpustakaan keliling",
        "Layanan perpustakaan keliling ke sekolah, dari tingkat TK hingga SLTA, bersama Dinas "
        "Pendidikan dan Kemenag. " + MONITORED + " " + DEMO_NOTE + " Nama sekolah adalah contoh; "
        "berita hanya menyebut sekolah tingkat TK hingga SLTA.",
    )
    for name in SCHOOLS
] + [
    (
        "LKSA Al-Tamar",
        PartnerType.LKSA,
        "Nota kesepakatan layanan perpustakaan pada LKSA Al-Tamar",
        "Layanan perpustakaan bagi anak-anak di Lembaga Kesejahteraan Sosial Anak (LKSA) "
        "Al-Tamar. " + MONITORED,
    )
]

SUPPORT_TITLE = "Alokasi Dana Desa untuk perpustakaan desa"
SUPPORT = {
    "kind": SupportKind.BUDGET,
    "budget_source": BudgetSource.DANA_DESA,
    "amount": 25_000_000,
    "notes": "Untuk buku, rak dan kegiatan pelibatan masyarakat. " + DEMO_NOTE + " Jumlahnya contoh.",
}

IMPACT_STORY_TITLE = "Dari buku resep ke usaha kue rumahan"
IMPACT_STORY = {
    "person_name": "Rusmini (nama contoh)",
    "person_description": "Ibu rumah tangga di Desa Lampihong Kanan",
    "story": (
        "Setelah ikut pelatihan membuat kue di perpustakaan desa dan meminjam buku resep, "
        "ia mulai menerima pesanan kue untuk acara kampung. Kini ia menjual kue setiap "
        "pekan dan mengajak dua tetangganya bekerja bersama.\n\n" + DEMO_NOTE
    ),
    "happened_on": datetime.date(2022, 9, 15),
    "consent_given": True,
    "consent_date": datetime.date(2022, 9, 15),
    "name_public": False,
}


def _seed_one(model, lookup: dict, fields: dict, **reviewers) -> int:
    """Create, submit, check and verify one `model` record of `lookup` and `fields` through
    the services, unless one matching `lookup` exists; return 1 if it was created, else 0.
    `reviewers` are the `author`, `checker` and `verifier`."""
    if model.objects.filter(**lookup).exists():
        return 0
    _create_and_publish(model(**lookup, **fields), **reviewers)
    return 1


def _seed_records(stdout=None) -> dict[str, int]:
    """Create the demo records as verified (idempotent); return how many of each were created."""
    User = get_user_model()
    staff = User.objects.get(username="staf_balangan")
    consultant = User.objects.get(username="konsultan")
    admin = User.objects.get(username="admin")
    by_staff = {"author": staff, "checker": staff, "verifier": consultant}
    balangan = villages_demo.get("balangan")
    lampihong = villages_demo.get("lampihong_kanan")
    # In this order: the records' ids and histories follow it.
    created = {
        "partnerships": sum(
            _seed_one(
                Partnership,
                {"library": balangan, "partner_name": name, "signed_on": MOU_DAY},
                {"title": title, "partner_type": kind, "scope": scope, "signed_at": "Paringin"},
                **by_staff,
            )
            for name, kind, title, scope in PARTNERS
        ),
        "products": sum(
            _seed_one(
                Product,
                {"library": villages_demo.get(key), "name": name},
                {
                    "group_name": group, "category": category, "description": PRODUCT_DESCRIPTION,
                    "price": price, "reported_on": SHOWROOM_DAY, "income": income,
                    "income_period": "month", "income_year": 2020,
                },
                author=admin, checker=admin, verifier=consultant,
            )
            for key, name, group, category, price, income in PRODUCTS
        ),
        "support": _seed_one(
            SupportRecord, {"library": lampihong, "title": SUPPORT_TITLE, "year": 2022}, SUPPORT, **by_staff
        ),
        "stories": _seed_one(
            ImpactStory,
            {"library": lampihong, "title": IMPACT_STORY_TITLE},
            {**IMPACT_STORY, "consent_recorded_by": staff},
            **by_staff,
        ),
    }
    _say(
        stdout,
        "Records: {partnerships} partnerships, {products} products, {support} support, {stories} stories created.".format(
            **created
        ),
    )
    return created


def _user(username):
    return get_user_model().objects.filter(username=username).first()


#: The seed stories as activities: the fields of each `Activity`, with the `key` of its library
#: (`villages.demo`), the username of its `author`, the keys of the other `libraries` involved
#: and its `regions` (regency codes; a province code stands for all its regencies). The two
#: illustrative Lampihong Kanan activities are dated `days_ago` (start and end) before today.
STORIES = (
    {
        "key": "malut",
        "author": "admin",
        "title": "Rapat Koordinasi Daerah Pengembangan Perpustakaan dan Kearsipan Provinsi Maluku Utara",
        "kind": ActivityKind.COORDINATION,
        "level": ActivityLevel.PROVINCE,
        "start_date": datetime.date(2019, 8, 13),
        "end_date": datetime.date(2019, 8, 14),
        "venue": "Aula Kantor Badan Pengembangan Sumber Daya Manusia (BPSDM), Sofifi",
        "speakers": (
            "Kepala Biro Perencanaan dan Hukum, Perpustakaan Nasional\n"
            "Kepala Biro Hubungan Masyarakat, Perpustakaan Nasional (Andre)"
        ),
        "summary": (
            "Rakor daerah yang dihadiri kepala dinas dan sekretaris dinas perpustakaan dan "
            "kearsipan dari 10 kabupaten/kota di Maluku Utara, dibuka oleh Asisten III mewakili "
            "Gubernur. Tujuannya menyinkronkan program pemerintah pusat dalam pengembangan "
            "perpustakaan dan membangun sinergi program daerah dalam Rencana Strategis dinas "
            "2019–2024, dengan konsep transformasi perpustakaan berbasis inklusi sosial: "
            "perpustakaan desa menjadi tempat kegiatan masyarakat yang meningkatkan ekonomi, "
            "misalnya pelatihan kerajinan yang hasilnya dapat dipasarkan."
        ),
        "outputs": "Sinkronisasi program perpustakaan daerah dengan Renstra dinas 2019–2024.",
        "regions": ["82"],
    },
    {
        "key": "ntt",
        "author": "staf_ntt",
        "title": "Peer Learning Meeting Provinsi Nusa Tenggara Timur",
        "kind": ActivityKind.PEER_LEARNING,
        "level": ActivityLevel.PROVINCE,
        "start_date": datetime.date(2019, 10, 16),
        "end_date": datetime.date(2019, 10, 18),
        "venue": "Hotel Swiss Belinn Kristal, Kota Kupang",
        "speakers": (
            "Nurhadi Saputra, S.Sos, M.Si — Kepala Bidang Pengembangan Perpustakaan Umum dan "
            "Khusus, Perpustakaan Nasional"
        ),
        "summary": (
            "Dibuka oleh Kepala Dinas Kearsipan dan Perpustakaan Daerah Provinsi NTT, Stefanus "
            "Ratoe Oedjoe. Peserta: staf perpustakaan provinsi, kabupaten dan desa yang "
            "menjalankan transformasi perpustakaan berbasis inklusi sosial. Tujuan: memfasilitasi "
            "belajar dan berbagi pengalaman antarperpustakaan, memotivasi peserta melaksanakan "
            "rencana kerja transformasi di tingkat kabupaten dan desa, dan memperkuat monitoring."
        ),
        "libraries": ["alor", "sikka"],
        "regions": ["53.05", "53.01", "53.07", "53.04", "53.18", "53.08", "53.03"],
    },
    {
        "key": "badung",
        "author": "admin",
        "title": (
            "Bimtek Strategi Pengembangan Perpustakaan Teknologi Informasi dan Komunikasi "
            "(SPP-TIK) bagi Pengelola Perpustakaan Desa di Kabupaten Badung"
        ),
        "kind": ActivityKind.TRAINING,
        "level": ActivityLevel.REGENCY,
        "start_date": datetime.date(2022, 7, 19),
        "end_date": datetime.date(2022, 7, 21),
        "venue": "Gedung Layanan Baca Sastra Mangutama, Puspem Badung",
        "summary": (
            "Diselenggarakan bersama Biro Organisasi Provinsi Bali. Dibuka oleh Pustakawan Ahli "
            "Utama Luh Putu Haryani mewakili Kepala Biro Organisasi, didampingi Kepala Dinas "
            "Kearsipan dan Perpustakaan Kabupaten Badung Ni Wayan Kristiani. Tujuan: meningkatkan "
            "pengetahuan pengelolaan dan pengembangan perpustakaan berbasis TIK di desa dan "
            "kelurahan, untuk kesejahteraan masyarakat."
        ),
        "training_type": TrainingType.SPPTIK,
        "training_method": "Andragogi: ceramah, diskusi dan praktik",
        "follow_up_plan": (
            "Peserta mempraktikkan hasil bimtek di perpustakaan desa masing-masing dan "
            "melanjutkannya dengan desa-desa lain."
        ),
        "libraries": ["munggu", "buduk"],
        "regions": ["51.03"],
    },
    {
        "key": "balangan",
        "author": "staf_balangan",
        "title": "Bimtek SPP-TIK bagi Pengelola Perpustakaan Desa di Kabupaten Balangan",
        "kind": ActivityKind.TRAINING,
        "level": ActivityLevel.REGENCY,
        "start_date": datetime.date(2022, 3, 8),
        "end_date": datetime.date(2022, 3, 10),
        "venue": "Aula Dinas Perpustakaan dan Kearsipan Kabupaten Balangan, Paringin",
        "summary": (
            "Contoh untuk demo: bimtek Strategi Pengembangan Perpustakaan dan TIK bagi "
            "pengelola perpustakaan desa penerima program TPBIS 2022, sebelum penandatanganan "
            "nota kesepakatan dengan sekolah dan LKSA Al-Tamar."
        ),
        "training_type": TrainingType.SPPTIK,
        "training_method": "Andragogi: ceramah, diskusi dan praktik",
        "training_hours": 24,
        "follow_up_plan": (
            "Setiap perpustakaan desa menyusun rencana kerja: kegiatan pelibatan masyarakat "
            "tiap bulan, layanan perpustakaan keliling ke sekolah, dan usulan Dana Desa."
        ),
        "participants_male": 3,
        "participants_female": 5,
        "participants_adults": 8,
        "libraries": ["lampihong_kanan", "balang"],
        "regions": ["63.11"],
    },
    {
        "key": "lampihong_kanan",
        "author": "pengelola_lampihong",
        "title": "Pelatihan menganyam purun untuk ibu-ibu PKK",
        "kind": ActivityKind.COMMUNITY,
        "level": ActivityLevel.VILLAGE,
        "days_ago": 75,
        "venue": "Perpustakaan Desa Lampihong Kanan",
        "summary": "Contoh untuk demo: pelatihan kerajinan anyaman purun dengan buku panduan perpustakaan.",
        "outputs": "40 tas dan tikar purun; 6 peserta mulai menjual secara daring.",
        "participants_male": 2,
        "participants_female": 23,
        "participants_adults": 19,
        "participants_umkm": 6,
        "funding_source": "dana_desa",
        "funding_amount": Decimal("1500000"),
        "regions": ["63.11"],
    },
    {
        "key": "lampihong_kanan",
        "author": "pengelola_lampihong",
        "title": "Perpustakaan keliling ke SDN Lampihong Kanan",
        "kind": ActivityKind.MOBILE_LIBRARY,
        "level": ActivityLevel.VILLAGE,
        "days_ago": 20,
        "venue": "SDN Lampihong Kanan",
        "summary": "Contoh untuk demo: kunjungan perpustakaan keliling dan membaca bersama.",
        "participants_male": 31,
        "participants_female": 34,
        "participants_children": 65,
        "regions": ["63.11"],
    },
)


def _stories(today: datetime.date) -> list[dict]:
    """`STORIES` as written on `today`: each a new dict, its `days_ago` turned into dates and
    its `regions` into the codes of regencies that exist (one query per story)."""
    stories = []
    for story in STORIES:
        story = dict(story)
        if "days_ago" in story:
            day = today - datetime.timedelta(days=story.pop("days_ago"))
            story["start_date"] = story["end_date"] = day
        codes = story.get("regions", [])
        provinces = [code for code in codes if "." not in code]
        story["regions"] = list(
            Regency.objects.filter(Q(pk__in=codes) | Q(province_id__in=provinces)).values_list(
                "pk", flat=True
            )
        )
        stories.append(story)
    return stories


def seed(stdout=None) -> list[Activity]:
    """Create the demo activities and results as verified records (idempotent); return the activities."""
    # Partnerships first: activities may carry them out (Balangan's mobile library visits).
    _seed_records(stdout)
    admin = _user("admin")
    reviewer = _user("konsultan") or admin
    checker = _user("staf_balangan") or admin
    if admin is None:
        return []
    created = []
    for story in _stories(timezone.localdate()):
        story = dict(story)
        library = villages_demo.get(story.pop("key"))
        author = _user(story.pop("author")) or admin
        libraries = [villages_demo.get(key).pk for key in story.pop("libraries", [])]
        regions = story.pop("regions", [])
        existing = Activity.objects.filter(title=story["title"], library=library).first()
        if existing is not None:
            created.append(existing)
            continue
        activity = Activity(library=library, **story)
        m2m = {"libraries": libraries, "regions": regions}
        created.append(_create_and_publish(activity, author=author, checker=checker, verifier=reviewer, m2m=m2m))
    _say(stdout, f"Activities: {len(created)} seed stories ready.")
    return created
