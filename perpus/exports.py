"""Tables as CSV or XLSX downloads, streamed so a large export never sits in memory.

`export_response(rows, columns, filename=..., fmt="csv" | "xlsx")` answers with the
file. `rows` is any iterable (use `queryset.values_list(...).iterator(chunk_size=…)`
for big querysets, so rows are read from the database in chunks); `columns` is a
list of `Column(header, getter)` where `getter(row)` returns the cell's value.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula
("CSV injection"); every text cell that does is prefixed with an apostrophe, so it
shows as typed and never runs. Numbers and dates stay numbers and dates.

CSV is written as UTF-8 with a byte-order mark, which Excel needs to show Indonesian
names right. XLSX uses openpyxl's write-only mode, which keeps only the current row
in memory and writes the sheet to a temporary file that is then streamed.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import slugify

FORMATS = ("csv", "xlsx")
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    header: str
    getter: Callable


def neutralise(value):
    """Return `value` safe for a spreadsheet cell: text that would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, decimal.Decimal)):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    text = force_str(value)
    if text.startswith(DANGEROUS_STARTS):
        return "'" + text
    return text


def _cells(row, columns) -> list:
    return [neutralise(column.getter(row)) for column in columns]


class _Echo:
    """A file-like object whose `write` returns what it was given (for csv.writer)."""

    def write(self, value):
        return value


def _csv_stream(rows: Iterable, columns: list[Column]):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([force_str(c.header) for c in columns])
    for row in rows:
        yield writer.writerow(_cells(row, columns))


def xlsx_file(rows: Iterable, columns: list[Column], title: str):
    """The rows as an XLSX workbook in a temporary file, rewound (no query beyond the rows)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Data")
    sheet.append([force_str(c.header) for c in columns])
    for row in rows:
        sheet.append(_cells(row, columns))
    handle = tempfile.TemporaryFile(suffix=".xlsx")
    workbook.save(handle)
    handle.seek(0)
    return handle


def export_filename(name: str, fmt: str) -> str:
    """`<slug>-<date>.<fmt>`, e.g. `kegiatan-2026-11-22.xlsx` (no query)."""
    return f"{slugify(name) or 'export'}-{timezone.localdate():%Y-%m-%d}.{fmt}"


def export_response(rows: Iterable, columns: list[Column], *, filename: str, fmt: str):
    """A download of `rows` as CSV (streamed) or XLSX (written to a temporary file, streamed).

    Raises Http404 for an unknown format. Queries: whatever iterating `rows` runs.
    """
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_stream(rows, columns), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export_filename(filename, "csv")}"'
    elif fmt == "xlsx":
        response = FileResponse(
            xlsx_file(rows, columns, force_str(filename)),
            as_attachment=True,
            filename=export_filename(filename, "xlsx"),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    # Exports hold data of the user's scope: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
