"""Large spreadsheet downloads, written by a background task instead of in the request.

An XLSX of a hundred thousand rows takes minutes to write (openpyxl, about a
millisecond a row), longer than a web server lets a request run. `start_export` saves
an `Export` for the person and queues `build_export`, which rebuilds the list's rows
as the person filtered them, in their scope and language, and stores the file; the
downloads page (`/exports/`) lists it. With the immediate task backend (`make run`,
tests) the file is written at once; in production `manage.py db_worker` writes it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.http import HttpRequest, QueryDict
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django_tasks import task

from .export_registry import ExportDefinition, get_export
from .exports import Column, export_filename, xlsx_file
from .models import Export

logger = logging.getLogger(__name__)

#: An XLSX with more rows than this is written in the background (CSV always streams).
INLINE_ROWS = getattr(settings, "EXPORT_INLINE_ROWS", 5000)


def needs_background(rows, fmt: str) -> bool:
    """Whether this download is too big to write in the request (one count query for XLSX)."""
    return fmt == "xlsx" and hasattr(rows, "more_than") and rows.more_than(INLINE_ROWS)


def start_export(request, definition: ExportDefinition, fmt: str) -> Export:
    """Save the person's `Export` of `definition` with the request's filters and language,
    and queue its writing once the transaction commits (one insert)."""
    export = Export.objects.create(
        owner=request.user,
        key=definition.key,
        label=force_str(definition.label),
        query=request.GET.urlencode(),
        fmt=fmt,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    transaction.on_commit(lambda: build_export.enqueue(export.pk))
    return export


class _Counted:
    def __init__(self, rows):
        self.rows, self.count = rows, 0

    def __iter__(self):
        for row in self.rows:
            self.count += 1
            yield row


def _request_of(export: Export) -> HttpRequest:
    """A GET request of the export's owner with its filters, as the list view would get it."""
    request = HttpRequest()
    request.method = "GET"
    request.GET = QueryDict(export.query)
    request.user = export.owner
    request.META.update(SERVER_NAME="localhost", SERVER_PORT="80")
    return request


@task()
def build_export(export_id: int) -> None:
    """Write the file of `Export` `export_id` (its queries: the list's, in chunks)."""
    export = Export.objects.select_related("owner").filter(pk=export_id, status=Export.Status.WAITING).first()
    definition = export and get_export(export.key)
    if export is None:
        return
    Export.objects.filter(pk=export.pk).update(status=Export.Status.RUNNING)
    try:
        if definition is None or not export.owner.is_active:
            raise LookupError(f"export {export.key!r} cannot be written for this owner")
        with translation.override(export.language):
            rows = _Counted(definition.queryset(_request_of(export)))
            columns = [Column(force_str(column.header), column.getter) for column in definition.columns]
            handle = xlsx_file(rows, columns, export.label)
            export.file.save(export_filename(export.label, export.fmt), File(handle), save=False)
        export.rows, export.status = rows.count, Export.Status.READY
    except Exception:
        # The person sees "failed" on their downloads page; the details go to the log.
        logger.exception("Export %s failed", export.pk)
        export.status = Export.Status.FAILED
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "rows", "status", "finished_at"])


def prune_exports() -> int:
    """Delete the exports (and files) older than `Export.KEEP_DAYS` days; return how many."""
    cutoff = timezone.now() - timedelta(days=Export.KEEP_DAYS)
    old = list(Export.objects.filter(created_at__lt=cutoff))
    for export in old:
        if export.file:
            export.file.delete(save=False)
    Export.objects.filter(pk__in=[e.pk for e in old]).delete()
    return len(old)
