"""Downloads of the activity list and the record lists: the list's filters, the user's scope,
no private names, a fixed number of queries."""

import datetime

import pytest

from activities.models import ActivityKind, ReviewStatus
from tests.activities.factories import ActivityFactory
from tests.activities.records_factories import FACTORIES, PartnershipFactory, StoryFactory
from tests.perpus.test_export_view import column, download, export_url, read_export

RECORD_EXPORTS = {"partnership": "partnerships", "support": "support", "product": "products", "story": "stories"}


def listed_ids(client, url_name, query=""):
    """The ids of the records the list page itself shows for `query` (one page of 100)."""
    from django.urls import reverse

    response = client.get(reverse(f"activities:{url_name}") + f"?per_page=100&{query}")
    assert response.status_code == 200
    return sorted(record.pk for record in response.context["page_obj"].object_list)


@pytest.fixture
def mixed_activities(library, other_regency_library, outside_library, regency_library):
    """Activities in Balangan, Hulu Sungai Utara (both Kalimantan Selatan) and Bali."""
    return [
        ActivityFactory(library=library, kind=ActivityKind.TRAINING, title="Pelatihan menganyam",
                        start_date=datetime.date(2024, 2, 1), libraries=[regency_library]),
        ActivityFactory(library=library, kind=ActivityKind.COMMUNITY, title="Kelas membaca",
                        start_date=datetime.date(2024, 6, 1), status=ReviewStatus.VERIFIED),
        ActivityFactory(library=other_regency_library, kind=ActivityKind.TRAINING, title="Pelatihan TIK"),
        ActivityFactory(library=outside_library, kind=ActivityKind.TRAINING, title="Pelatihan di Bali"),
    ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "query",
    ["", "kind=training", "q=kelas", "date_from=2024-03-01", f"status={ReviewStatus.VERIFIED}"],
)
def test_activities_hold_exactly_the_filtered_rows_of_the_list(login, program_admin, mixed_activities, fmt, query):
    client = login(program_admin)
    rows = download(client, "activities", fmt, query)
    ids = sorted(int(pk) for pk in column(rows, "ID"))
    assert ids == listed_ids(client, "activity_list", query)
    assert len(rows) == 1 + len(ids)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "query, field",
    [
        ("date_from=garbage", "Dari"),
        ("kind=bogus", "Jenis"),
        ("date_from=2026-12-10&date_to=2026-12-01", "Sampai"),
        ("kind=training&region=63.11&province=99", "Provinsi"),
    ],
)
def test_activities_with_invalid_filters_are_refused(login, program_admin, mixed_activities, fmt, query, field):
    """`/exports/activities.csv?date_from=garbage` gave every row: the list leaves a bad filter
    out (and says so on the form), a download must not hold rows nobody asked for."""
    from django.urls import reverse

    client = login(program_admin)
    response = client.get(export_url("activities", fmt, query), HTTP_REFERER="http://testserver/activities/?" + query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Unduhan ditolak" in page and "tidak ada yang diunduh" in page
    assert f"<li>{field}: " in page
    # Back to the list the person came from, to correct the filters.
    assert 'href="http://testserver/activities/?' in page
    # Nothing written, nothing queued.
    from perpus.models import Export

    assert not Export.objects.exists()
    # The list itself names the same faulty field.
    listed = client.get(reverse("activities:activity_list") + "?" + query)
    assert listed.context["filter_form"].errors


@pytest.mark.parametrize("key", sorted(RECORD_EXPORTS))
def test_records_with_invalid_filters_are_refused(login, consultant, library, key):
    FACTORIES[key](library=library)
    client = login(consultant)
    for query in ("year=abc", "region=51", "status=bogus"):
        response = client.get(export_url(RECORD_EXPORTS[key], "csv", query))
        assert response.status_code == 400, query
        assert "Unduhan ditolak" in response.content.decode()
    # Valid filters behave as before.
    assert len(download(client, RECORD_EXPORTS[key], "csv", "year=&region=63.11")) == 2


def test_activity_row_shows_labels_places_and_other_libraries(login, program_admin, mixed_activities,
                                                               regency_library):
    rows = download(login(program_admin), "activities", "xlsx", "q=menganyam")
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1]))
    assert row["Jenis"] == "Pelatihan (bimtek)"
    assert row["Perpustakaan lain yang terlibat"] == regency_library.name
    assert row["Provinsi"] == "Kalimantan Selatan"
    assert row["Seluruh peserta"] == 25
    assert row["Tanggal mulai"] == datetime.datetime(2024, 2, 1)


def test_consultant_never_gets_another_province(login, consultant, mixed_activities):
    rows = download(login(consultant), "activities")
    titles = column(rows, "Judul")
    assert "Pelatihan di Bali" not in titles
    assert len(titles) == 3


def test_library_manager_gets_only_their_library(login, library_manager, library, mixed_activities):
    rows = download(login(library_manager), "activities", "xlsx")
    assert set(column(rows, "Perpustakaan atau dinas")) == {library.name}
    assert len(rows) == 3


def test_deleted_activities_are_left_out(login, program_admin, library):
    from django.utils import timezone

    ActivityFactory(library=library, title="Terhapus", deleted_at=timezone.now())
    ActivityFactory(library=library, title="Ada")
    assert column(download(login(program_admin), "activities"), "Judul") == ["Ada"]


def test_no_role_user_gets_no_row(login, no_role_user, mixed_activities):
    assert download(login(no_role_user), "activities") == [download(login(no_role_user), "activities")[0]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_queries_stay_the_same_as_rows_grow(login, program_admin, library, regency_library, fmt,
                                           django_assert_max_num_queries):
    client = login(program_admin)
    ActivityFactory(library=library, libraries=[regency_library])
    with django_assert_max_num_queries(6) as few:
        rows = read_export(client.get(export_url("activities", fmt)))
    assert len(rows) == 2
    ActivityFactory.create_batch(40, library=library, libraries=[regency_library])
    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = read_export(client.get(export_url("activities", fmt)))
    assert len(rows) == 42


@pytest.mark.parametrize("key", sorted(RECORD_EXPORTS))
def test_records_hold_exactly_the_filtered_rows_in_scope(login, consultant, library, outside_library, key):
    factory = FACTORIES[key]
    inside = factory.create_batch(2, library=library)
    verified = factory(library=library, status=ReviewStatus.VERIFIED)
    factory(library=outside_library)
    client = login(consultant)
    for query in ("", f"status={ReviewStatus.VERIFIED}", "region=63.11"):
        rows = download(client, RECORD_EXPORTS[key], "xlsx", query)
        ids = sorted(int(pk) for pk in column(rows, "ID"))
        assert ids == listed_ids(client, f"{key}_list", query)
    assert sorted(int(pk) for pk in column(download(client, RECORD_EXPORTS[key]), "ID")) == sorted(
        r.pk for r in [*inside, verified]
    )


def test_partnerships_say_whether_in_force(login, program_admin, library):
    PartnershipFactory(library=library, partner_name="SD Lama", valid_until=datetime.date(2023, 1, 1))
    PartnershipFactory(library=library, partner_name="SD Berlaku", valid_until=None)
    rows = download(login(program_admin), "partnerships", "csv", "")
    in_force = dict(zip(column(rows, "Mitra"), column(rows, "Berlaku hari ini")))
    assert in_force == {"SD Lama": "Tidak", "SD Berlaku": "Ya"}
    rows = download(login(program_admin), "partnerships", "csv", "active=on")
    assert column(rows, "Mitra") == ["SD Berlaku"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_story_tellers_names_are_never_exported(login, program_admin, library, fmt):
    StoryFactory(
        library=library, person_name="Siti Rahasia", consent_given=True, name_public=True,
        consent_date=datetime.date(2022, 9, 16),
    )
    response = login(program_admin).get(export_url("stories", fmt))
    rows = read_export(response)
    assert len(rows) == 2
    assert not any("Siti Rahasia" in str(cell) for row in rows for cell in row)


def test_list_pages_link_their_downloads_with_the_filters(login, program_admin, library):
    from django.urls import reverse

    client = login(program_admin)
    page = client.get(reverse("activities:activity_list") + "?kind=training").content.decode()
    assert export_url("activities", "csv", "kind=training") in page
    assert export_url("activities", "xlsx", "kind=training") in page
    page = client.get(reverse("activities:partnership_list") + "?year=2022").content.decode()
    assert export_url("partnerships", "xlsx", "year=2022") in page


def test_public_activity_list_has_no_download_links(client, library):
    from django.urls import reverse

    page = client.get(reverse("activities:activity_public_list")).content.decode()
    assert "/exports/" not in page
