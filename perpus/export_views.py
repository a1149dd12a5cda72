"""The one download view of every list: `/exports/<key>.<csv|xlsx>` (URL name `export`)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.utils import translation
from django.utils.encoding import force_str
from django.views.decorators.http import require_safe

from .export_registry import get_export
from .exports import FORMATS, Column, export_response


def _in_language(rows, language):
    """Yield `rows` with `language` active while each one is read and written.

    The CSV is written after the view has returned, while the server streams it: the
    choice labels of each row must still be in the language of the request.
    """
    with translation.override(language):
        yield from rows


@require_safe
@login_required
def export(request, key, fmt):
    """The rows of list `key`, as the user filtered it and within their scope, as CSV or XLSX.

    404 for an unknown key or format; the list's own 403/404 for users who may not see it.
    Queries: the definition's, a fixed number whatever the number of rows.
    """
    definition = get_export(key)
    if definition is None or fmt not in FORMATS:
        raise Http404
    rows = definition.queryset(request)
    # Headers are fixed now, in the request's language; rows keep it while streaming.
    columns = [Column(force_str(column.header), column.getter) for column in definition.columns]
    return export_response(
        _in_language(rows, translation.get_language()),
        columns,
        filename=force_str(definition.filename),
        fmt=fmt,
    )
