"""Demo activities: the seed stories (shared/seeds) as verified records, written through the services.

The three reported events keep their real dates, places and people. The two
Lampihong Kanan community activities are illustrative (their summary says so)
and dated in the last months, so the ladder's activity measures show something.
Idempotent: an activity with the same title and organiser is left as it is.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from villages import demo as villages_demo
from villages.models import Regency

from .models import Activity, ActivityKind, ActivityLevel, TrainingType
from .services import record_check, record_create, record_submit, record_verify


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _stories(today: datetime.date) -> list[dict]:
    return [
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
            "regions": list(Regency.objects.filter(province_id="82").values_list("pk", flat=True)),
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
            "regions": list(
                Regency.objects.filter(
                    pk__in=["53.05", "53.01", "53.07", "53.04", "53.18", "53.08", "53.03"]
                ).values_list("pk", flat=True)
            ),
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
            "start_date": today - datetime.timedelta(days=75),
            "end_date": today - datetime.timedelta(days=75),
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
            "start_date": today - datetime.timedelta(days=20),
            "end_date": today - datetime.timedelta(days=20),
            "venue": "SDN Lampihong Kanan",
            "summary": "Contoh untuk demo: kunjungan perpustakaan keliling dan membaca bersama.",
            "participants_male": 31,
            "participants_female": 34,
            "participants_children": 65,
            "regions": ["63.11"],
        },
    ]


def _publish(activity, author, reviewer, checker):
    record_submit(record=activity, user=author)
    if activity.needs_check:
        record_check(record=activity, user=checker)
    record_verify(record=activity, user=reviewer)


def seed(stdout=None) -> list[Activity]:
    """Create the demo activities and results as verified records (idempotent); return the activities."""
    from . import record_demo

    # Partnerships first: activities may carry them out (Balangan's mobile library visits).
    record_demo.seed(stdout)
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
        activity = record_create(
            record=Activity(library=library, **story),
            user=author,
            m2m={"libraries": libraries, "regions": regions},
        )
        _publish(activity, author, reviewer, checker)
        created.append(activity)
    if stdout is not None:
        stdout.write(f"Activities: {len(created)} seed stories ready.")
    return created
