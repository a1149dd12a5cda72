"""Only public data: an anonymous visitor crawls every public page reachable from the home
page and the public lists (links within the site, up to 300 pages) and every file they link
to; no private value of a realistic dataset may appear anywhere."""

from __future__ import annotations

import datetime
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from activities.models import ReviewStatus
from activities.services import activity_document_add, activity_photo_add
from perpus.scopes import Role
from tests.factories import LibraryFactory, VillageFactory, make_user

from .factories import ActivityFactory
from .records_factories import PartnershipFactory, ProductFactory, StoryFactory
from .test_files import jpeg_with_gps, pdf

pytestmark = pytest.mark.django_db

#: Values that must never reach a visitor, by what they are.
PRIVATE = {
    "staff e-mail": "staf.rahasia@example.org",
    "staff phone": "0812-7777-0001",
    "manager e-mail": "kontak.rahasia@example.org",
    "manager phone": "0813-8888-0002",
    "manager name": "Pak Pengelola Rahasia",
    "participant in a story without name consent": "Siti Namanya Rahasia",
    "person of a story without consent": "Budi Tanpa Izin",
    "story without consent": "CERITA-TANPA-IZIN",
    "photo without consent": "FOTO-TANPA-IZIN",
    "attendance list": "DAFTAR-HADIR-RAHASIA",
    "draft activity": "KEGIATAN-DRAF-RAHASIA",
    "returned activity": "KEGIATAN-DIKEMBALIKAN",
    "return reason": "ALASAN-PENGEMBALIAN",
    "submitted activity": "KEGIATAN-MENUNGGU",
    "draft partnership": "MOU-DRAF-RAHASIA",
    "draft product": "PRODUK-DRAF-RAHASIA",
    "unpublished library": "Perpustakaan Tersembunyi Tetangga",
    "activity of an unpublished library": "KEGIATAN-PERPUS-TERSEMBUNYI",
    "deleted activity": "KEGIATAN-TERHAPUS",
}
#: Public values of the same records, which the crawl must meet.
PUBLIC = {
    "Kelas menjahit untuk ibu-ibu",
    "Peserta kelas, dengan izin",
    "Laporan kegiatan",
    "SD Negeri Juai",
    "Keripik pisang Juai",
    "Dari kelas menjahit ke usaha sendiri",
    "Rapat koordinasi PLM",
}
#: What the crawl does not follow: staff pages, language switch, admin, static assets.
SKIP = re.compile(r"^/(admin|accounts|i18n|static|start|exports)/")
LIMIT = 300


@pytest.fixture
def dataset(library, regency_library, other_regency_library, regency_staff, library_manager):
    """Public rows (verified, consented) beside every kind of private value."""
    regency_staff.email = PRIVATE["staff e-mail"]
    regency_staff.phone = PRIVATE["staff phone"]
    regency_staff.save()
    make_user(Role.CONSULTANT, email="konsultan.rahasia@example.org", phone="0811-0000-9999")
    library.manager_name = PRIVATE["manager name"]
    library.manager_phone = PRIVATE["manager phone"]
    library.contact_email = PRIVATE["manager e-mail"]
    library.save()
    other_regency_library.name = PRIVATE["unpublished library"]
    other_regency_library.is_published = False
    other_regency_library.save()

    verified = dict(status=ReviewStatus.VERIFIED, created_by=library_manager)
    public = ActivityFactory(
        library=library, title="Kelas menjahit untuk ibu-ibu", venue="Balai Desa Juai",
        summary="Dua puluh warga belajar menjahit.", libraries=[other_regency_library], created_by=library_manager,
    )
    activity_photo_add(
        activity=public, user=library_manager, upload=jpeg_with_gps((80, 60)),
        alt_text="Ruang baca perpustakaan", is_person_photo=False, consent_recorded=False,
    )
    activity_photo_add(
        activity=public, user=library_manager, upload=jpeg_with_gps((80, 60)),
        alt_text="Peserta kelas, dengan izin", is_person_photo=True, consent_recorded=True,
    )
    hidden_photo = activity_photo_add(
        activity=public, user=library_manager, upload=jpeg_with_gps((80, 60)),
        alt_text=PRIVATE["photo without consent"], is_person_photo=True, consent_recorded=False,
    )
    activity_document_add(
        activity=public, user=library_manager, upload=pdf("laporan.pdf"), title="Laporan kegiatan",
        kind="report", is_private=False,
    )
    attendance = activity_document_add(
        activity=public, user=library_manager, upload=pdf("hadir.pdf"), title=PRIVATE["attendance list"],
        kind="attendance", is_private=False,
    )
    public.status = ReviewStatus.VERIFIED
    public.save()
    ActivityFactory(library=regency_library, title="Rapat koordinasi PLM", **verified)
    ActivityFactory(library=library, title=PRIVATE["draft activity"], created_by=library_manager)
    ActivityFactory(library=library, title=PRIVATE["submitted activity"], status=ReviewStatus.SUBMITTED, created_by=library_manager)
    returned = ActivityFactory(library=library, title=PRIVATE["returned activity"], status=ReviewStatus.RETURNED, created_by=library_manager)
    returned.return_reason = PRIVATE["return reason"]
    returned.save()
    ActivityFactory(library=other_regency_library, title=PRIVATE["activity of an unpublished library"], **verified)
    deleted = ActivityFactory(library=library, title=PRIVATE["deleted activity"], **verified)
    deleted.deleted_at = datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    deleted.save()

    PartnershipFactory(library=library, partner_name="SD Negeri Juai", **verified)
    PartnershipFactory(library=library, title=PRIVATE["draft partnership"], created_by=library_manager)
    ProductFactory(library=library, name="Keripik pisang Juai", sales_url="https://toko.example.com/keripik", **verified)
    ProductFactory(library=library, name=PRIVATE["draft product"], created_by=library_manager)
    StoryFactory(
        library=library, title="Dari kelas menjahit ke usaha sendiri", person_name=PRIVATE["participant in a story without name consent"],
        consent_given=True, consent_date=datetime.date(2022, 9, 20), name_public=False, **verified,
    )
    StoryFactory(library=library, title=PRIVATE["story without consent"], person_name=PRIVATE["person of a story without consent"], **verified)
    return {"public": public, "hidden_photo": hidden_photo, "attendance": attendance}


def _links(html: str, base: str) -> list[str]:
    found = []
    for url in re.findall(r'(?:href|src)="([^"#]+)', html):
        url = urljoin(base, url.replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", errors="replace")


def test_no_private_value_on_any_public_page_or_file(client, dataset):
    starts = [
        "/",
        reverse("villages:library_list"),
        reverse("activities:activity_public_list"),
        reverse("activities:partnership_public_list"),
        reverse("activities:product_public_list"),
        reverse("activities:story_public_list"),
        reverse("search") + "?q=juai",
        reverse("search") + "?q=kabupaten+balangan",
        reverse("search") + "?q=rahasia",
        reverse("search") + "?q=tersembunyi",
    ]
    queue, seen, pages, leaks = deque(starts), set(starts), 0, []
    shown = set()  # public values the crawl did read, proof that it looked
    while queue and pages < LIMIT:
        url = queue.popleft()
        response = client.get(url)
        pages += 1
        assert response.status_code in (200, 301, 302, 404), f"{url} answered {response.status_code}"
        if response.status_code != 200:
            continue
        body = _body(response)
        leaks += [f"{what} on {url}" for what, value in PRIVATE.items() if value in body]
        shown |= {value for value in PUBLIC if value in body}
        if "text/html" not in response.get("Content-Type", ""):
            continue
        for link in _links(body, url):
            if link not in seen and not SKIP.match(link):
                seen.add(link)
                queue.append(link)
    assert not leaks, leaks
    assert shown == set(PUBLIC)
    crawled = seen
    # The crawl reached the public data and its files …
    assert reverse("activities:activity_detail", args=[dataset["public"].pk]) in crawled
    assert any("/photos/" in url and url.endswith(".jpg") for url in crawled)
    assert any("/documents/" in url for url in crawled)
    assert any("/public/partnerships/" in url and url.rstrip("/").split("/")[-1].isdigit() for url in crawled)
    # … and never found the private files, which visitors cannot open either.
    hidden = [
        reverse("activities:activity_photo_file", args=[dataset["hidden_photo"].pk, "small"]),
        reverse("activities:activity_photo_file", args=[dataset["hidden_photo"].pk, "large"]),
        reverse("activities:activity_document_file", args=[dataset["attendance"].pk]),
    ]
    assert not set(hidden) & crawled
    assert [client.get(url).status_code for url in hidden] == [302, 302, 302]
