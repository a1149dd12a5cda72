"""Demo partnerships, products, support and an impact story from the seed stories.

* Balangan (seed 002): on Thursday 22 April 2022 in Paringin, the Dinas Perpustakaan
  dan Kearsipan signed agreements with schools from kindergarten to senior high
  (mobile library service) and with LKSA Al-Tamar (library service at the
  orphanage), monitored by Perpusnas consultant Syaicho Aziz.
* Blitar (seed 004): crafts and food from the six beneficiary villages, shown at
  the Dinas showroom (Jl. Raya Kediri Blitar No. 912) on 3 December 2020 and sold
  online during the pandemic.

The story names no school and no product: those below are plausible examples,
marked as such. Every record goes through the services (created, submitted,
checked where needed, verified), so its history is complete. Idempotent.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from villages import demo as village_demo

from .models import (
    BudgetSource,
    ImpactStory,
    PartnerType,
    Partnership,
    Product,
    ProductCategory,
    SupportKind,
    SupportRecord,
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


def _publish(record, *, author, checker, verifier):
    """Create `record` through the services, submit it, check it if needed and verify it."""
    record = record_create(record=record, user=author)
    record = record_submit(record=record, user=author)
    if record.needs_check:
        record = record_check(record=record, user=checker)
    return record_verify(record=record, user=verifier)


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def seed(stdout=None) -> dict[str, int]:
    """Create the demo records as verified (idempotent); return how many of each were created."""
    User = get_user_model()
    staff = User.objects.get(username="staf_balangan")
    consultant = User.objects.get(username="konsultan")
    admin = User.objects.get(username="admin")
    created = {"partnerships": 0, "products": 0, "support": 0, "stories": 0}

    balangan = village_demo.get("balangan")
    partners = [
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
    for name, partner_type, title, scope in partners:
        if Partnership.objects.filter(library=balangan, partner_name=name, signed_on=MOU_DAY).exists():
            continue
        _publish(
            Partnership(
                library=balangan,
                title=title,
                partner_name=name,
                partner_type=partner_type,
                scope=scope,
                signed_on=MOU_DAY,
                signed_at="Paringin",
            ),
            author=staff,
            checker=staff,
            verifier=consultant,
        )
        created["partnerships"] += 1

    for key, name, group, category, price, income in PRODUCTS:
        library = village_demo.get(key)
        if Product.objects.filter(library=library, name=name).exists():
            continue
        _publish(
            Product(
                library=library,
                name=name,
                group_name=group,
                category=category,
                description=PRODUCT_DESCRIPTION,
                price=price,
                reported_on=SHOWROOM_DAY,
                income=income,
                income_period="month",
                income_year=2020,
            ),
            author=admin,
            checker=admin,
            verifier=consultant,
        )
        created["products"] += 1

    lampihong = village_demo.get("lampihong_kanan")
    support_title = "Alokasi Dana Desa untuk perpustakaan desa"
    if not SupportRecord.objects.filter(library=lampihong, title=support_title, year=2022).exists():
        _publish(
            SupportRecord(
                library=lampihong,
                kind=SupportKind.BUDGET,
                title=support_title,
                year=2022,
                budget_source=BudgetSource.DANA_DESA,
                amount=25_000_000,
                notes="Untuk buku, rak dan kegiatan pelibatan masyarakat. " + DEMO_NOTE + " Jumlahnya contoh.",
            ),
            author=staff,
            checker=staff,
            verifier=consultant,
        )
        created["support"] += 1

    story_title = "Dari buku resep ke usaha kue rumahan"
    if not ImpactStory.objects.filter(library=lampihong, title=story_title).exists():
        _publish(
            ImpactStory(
                library=lampihong,
                title=story_title,
                person_name="Rusmini (nama contoh)",
                person_description="Ibu rumah tangga di Desa Lampihong Kanan",
                story=(
                    "Setelah ikut pelatihan membuat kue di perpustakaan desa dan meminjam buku resep, "
                    "ia mulai menerima pesanan kue untuk acara kampung. Kini ia menjual kue setiap "
                    "pekan dan mengajak dua tetangganya bekerja bersama.\n\n" + DEMO_NOTE
                ),
                happened_on=datetime.date(2022, 9, 15),
                consent_given=True,
                consent_date=datetime.date(2022, 9, 15),
                name_public=False,
                consent_recorded_by=staff,
            ),
            author=staff,
            checker=staff,
            verifier=consultant,
        )
        created["stories"] += 1

    _say(
        stdout,
        "Records: {partnerships} partnerships, {products} products, {support} support, {stories} stories created.".format(
            **created
        ),
    )
    return created
