"""The one download view of every list: `/exports/<key>.<csv|xlsx>` (URL name `export`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .export_registry import InvalidFilters, get_export
from .export_tasks import needs_background, start_export
from .exports import FORMATS, Column, export_filename, export_response
from .models import Export
from .uploads import serve_file

#: Downloads listed on the downloads page (the newest; older ones are pruned after a week).
LISTED = 20


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

    404 for an unknown key or format; the list's own 403/404 for users who may not see it;
    400 with a page naming the faulty filters when the list's filters do not validate
    (nothing is written). Queries: the definition's, a fixed number whatever the number of rows.
    """
    definition = get_export(key)
    if definition is None or fmt not in FORMATS:
        raise Http404
    try:
        rows = definition.queryset(request)
    except InvalidFilters as invalid:
        return invalid_filters_response(request, definition.label, invalid.errors)
    if needs_background(rows, fmt):
        start_export(request, definition, fmt)
        messages.info(request, _("This list is long: its spreadsheet is being written. It will be ready "
                                 "here in a few minutes; you can leave this page and come back."))
        return redirect("export_list")
    # Headers are fixed now, in the request's language; rows keep it while streaming.
    columns = [Column(force_str(column.header), column.getter) for column in definition.columns]
    return export_response(
        _in_language(rows, translation.get_language()),
        columns,
        filename=force_str(definition.filename),
        fmt=fmt,
    )


def invalid_filters_response(request, label, errors):
    """The page refusing a download of `label` whose filters do not validate (400; no query).

    It links back to the list the person came from (the referring page, when it is ours).
    """
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back, {request.get_host()}, require_https=request.is_secure()
    ):
        back = ""
    context = {"label": label, "errors": errors, "back": back}
    return render(request, "exports/invalid_filters.html", context, status=400)


@require_safe
@login_required
def export_list(request):
    """The person's own background downloads, newest first (one query); the page reloads
    itself while one is being written."""
    exports = list(Export.objects.for_owner(request.user)[:LISTED])
    waiting = any(e.status in (Export.Status.WAITING, Export.Status.RUNNING) for e in exports)
    return render(request, "exports/list.html", {"exports": exports, "waiting": waiting})


@require_safe
@login_required
def export_file(request, pk):
    """The file of one of the person's ready downloads; 404 for anyone else's. One query."""
    export = get_object_or_404(Export.objects.for_owner(request.user), pk=pk, status=Export.Status.READY)
    return serve_file(export.file, public=False, filename=export_filename(export.label, export.fmt))
