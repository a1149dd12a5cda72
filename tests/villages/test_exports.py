"""Downloads of the library list and of its libraries' monthly statistics."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import LibraryFactory
from tests.perpus.test_export_view import column, download, export_url, read_export
from tests.villages.factories import LibraryStatisticFactory


def listed_ids(client, query=""):
    """The ids of the libraries the list page itself shows for `query` (first page)."""
    response = client.get(reverse("villages:library_list") + f"?{query}")
    assert response.status_code == 200
    return sorted(library.pk for library in response.context["page_obj"].object_list)


@pytest.fixture
def libraries(library, regency_library, province_library, other_regency_library, outside_library):
    library.manager_phone = "0812 1111 2222"
    library.save()
    return [library, regency_library, province_library, other_regency_library, outside_library]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("query", ["", "q=juai", "region=63.11", "region=51", "q=Tetangga"])
def test_libraries_hold_exactly_the_filtered_rows_of_the_list(login, program_admin, libraries, fmt, query):
    client = login(program_admin)
    rows = download(client, "libraries", fmt, query)
    assert sorted(int(pk) for pk in column(rows, "ID")) == listed_ids(client, query)


@pytest.mark.parametrize("key", ["libraries", "statistics"])
def test_a_malformed_region_refuses_the_download(login, program_admin, libraries, key):
    """The list shows every region with a warning; its download is refused (it was all rows)."""
    client = login(program_admin)
    assert client.get(reverse("villages:library_list") + "?region=bogus").context["bad_region"]
    response = client.get(export_url(key, "xlsx", "region=bogus"))
    assert response.status_code == 400
    assert "Wilayah pada alamat bukan kode wilayah." in response.content.decode()


def test_consultant_gets_their_provinces_only_though_the_list_shows_published_others(
    login, consultant, libraries, outside_library
):
    client = login(consultant)
    assert outside_library.pk in listed_ids(client)
    ids = [int(pk) for pk in column(download(client, "libraries"), "ID")]
    assert outside_library.pk not in ids
    assert len(ids) == 4


def test_library_manager_gets_only_their_library_with_its_contact(login, library_manager, library, libraries):
    rows = download(login(library_manager), "libraries", "xlsx")
    assert column(rows, "ID") == [library.pk]
    row = dict(zip(rows[0], rows[1]))
    assert row["Telepon pengelola"] == "0812 1111 2222"
    assert row["Tingkat"] == str(library.get_level_display())


def test_choice_and_yes_no_cells_are_labels(login, program_admin, library):
    rows = download(login(program_admin), "libraries", "csv", "q=juai")
    row = dict(zip(rows[0], rows[1]))
    assert row["Dipublikasikan"] == "Ya"
    assert row["Akses internet"] in ("Ya", "Tidak")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_statistics_of_the_listed_libraries_in_scope(login, consultant, library, other_regency_library,
                                                      outside_library, fmt):
    LibraryStatisticFactory(library=library, month=datetime.date(2024, 5, 1))
    LibraryStatisticFactory(library=library, month=datetime.date(2024, 6, 1), visits_male=1, visits_female=2)
    LibraryStatisticFactory(library=other_regency_library)
    LibraryStatisticFactory(library=outside_library)
    client = login(consultant)
    rows = download(client, "statistics", fmt)
    assert sorted(column(rows, "Perpustakaan")) == sorted([library.name, library.name, other_regency_library.name])
    rows = download(client, "statistics", fmt, "q=juai")
    assert column(rows, "Perpustakaan") == [library.name, library.name]
    assert [int(v) for v in column(rows, "Semua kunjungan")] == [100, 3]


def test_queries_stay_the_same_as_rows_grow(login, program_admin, library, django_assert_max_num_queries):
    client = login(program_admin)
    LibraryStatisticFactory(library=library)
    with django_assert_max_num_queries(8) as few:
        assert len(read_export(client.get(export_url("statistics", "xlsx")))) == 2
        assert len(read_export(client.get(export_url("libraries", "xlsx")))) == 2
    for n in range(1, 13):
        LibraryStatisticFactory(library=LibraryFactory(village=library.village, name=f"Perpus {n}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(read_export(client.get(export_url("statistics", "xlsx")))) == 14
        assert len(read_export(client.get(export_url("libraries", "xlsx")))) == 14


def test_list_links_its_downloads_for_staff_only(client, login, program_admin, library):
    assert "/exports/" not in client.get(reverse("villages:library_list")).content.decode()
    page = login(program_admin).get(reverse("villages:library_list") + "?q=juai").content.decode()
    assert export_url("libraries", "csv", "q=juai") in page
    assert export_url("statistics", "xlsx", "q=juai") in page
