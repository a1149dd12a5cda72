"""perpus.exports: CSV and XLSX downloads that stream and never run a formula."""

import datetime
import io

import pytest
from django.http import Http404
from openpyxl import load_workbook

from perpus.exports import Column, export_response, neutralise

COLUMNS = [Column("Judul", lambda r: r[0]), Column("Peserta", lambda r: r[1]), Column("Tanggal", lambda r: r[2])]
ROWS = [
    ("=HYPERLINK(\"http://x\")", 12, datetime.date(2026, 5, 1)),
    ("+62 812", 0, None),
    ("-1 catatan", 3, datetime.date(2026, 5, 2)),
    ("@SUM(A1)", 1, None),
    ("Kelas anyaman purun", 25, datetime.date(2026, 5, 3)),
]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\t=1"])
def test_text_that_would_run_as_a_formula_is_quoted(value):
    assert neutralise(value) == "'" + value


def test_numbers_dates_and_plain_text_are_kept():
    assert neutralise(-5) == -5
    assert neutralise(datetime.date(2026, 1, 2)) == datetime.date(2026, 1, 2)
    assert neutralise("Desa Juai") == "Desa Juai"
    assert neutralise(None) == ""


def test_csv_streams_with_a_bom_and_neutralised_cells():
    response = export_response(iter(ROWS), COLUMNS, filename="Kegiatan", fmt="csv")
    assert response.streaming
    assert response["Content-Disposition"].startswith('attachment; filename="kegiatan-')
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffJudul,Peserta,Tanggal")
    assert "'=HYPERLINK" in text and "'+62 812" in text and "'@SUM" in text
    assert "Kelas anyaman purun,25,2026-05-03" in text


def test_xlsx_opens_in_openpyxl_with_exactly_the_rows():
    response = export_response(iter(ROWS), COLUMNS, filename="Kegiatan", fmt="xlsx")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Judul", "Peserta", "Tanggal")
    assert len(rows) == 1 + len(ROWS)
    assert rows[1][0].startswith("'=")
    assert rows[5] == ("Kelas anyaman purun", 25, datetime.datetime(2026, 5, 3))
    assert response["Cache-Control"] == "private, no-store"


def test_unknown_format_is_404():
    with pytest.raises(Http404):
        export_response(iter(ROWS), COLUMNS, filename="x", fmt="pdf")
