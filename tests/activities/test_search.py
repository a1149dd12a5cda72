"""Public search (`/cari/`) and the activity list's search box: words in titles, venues,
kinds, descriptions and region names, with or without region prefixes, case and accent
insensitive; only public rows; a fixed number of queries. Runs on SQLite and PostgreSQL."""

import pytest
from django.db import connection
from django.urls import reverse

from activities.models import Activity, ActivityKind, ReviewStatus
from perpus.textsearch import normalise, query_words
from tests.factories import LibraryFactory, ProvinceFactory, RegencyFactory, VillageFactory, national_admin
from villages.models import Library, LibraryLevel
from villages.services import library_save

from .factories import ActivityFactory

SEARCH = reverse("search")
PUBLIC_LIST = reverse("activities:activity_public_list")


@pytest.fixture
def world(library, regency_library, outside_library):
    """Verified activities across places, and private ones that must never be found."""
    malut = ProvinceFactory(code="82", name="Maluku Utara", time_zone="Asia/Jayapura")
    malut_library = LibraryFactory(
        level=LibraryLevel.PROVINCE, village=None, regency=None, province=malut,
        name="Dinas Perpustakaan dan Kearsipan Provinsi Maluku Utara",
    )
    ntt = ProvinceFactory(code="53", name="Nusa Tenggara Timur", time_zone="Asia/Makassar")
    kupang = RegencyFactory(code="53.71", name="Kota Kupang", province=ntt)
    kupang_library = LibraryFactory(level=LibraryLevel.REGENCY, village=None, regency=kupang, name="Dinas Perpustakaan Kota Kupang")
    verified = dict(status=ReviewStatus.VERIFIED)
    rows = {
        "sofifi": ActivityFactory(
            library=malut_library, title="Sosialisasi TPBIS tingkat provinsi", kind=ActivityKind.SOCIALISATION,
            venue="Aula Kantor BPSDM, Sofifi", **verified,
        ),
        "kupang": ActivityFactory(library=kupang_library, title="Rapat koordinasi", kind=ActivityKind.COORDINATION, **verified),
        "plm": ActivityFactory(library=library, title="Belajar bersama", kind=ActivityKind.PEER_LEARNING, **verified),
        "accent": ActivityFactory(library=regency_library, title="Kelas kopi", summary="Résumé du café à Balangan", **verified),
        "badung": ActivityFactory(library=outside_library, title="Kelas tari", **verified),
        "draft": ActivityFactory(library=malut_library, title="Rencana Sofifi", venue="Sofifi"),
        "returned": ActivityFactory(library=malut_library, title="Sofifi kembali", status=ReviewStatus.RETURNED),
    }
    hidden = LibraryFactory(
        level=LibraryLevel.REGENCY, village=None, regency=kupang, name="Perpustakaan Rahasia Kupang", is_published=False,
    )
    rows["unpublished"] = ActivityFactory(library=hidden, title="Kegiatan Kupang tersembunyi", **verified)
    return rows


def titles(response, group):
    return {row.title if hasattr(row, "title") else row.name for row in response.context["groups"][group]["rows"]}


def test_normalise_drops_case_accents_and_punctuation():
    assert normalise("Résumé  du CAFÉ, Kab. Balangan!") == " resume du cafe kab balangan"
    assert query_words("Kab. BALANGAN") == ["balangan"]
    assert query_words("KABUPATEN Balangan") == ["balangan"]
    assert query_words("desa") == ["desa"]  # only a prefix: kept


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Sofifi", "sofifi"),  # venue
        ("sofifi", "sofifi"),
        ("Kupang", "kupang"),  # the organiser's regency name
        ("Kota Kupang", "kupang"),
        ("PLM", "plm"),  # the kind's label
        ("peer learning", "plm"),  # the kind's English label
        ("resume cafe", "accent"),  # accents on the record, none in the query
        ("RÉSUMÉ", "accent"),
    ],
)
def test_activities_found_by_venue_place_kind_and_text(client, world, query, expected):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert titles(response, "activities") == {world[expected].title}


@pytest.mark.parametrize("query", ["kab. balangan", "KABUPATEN BALANGAN", "Balangan", "kab balangan"])
def test_region_prefixes_do_not_matter(client, world, library, regency_library, query):
    response = client.get(SEARCH, {"q": query})
    assert titles(response, "libraries") == {library.name, regency_library.name}
    assert titles(response, "regencies") == {"Kabupaten Balangan"}
    # A place leads to its public page.
    assert 'href="/perpustakaan/kalimantan-selatan/kabupaten-balangan/"' in response.content.decode()
    # Activities of both Balangan libraries, not Badung's.
    assert titles(response, "activities") == {world["plm"].title, world["accent"].title}


def test_desa_prefix_finds_the_village_and_its_library(client, world, library):
    response = client.get(SEARCH, {"q": "desa juai"})
    assert titles(response, "villages") == {"Juai"}
    # (The factories put every village in a district called Juai: Badung's library matches too.)
    assert library.name in titles(response, "libraries")


def test_province_found(client, world):
    response = client.get(SEARCH, {"q": "provinsi maluku utara"})
    assert titles(response, "provinces") == {"Maluku Utara"}
    assert titles(response, "libraries") == {"Dinas Perpustakaan dan Kearsipan Provinsi Maluku Utara"}


def test_only_public_rows(client, world):
    sofifi = client.get(SEARCH, {"q": "sofifi"})
    assert titles(sofifi, "activities") == {world["sofifi"].title}  # not the draft, not the returned one
    kupang = client.get(SEARCH, {"q": "kupang"})
    assert "Perpustakaan Rahasia Kupang" not in titles(kupang, "libraries")
    assert world["unpublished"].title not in titles(kupang, "activities")
    body = kupang.content.decode()
    assert "Rahasia" not in body and "tersembunyi" not in body


def test_public_activity_list_searches_the_same_way(client, world):
    response = client.get(PUBLIC_LIST, {"q": "Sofifi"})
    assert [a.title for a in response.context["activities"]] == [world["sofifi"].title]
    response = client.get(PUBLIC_LIST, {"q": "PLM"})
    assert [a.title for a in response.context["activities"]] == [world["plm"].title]
    assert 'id="activity-q"' in response.content.decode()


def test_one_group_paged(client, world):
    for number in range(25):
        ActivityFactory(library=world["sofifi"].library, title=f"Pameran buku Sofifi {number}", status=ReviewStatus.VERIFIED)
    response = client.get(SEARCH, {"q": "sofifi", "in": "activities"})
    page = response.context["groups"]["activities"]["page"]
    assert page.paginator.count == 26
    assert len(response.context["groups"]["activities"]["rows"]) == 20
    assert client.get(SEARCH, {"q": "sofifi"}).context["groups"]["activities"]["more"] is True


def test_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    for number in range(15):
        ActivityFactory(library=world["sofifi"].library, title=f"Sofifi {number}", status=ReviewStatus.VERIFIED)
        LibraryFactory(level=LibraryLevel.REGENCY, village=None, regency=world["kupang"].library.regency, name=f"Taman baca Kupang {number}")
    with django_assert_max_num_queries(5):
        client.get(SEARCH, {"q": "sofifi"})
    with django_assert_max_num_queries(5):
        client.get(SEARCH, {"q": "kupang"})
    for group in ("places", "libraries", "activities"):
        with django_assert_max_num_queries(4):
            client.get(SEARCH, {"q": "kupang", "in": group})


@pytest.mark.parametrize("query", ["", "   ", "kab.", "%_", "a" * 500, "'\"):*&|!"])
def test_odd_queries_answer_cleanly(client, world, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200


def test_search_text_follows_renames(world, library):
    library.name = "Perpustakaan Desa Cahaya"
    library_save(library=library, opening_hours=[], user=national_admin(), expected_version=library.version)
    assert Library.objects.search("cahaya").get() == library
    assert set(Activity.objects.search("cahaya")) == {world["plm"]}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GIN index exists on PostgreSQL only")
def test_postgresql_matches_through_the_gin_indexes(world):
    """The query's expression is the index's: with sequential and plain index scans off (a
    tiny test table would be scanned, or walked through the date index), the planner can
    use `activity_search` and `library_search` in a bitmap scan."""
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        try:
            activities = Activity.objects.search("sofifi").explain()
            libraries = Library.objects.search("kupang").explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
            cursor.execute("SET enable_indexscan = on")
    assert "activity_search" in activities
    assert "library_search" in libraries


def test_rebuild_search_text_after_regions_are_renamed(world, library, balangan):
    """import_regions updates names in bulk (no save()): the command brings the texts up to date."""
    from io import StringIO

    from django.core.management import call_command

    from villages.models import Regency

    Regency.objects.filter(pk=balangan.pk).update(name="Kabupaten Balangan Baru Sekali")
    assert not Activity.objects.search("sekali").exists()
    out = StringIO()
    call_command("rebuild_search_text", stdout=out)
    assert "activities" in out.getvalue()
    assert set(Activity.objects.search("balangan sekali")) == {world["plm"], world["accent"]}
    assert library in Library.objects.search("kab. balangan baru sekali")
