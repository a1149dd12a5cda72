"""The public portal: readable URLs, province and regency pages, sitemap and robots.txt,
what visitors may not see, and the query budgets of the public pages."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import LibraryFactory, VillageFactory
from villages.models import Library, Province, Regency

from .factories import LibraryPhotoFactory, LibraryStatisticFactory

pytestmark = pytest.mark.django_db

JUAI_URL = "/perpustakaan/kalimantan-selatan/kabupaten-balangan/perpustakaan-desa-juai/"


def _private(library):
    library.manager_name = "Ibu Rahmawati"
    library.manager_phone = "081234567890"
    library.contact_email = "pengelola.juai@example.org"
    library.save()
    return library


# Slugs and readable URLs -------------------------------------------------------------


def test_slugs_are_made_from_the_names_and_stay_unique(library, kalsel, balangan):
    assert kalsel.slug == "kalimantan-selatan" and balangan.slug == "kabupaten-balangan"
    twin = LibraryFactory(village=VillageFactory(code="63.11.01.2002", name="Lain"), name="Perpustakaan Desa Juai")
    assert library.slug == "perpustakaan-desa-juai" and twin.slug == "perpustakaan-desa-juai-2"
    # A new name keeps the address people shared.
    library.name = "Perpustakaan Juai Baru"
    library.save()
    library.refresh_from_db()
    assert library.slug == "perpustakaan-desa-juai"


def test_the_data_migration_fills_unique_slugs(library):
    from importlib import import_module

    from django.apps import apps

    twin = LibraryFactory(village=VillageFactory(code="63.11.01.2002", name="Lain"), name="Perpustakaan Desa Juai")
    for row in Library.objects.all():
        Library.objects.filter(pk=row.pk).update(slug=f"tmp-{row.pk}")
    Province.objects.update(slug="")
    Regency.objects.update(slug="")
    import_module("villages.migrations.0005_public_slugs").fill_slugs(apps, None)
    assert list(Library.objects.order_by("pk").values_list("slug", flat=True)) == [
        "perpustakaan-desa-juai",
        "perpustakaan-desa-juai-2",
    ]
    assert twin.pk > library.pk
    assert Regency.objects.get(code="63.11").slug == "kabupaten-balangan"


def test_library_page_at_its_readable_url(client, library):
    assert library.get_absolute_url() == JUAI_URL
    response = client.get(JUAI_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1 class=\"h3\">Perpustakaan Desa Juai</h1>" in html
    # Breadcrumbs: nation, province, regency, village.
    assert 'href="/perpustakaan/kalimantan-selatan/"' in html
    assert 'href="/perpustakaan/kalimantan-selatan/kabupaten-balangan/"' in html


def test_old_numeric_url_redirects_permanently(client, library):
    response = client.get(f"/libraries/{library.pk}/")
    assert response.status_code == 301 and response["Location"] == JUAI_URL


def test_an_outdated_region_part_redirects_to_the_current_address(client, library):
    response = client.get("/perpustakaan/bali/kabupaten-badung/perpustakaan-desa-juai/?tab=1")
    assert response.status_code == 301 and response["Location"] == JUAI_URL + "?tab=1"


def test_province_library_url_has_no_regency(client, province_library):
    url = province_library.get_absolute_url()
    assert url == "/perpustakaan/kalimantan-selatan/provinsi/dispersip-kalimantan-selatan/"
    assert client.get(url).status_code == 200


def test_unpublished_library_is_404_for_visitors_and_shown_to_staff_in_scope(client, login, library, regency_staff):
    library.is_published = False
    library.save()
    assert client.get(f"/libraries/{library.pk}/").status_code == 404
    assert client.get(JUAI_URL).status_code == 404
    staff = login(regency_staff)
    assert staff.get(f"/libraries/{library.pk}/").status_code == 301
    assert staff.get(JUAI_URL).status_code == 200


def test_library_page_refuses_post(client, library):
    assert client.post(JUAI_URL).status_code == 405
    assert client.post(f"/libraries/{library.pk}/").status_code == 405


# What visitors see -------------------------------------------------------------------


def test_visitors_never_see_private_contact_staff_do(client, login, library, regency_staff):
    _private(library)
    for url in (JUAI_URL, "/perpustakaan/kalimantan-selatan/", "/perpustakaan/kalimantan-selatan/kabupaten-balangan/", "/"):
        html = client.get(url).content.decode()
        assert "081234567890" not in html and "pengelola.juai@example.org" not in html and "Rahmawati" not in html
    staff_html = login(regency_staff).get(JUAI_URL).content.decode()
    assert "081234567890" in staff_html and "pengelola.juai@example.org" in staff_html


def test_photos_without_consent_stay_off_the_page_and_the_preview(client, library):
    public = LibraryPhotoFactory(library=library, is_person_photo=False, alt_text="Rak buku")
    LibraryPhotoFactory(library=library, is_person_photo=True, consent_recorded=False, alt_text="Anak-anak membaca")
    html = client.get(JUAI_URL).content.decode()
    assert "Rak buku" in html and "Anak-anak membaca" not in html
    # Resized rendition with its size and lazy loading.
    assert f'src="{public.small_url}"' in html and 'loading="lazy"' in html
    assert f'width="{public.small_width}" height="{public.small_height}"' in html and public.small_width
    # The share preview: an absolute URL of the public photo.
    assert f'<meta property="og:image" content="http://testserver{public.large_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Perpustakaan Desa Juai">' in html


def test_visits_chart_is_server_drawn_svg(client, library):
    LibraryStatisticFactory(library=library, month=datetime.date(2024, 4, 1))
    html = client.get(JUAI_URL).content.decode()
    assert '<svg class="visits-chart"' in html and 'role="img"' in html
    assert "Chart.bundle" not in html and "chartkick" not in html


def test_province_and_regency_pages_list_published_libraries(client, library, other_regency_library, outside_library):
    hidden = LibraryFactory(village=VillageFactory(code="63.11.01.2003", name="Sembunyi"), name="Perpustakaan Tersembunyi", is_published=False)
    province = client.get("/perpustakaan/kalimantan-selatan/")
    assert province.status_code == 200
    html = province.content.decode()
    assert "Perpustakaan Desa Juai" in html and "Perpustakaan Desa Tetangga" in html
    assert "Perpustakaan Desa di Badung" not in html and hidden.name not in html
    # The regencies as a list under the map (no JavaScript needed), linking down.
    assert 'href="/perpustakaan/kalimantan-selatan/kabupaten-balangan/"' in html
    assert province.context["social"]["title"] == "Kalimantan Selatan"
    regency = client.get("/perpustakaan/kalimantan-selatan/kabupaten-balangan/").content.decode()
    assert "Perpustakaan Desa Juai" in regency and "Perpustakaan Desa Tetangga" not in regency
    assert f'href="{JUAI_URL}"' in regency
    assert 'aria-current="page">Kabupaten Balangan<' in regency


def test_unknown_region_is_404(client, library):
    assert client.get("/perpustakaan/atlantis/").status_code == 404
    assert client.get("/perpustakaan/kalimantan-selatan/kabupaten-atlantis/").status_code == 404
    assert client.get("/perpustakaan/kalimantan-selatan/kabupaten-balangan/tidak-ada/").status_code == 404


def test_regency_page_shows_stage_badges(client, library, default_ladder_stages):
    from programs.models import LibraryProgress

    stage = default_ladder_stages[0]
    LibraryProgress.objects.create(library=library, stage=stage, computed_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC), criteria={})
    html = client.get("/perpustakaan/kalimantan-selatan/kabupaten-balangan/").content.decode()
    assert 'data-testid="stage-badge">Rintisan<' in html


@pytest.fixture
def default_ladder_stages(db):
    from programs.models import Stage

    return list(Stage.objects.order_by("order"))


def _villages(n, start=10):
    for i in range(start, start + n):
        LibraryFactory(village=VillageFactory(code=f"63.11.01.2{i:03d}", name=f"Desa {i}"), name=f"Perpustakaan {i}",
                       latitude=-2.3, longitude=115.6)


@pytest.mark.parametrize("url", ["/", "/perpustakaan/kalimantan-selatan/", "/perpustakaan/kalimantan-selatan/kabupaten-balangan/"])
def test_place_pages_run_a_fixed_number_of_queries(client, library, url, django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _villages(25)
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert response.status_code == 200 and len(few) <= 16


def test_library_page_query_budget(client, library, django_assert_max_num_queries):
    from programs.services import recompute_progress

    for month in range(1, 13):
        LibraryStatisticFactory(library=library, month=datetime.date(2024, month, 1))
        LibraryPhotoFactory(library=library, is_person_photo=False)
    # As in production: the stored stage is up to date (programs recomputes it on each change).
    recompute_progress(library_ids=[library.pk])
    with django_assert_max_num_queries(14):
        response = client.get(JUAI_URL)
    assert response.status_code == 200 and len(response.context["photos"]) == 12
    with django_assert_max_num_queries(0):
        assert client.get(JUAI_URL)["X-Page-Cache"] == "hit"


# Sitemap and robots.txt --------------------------------------------------------------


def test_sitemap_lists_only_public_libraries_and_their_places(client, library, outside_library):
    outside_library.is_published = False
    outside_library.save()
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    body = index.content.decode()
    assert "sitemap-libraries.xml" in body and "sitemap-regencies.xml" in body
    libraries = client.get("/sitemap-libraries.xml").content.decode()
    assert f"http://testserver{JUAI_URL}" in libraries and "badung" not in libraries
    provinces = client.get("/sitemap-provinces.xml").content.decode()
    assert "/perpustakaan/kalimantan-selatan/" in provinces and "/perpustakaan/bali/" not in provinces
    regencies = client.get("/sitemap-regencies.xml").content.decode()
    assert "/perpustakaan/kalimantan-selatan/kabupaten-balangan/" in regencies


def test_robots_txt_closes_staff_areas_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    for path in ("/admin/", "/accounts/", "/start/"):
        assert f"Disallow: {path}" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /perpustakaan/" not in text


def test_pages_are_compressed(client, library):
    response = client.get(JUAI_URL, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_home_lists_provinces_without_javascript(client, library):
    html = client.get(reverse("home")).content.decode()
    # The map container is hidden until the script shows it; the list is always there.
    assert "data-public-map hidden" in html
    assert 'href="/perpustakaan/kalimantan-selatan/"' in html
    assert "leaflet.js" not in html.split("data-leaflet-js=")[0]


def test_map_zoom_buttons_are_titled_in_the_page_language(client, library):
    """Leaflet titled its zoom buttons "Zoom in"/"Zoom out" on Indonesian pages; the maps
    now carry the translated titles for public-map.js to give Leaflet."""
    from tests.languages import use_language

    for url in (reverse("home"), library.province.get_absolute_url(), library.regency.get_absolute_url()):
        html = client.get(url).content.decode()
        assert 'data-zoom-in="Perbesar" data-zoom-out="Perkecil"' in html, url
    html = use_language(client, "en").get(reverse("home")).content.decode()
    assert 'data-zoom-in="Zoom in" data-zoom-out="Zoom out"' in html
    script = (Path(__file__).resolve().parents[2] / "static" / "js" / "public-map.js").read_text()
    assert "zoomControl: false" in script and 'zoomInTitle: container.getAttribute("data-zoom-in")' in script


def test_library_page_says_how_many_criteria_of_the_next_stage_are_met(client, library):
    from programs.models import Stage

    first = Stage.objects.order_by("order").first()
    total = first.criteria.count()
    html = client.get(JUAI_URL).content.decode()
    assert f"0 dari {total} kriteria {first.name} terpenuhi" in html
