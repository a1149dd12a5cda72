"""Long XLSX downloads: written by a background task, listed for their owner only."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from activities.models import ActivityKind
from perpus import export_tasks
from perpus.models import Export
from tests.activities.factories import ActivityFactory

from tests.languages import use_language

from .test_export_view import column, export_url


@pytest.fixture
def small_limit(monkeypatch):
    """Lists of more than 2 rows go to the background."""
    monkeypatch.setattr(export_tasks, "INLINE_ROWS", 2)


@pytest.fixture
def activities(library, outside_library):
    mine = [ActivityFactory(library=library, title=f"Kelas {i}", kind=ActivityKind.TRAINING) for i in range(3)]
    ActivityFactory(library=outside_library, title="Di luar")
    return mine


def sheet_rows(response) -> list[tuple]:
    data = b"".join(response.streaming_content)
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [tuple(row) for row in workbook.active.iter_rows(values_only=True)]


def test_a_long_list_is_written_in_the_background_with_its_filters_and_scope(
    login, regency_staff, activities, small_limit, django_capture_on_commit_callbacks
):
    client = login(regency_staff)
    use_language(client, "en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(export_url("activities", "xlsx", "kind=training"))
    assert response.status_code == 302 and response["Location"] == reverse("export_list")
    export = Export.objects.get()
    assert (export.owner, export.key, export.query, export.language) == (regency_staff, "activities", "kind=training", "en")
    assert export.status == Export.Status.READY and export.rows == 3
    page = client.get(reverse("export_list")).content.decode()
    assert "3 rows" in page and reverse("export_file", args=[export.pk]) in page
    download = client.get(reverse("export_file", args=[export.pk]))
    assert download["Cache-Control"].startswith("private")
    assert 'filename="activities-' in download["Content-Disposition"]
    rows = sheet_rows(download)
    # In the person's language and scope: the outside library's activity is not there.
    assert sorted(column(rows, "Title")) == ["Kelas 0", "Kelas 1", "Kelas 2"]


def test_a_short_list_is_written_at_once(login, regency_staff, activities):
    response = login(regency_staff).get(export_url("activities", "xlsx", "q=Kelas 1"))
    assert response.status_code == 200 and not Export.objects.exists()


def test_csv_always_streams(login, regency_staff, activities, small_limit):
    response = login(regency_staff).get(export_url("activities", "csv"))
    assert response.status_code == 200 and response.streaming and not Export.objects.exists()


def test_only_the_owner_sees_and_downloads_the_file(
    login, regency_staff, program_admin, activities, small_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(regency_staff).get(export_url("activities", "xlsx"))
    export = Export.objects.get()
    other = login(program_admin)
    assert other.get(reverse("export_file", args=[export.pk])).status_code == 404
    assert reverse("export_file", args=[export.pk]) not in other.get(reverse("export_list")).content.decode()
    assert other.post(reverse("export_list")).status_code == 405


def test_anonymous_visitors_log_in(client):
    response = client.get(reverse("export_list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_waiting_download_reloads_its_page_and_is_not_downloadable(login, regency_staff, activities, small_limit):
    client = login(regency_staff)
    client.get(export_url("activities", "xlsx"))  # the commit never happens: it waits
    export = Export.objects.get()
    assert export.status == Export.Status.WAITING
    page = client.get(reverse("export_list")).content.decode()
    assert 'http-equiv="refresh"' in page
    assert client.get(reverse("export_file", args=[export.pk])).status_code == 404


def test_a_failed_export_says_so(login, regency_staff, monkeypatch):
    export = Export.objects.create(owner=regency_staff, key="gone", label="X", fmt="xlsx", language="id")
    export_tasks.build_export.call(export.pk)
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED and not export.file
    assert "Gagal" in login(regency_staff).get(reverse("export_list")).content.decode()


def test_old_downloads_are_pruned_with_their_files(
    login, regency_staff, activities, small_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(regency_staff).get(export_url("activities", "xlsx"))
    export = Export.objects.get()
    storage, name = export.file.storage, export.file.name
    assert storage.exists(name)
    Export.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert export_tasks.prune_exports() == 1
    assert not Export.objects.exists() and not storage.exists(name)
