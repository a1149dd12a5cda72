"""The one download view `/exports/<key>.<csv|xlsx>` and the export registry's helpers."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activities.models import ActivityKind
from perpus.export_registry import (
    Value,
    export_keys,
    get_export,
    joined_names,
    model_column,
    value_paths,
)
from tests.activities.factories import ActivityFactory

#: Every list page of #8 part 5 has its download.
LIST_EXPORTS = {
    "libraries", "statistics", "activities", "partnerships", "support", "products", "stories",
    "assessments", "visits", "cohorts",
}


def export_url(key: str, fmt: str = "csv", query: str = "") -> str:
    return reverse("export", args=[key, fmt]) + (f"?{query}" if query else "")


def read_export(response) -> list[tuple]:
    """The rows (header first) of a CSV or XLSX download, as tuples of cells."""
    assert response.status_code == 200, response.status_code
    data = b"".join(response.streaming_content)
    if response["Content-Type"].startswith("text/csv"):
        text = data.decode("utf-8-sig")
        return [tuple(row) for row in csv.reader(io.StringIO(text))]
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return [tuple("" if v is None else v for v in row) for row in workbook.active.iter_rows(values_only=True)]


def download(client, key: str, fmt: str = "csv", query: str = "") -> list[tuple]:
    """GET the download of list `key` and return its rows, header first."""
    return read_export(client.get(export_url(key, fmt, query)))


def column(rows: list[tuple], header: str) -> list:
    """The cells under `header` (data rows only)."""
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


def test_every_list_is_registered():
    assert LIST_EXPORTS <= set(export_keys())


def test_anonymous_visitors_log_in(client, library):
    response = client.get(export_url("activities"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("path", ["/exports/nothing.csv", "/exports/activities.pdf", "/exports/activities"])
def test_unknown_key_or_format_is_404(login, program_admin, path):
    assert login(program_admin).get(path).status_code == 404


def test_post_is_refused(login, program_admin):
    assert login(program_admin).post(export_url("activities")).status_code == 405


def test_headers_are_indonesian_by_default_and_english_when_chosen(login, program_admin, library):
    ActivityFactory(library=library, kind=ActivityKind.TRAINING)
    client = login(program_admin)
    rows = download(client, "activities")
    assert "Judul" in rows[0][:5] or "judul" in [h.lower() for h in rows[0]]
    assert column(rows, "Jenis") == ["Pelatihan (bimtek)"]
    # A signed-in person's saved language wins over the switch's cookie.
    program_admin.language = "en"
    program_admin.save(update_fields=["language"])
    rows = download(client, "activities", "xlsx")
    assert "Title" in rows[0]
    assert column(rows, "Kind") == ["Training (bimtek)"]


def test_invalid_filters_are_refused_in_the_persons_language(login, program_admin, library):
    ActivityFactory(library=library)
    client = login(program_admin)
    program_admin.language = "en"
    program_admin.save()
    response = client.get(export_url("activities", "csv", "date_from=garbage"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Download refused" in page
    assert "The filters of the list “Activities” are not valid, so nothing was downloaded." in page
    assert "<li>From: Enter a valid date.</li>" in page
    # Without a page of ours to go back to, the way to the start page.
    assert f'href="{reverse("start")}"' in page


def test_invalid_filters_link_back_only_to_our_own_pages(login, program_admin):
    client = login(program_admin)
    response = client.get(export_url("activities", "csv", "kind=bogus"), HTTP_REFERER="https://evil.example/")
    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


def test_invalid_filters_never_start_a_background_export(login, program_admin, library, monkeypatch):
    from perpus import export_tasks
    from perpus.models import Export

    monkeypatch.setattr(export_tasks, "INLINE_ROWS", 0)
    ActivityFactory(library=library)
    client = login(program_admin)
    assert client.get(export_url("activities", "xlsx", "date_from=garbage")).status_code == 400
    assert not Export.objects.exists()
    # A valid filter still goes to the background as before.
    assert client.get(export_url("activities", "xlsx", "date_from=2000-01-01")).status_code == 302


def test_check_filters_names_each_faulty_field():
    from django import forms

    from perpus.export_registry import InvalidFilters, check_filters, form_errors

    class Filters(forms.Form):
        day = forms.DateField(label="Day", required=False)
        count = forms.IntegerField(required=False)

    assert form_errors(Filters()) == []
    assert check_filters(Filters({"day": "2026-01-01"})).is_valid()
    with pytest.raises(InvalidFilters) as refused:
        check_filters(Filters({"day": "x", "count": "y"}))
    assert refused.value.errors == ["Day: Masukkan tanggal yang valid.", "Count: Masukkan keseluruhan angka bilangan."]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_text_is_neutralised_end_to_end(login, program_admin, library, fmt):
    ActivityFactory(library=library, title='=HYPERLINK("http://evil.example","klik")', venue="@SUM(A1)")
    ActivityFactory(library=library, title="+62 812 5555", venue="-2+3")
    rows = download(login(program_admin), "activities", fmt)
    titles = column(rows, "Judul")
    assert sorted(titles) == sorted(["'=HYPERLINK(\"http://evil.example\",\"klik\")", "'+62 812 5555"])
    assert sorted(column(rows, "Tempat")) == ["'-2+3", "'@SUM(A1)"]


def test_download_is_private_and_named_by_the_list(login, program_admin):
    response = login(program_admin).get(export_url("activities", "xlsx"))
    assert response["Cache-Control"] == "private, no-store"
    assert 'filename="kegiatan-' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.xlsx"')


def test_value_shows_choice_labels_and_yes_no(settings):
    kind = Value("kind", choices=ActivityKind)
    assert kind({"kind": "training"}) == "Pelatihan (bimtek)"
    assert kind({"kind": ""}) == ""
    flag = Value("ok", yes_no=True)
    assert (flag({"ok": True}), flag({"ok": False}), flag({"ok": None})) == ("Ya", "Tidak", None)


def test_model_column_reads_verbose_names_and_choices():
    from activities.models import Activity

    columns = [model_column(Activity, "kind"), model_column(Activity, "library__name", "Perpustakaan")]
    assert str(columns[0].header) == "Jenis"
    assert columns[0].getter({"kind": "community"}) == "Kegiatan pelibatan masyarakat"
    assert value_paths(columns) == ["kind", "library__name"]


def test_joined_names_lists_related_names_in_one_query(library, other_regency_library, regency_library,
                                                       django_assert_num_queries):
    from activities.models import Activity

    with_two = ActivityFactory(library=library, libraries=[other_regency_library, regency_library])
    alone = ActivityFactory(library=library)
    qs = Activity.objects.annotate(
        names=joined_names(Activity.libraries.through.objects, link="activity_id", name="library__name")
    ).values_list("pk", "names")
    with django_assert_num_queries(1):
        names = dict(qs)
    assert names[alone.pk] is None
    assert sorted(names[with_two.pk].split("; ")) == sorted([other_regency_library.name, regency_library.name])


def test_definitions_name_their_download():
    definition = get_export("activities")
    assert str(definition.label) and str(definition.filename)
