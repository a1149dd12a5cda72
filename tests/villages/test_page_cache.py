"""The page cache of the public pages (perpus.pagecache): anonymous visitors get a stored page
until the data behind it changes; signed-in users always get a fresh one and store nothing."""

import datetime
import gzip

import pytest
from django.test import Client
from django.urls import reverse

from activities.models import ReviewStatus
from activities.services.records import record_create
from activities.services.workflow import record_verify
from perpus import pagecache
from tests.activities.factories import ActivityFactory
from tests.factories import national_admin
from villages import services

pytestmark = pytest.mark.django_db


def test_second_anonymous_view_is_a_hit_without_queries(client, library, django_assert_num_queries):
    url = library.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert "Cookie" in second["Vary"] and "public" in second["Cache-Control"]


def test_a_hit_is_sent_compressed_as_kept(client, library):
    url = library.get_absolute_url()
    first = client.get(url)
    hit = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert hit["X-Page-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in hit["Vary"] and "Cookie" in hit["Vary"]
    assert gzip.decompress(hit.content) == first.content
    # A client that takes no gzip gets the page itself.
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert plain.content == first.content


@pytest.mark.parametrize("url", ["/", "/perpustakaan/kalimantan-selatan/", "/perpustakaan/kalimantan-selatan/kabupaten-balangan/", "/sitemap.xml"])
def test_every_public_page_is_cached(client, library, url, django_assert_max_num_queries):
    client.get(url)
    with django_assert_max_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_languages_are_cached_apart(client, library):
    url = library.get_absolute_url()
    assert "Profil" in client.get(url).content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(url)
    assert english["X-Page-Cache"] == "miss" and "Profile" in english.content.decode()


def test_a_profile_edit_shows_at_once(client, library):
    url = library.get_absolute_url()
    client.get(url)
    library.description = "Kelas menjahit setiap Sabtu."
    services.library_save(library=library, opening_hours=[], user=national_admin(), expected_version=library.version)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss" and "Kelas menjahit setiap Sabtu." in response.content.decode()


def test_a_verified_activity_shows_at_once_on_home_region_and_library_pages(client, library, consultant):
    activity = ActivityFactory(library=library, status=ReviewStatus.CHECKED, title="Pelatihan anyaman purun")
    urls = [library.get_absolute_url(), "/", "/perpustakaan/kalimantan-selatan/"]
    for url in urls:
        assert "Pelatihan anyaman purun" not in client.get(url).content.decode()
    record_verify(record=activity, user=consultant)
    for url in urls:
        assert "Pelatihan anyaman purun" in client.get(url).content.decode(), url


def test_a_change_renews_its_library_and_the_places_above_but_not_a_library_far_away(client, library, outside_library):
    here, far = library.get_absolute_url(), outside_library.get_absolute_url()
    above = ["/", "/perpustakaan/kalimantan-selatan/", "/perpustakaan/kalimantan-selatan/kabupaten-balangan/"]
    for url in [here, far, *above]:
        client.get(url)
    services.library_statistic_save(library=library, month=datetime.date(2024, 5, 1), values={"loans": 3}, user=national_admin())
    for url in [here, *above]:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    assert client.get(far)["X-Page-Cache"] == "hit"


def test_a_draft_renews_no_kept_page(client, library, regency_staff):
    urls = [library.get_absolute_url(), "/", "/perpustakaan/kalimantan-selatan/"]
    for url in urls:
        client.get(url)
    for number in range(3):
        record_create(record=ActivityFactory.build(library=library, title=f"Rencana {number}"), user=regency_staff)
    assert [client.get(url)["X-Page-Cache"] for url in urls] == ["hit"] * 3


def test_a_page_is_built_from_what_its_key_holds(client, library):
    """A visitor's unread parameters are not written into the page everyone else is sent."""
    for url in ["/perpustakaan/kalimantan-selatan/", library.get_absolute_url(), "/"]:
        poisoned = client.get(url + '?q="x&utm_source=spam')
        assert "X-Page-Cache" not in poisoned  # sent to this visitor, never kept
        clean = client.get(url)
        assert clean["X-Page-Cache"] == "miss" and "utm_source" not in clean.content.decode()
        kept = client.get(url + "?utm_source=spam")
        assert kept["X-Page-Cache"] == "hit" and "utm_source" not in kept.content.decode()


def test_signed_in_users_get_fresh_pages_and_never_fill_the_cache(client, login, library, regency_staff):
    library.manager_phone = "081234567890"
    library.save()
    url = library.get_absolute_url()
    staff = login(regency_staff)
    first = staff.get(url)
    assert "081234567890" in first.content.decode()
    assert "private" in first["Cache-Control"] and "X-Page-Cache" not in first
    # The anonymous visitor after them gets a page rendered for visitors.
    anonymous = Client().get(url)
    assert anonymous["X-Page-Cache"] == "miss" and "081234567890" not in anonymous.content.decode()
    # And the staff user is not served the visitors' page.
    library.description = "Baru saja diubah."
    Client().get(url)
    assert "X-Page-Cache" not in staff.get(url)


def test_cached_pages_carry_no_csrf_token_and_the_language_switch_still_works(library):
    client = Client(enforce_csrf_checks=True)
    url = library.get_absolute_url()
    client.get(url)
    html = client.get(url).content.decode()
    assert "csrfmiddlewaretoken" not in html
    response = client.post(reverse("people:set_language"), {"language": "en", "next": url})
    assert response.status_code == 302 and response.cookies["django_language"].value == "en"


def test_a_page_with_a_message_is_not_cached(client, library):
    # A message waiting for one visitor must be shown to them and never stored for others.
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    storage = CookieStorage(HttpRequest())
    storage.add(constants.INFO, "Pesan untuk Anda")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    url = library.get_absolute_url()
    shown = client.get(url)
    assert "Pesan untuk Anda" in shown.content.decode() and "X-Page-Cache" not in shown
    assert "Pesan untuk Anda" not in Client().get(url).content.decode()


def test_hosts_are_cached_apart(client, library):
    url = library.get_absolute_url()
    client.get(url)
    other = client.get(url, HTTP_HOST="localhost")
    assert other["X-Page-Cache"] == "miss" and 'content="http://localhost' in other.content.decode()


def test_an_evicted_generation_never_meets_old_pages(client, library):
    from django.core.cache import cache

    url = library.get_absolute_url()
    client.get(url)
    old = pagecache.generations(pagecache.ALL)
    cache.delete(pagecache._generation_key(pagecache.ALL))
    pagecache.renew_all()
    assert int(pagecache.generations(pagecache.ALL)) > int(old) and client.get(url)["X-Page-Cache"] == "miss"


def test_unread_parameters_share_the_page_and_pages_do_not(client, library):
    url = library.get_absolute_url()
    client.get(url)
    assert client.get(url + "?fbclid=abc")["X-Page-Cache"] == "hit"
    assert client.get(url + "?x=1&y=2")["X-Page-Cache"] == "hit"
    regency = "/perpustakaan/kalimantan-selatan/kabupaten-balangan/"
    client.get(regency)
    assert client.get(regency + "?page=2")["X-Page-Cache"] == "miss"
