"""History, delete, restore and revert of any reviewed record; the trash of every kind."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from perpus import trash as trash_registry
from perpus.scopes import can_delete, can_edit_content, can_restore

from ..forms import DeleteForm
from ..models import RecordEvent
from ..registry import record_url
from ..services import ConcurrentEditError, record_delete, record_restore, record_revert
from ..services.history import history_rows
from ..services.trash import trash_page
from .common import get_record, redirect_back, type_or_404

TRASH_PAGE_SIZE = 50


@require_safe
@login_required
def record_history(request, key, pk):
    """Who did what to the record, when and why, newest first (deleted records too)."""
    record_type = type_or_404(key)
    record = get_record(request, key, pk, deleted=None)
    events = list(RecordEvent.objects.for_record(record).select_related("user"))
    rows = history_rows(record, events)
    if can_edit_content(request.user, record):
        for row in rows:
            if row["event"].snapshot:
                row["revert_url"] = record_type.url("revert", record.pk, row["event"].pk)
    context = {"record_type": record_type, "record": record, "rows": rows}
    return render(request, "activities/record_history.html", context)


@require_POST
@login_required
def record_delete_view(request, key, pk):
    """Delete a record (restorable from the trash), with a reason."""
    record = get_record(request, key, pk)
    if not can_delete(request.user, record):
        raise PermissionDenied
    form = DeleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the record is deleted."))
        return redirect_back(request, record)
    record_delete(record=record, user=request.user, reason=form.cleaned_data["reason"])
    messages.success(request, _("Deleted. It can be restored from the trash."))
    return redirect("activities:trash")


@require_POST
@login_required
def record_restore_view(request, key, pk):
    """Bring a deleted record back."""
    record = get_record(request, key, pk, deleted=True)
    if not can_restore(request.user, record):
        raise PermissionDenied
    record_restore(record=record, user=request.user)
    messages.success(request, _("Restored."))
    return redirect(record_url(record))


@require_POST
@login_required
def record_revert_view(request, key, pk, event_pk):
    """Put the record back as it was after one of its history events."""
    record = get_record(request, key, pk)
    if not can_edit_content(request.user, record):
        raise PermissionDenied
    event = get_object_or_404(RecordEvent.objects.for_record(record), pk=event_pk)
    try:
        record_revert(record=record, user=request.user, event=event)
    except (ConcurrentEditError, ValidationError) as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The earlier version is back."))
    return redirect(record_url(record, "history"))


@require_safe
@login_required
def trash(request):
    """What the user may restore, of every kind registered in `perpus.trash`, newest first.

    Paged in SQL: a fixed number of queries whatever the size of the trash.
    """
    page = trash_page(request.user, number=request.GET.get("page"), per_page=TRASH_PAGE_SIZE)
    return render(request, "activities/trash.html", {"page_obj": page, "items": page.object_list})


@require_POST
@login_required
def trash_restore(request, kind, pk):
    """Restore one row of the trash through its kind's own service."""
    found = trash_registry.kind(kind)
    if found is None:
        raise Http404
    obj = get_object_or_404(found.deleted_for(request.user), pk=pk)
    try:
        found.restore(obj, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Restored."))
    return redirect("activities:trash")
