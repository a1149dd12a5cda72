"""History, delete, trash and restore of any reviewed record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from perpus.scopes import can_change, scope_of

from ..forms import DeleteForm
from ..models import RecordEvent
from ..services import ConcurrentEditError, record_delete, record_restore, record_revert
from ..services.history import history_rows
from ..services.queue import trash_items
from .common import get_record, record_url, redirect_back


@login_required
def record_history(request, model_name, pk):
    """Who did what to the record, when and why, newest first (deleted records too)."""
    record = get_record(request, model_name, pk, deleted=None)
    events = list(RecordEvent.objects.for_record(record).select_related("user"))
    may_revert = (
        can_change(request.user, record)
        and not record.is_deleted
        and (record.is_editable or scope_of(request.user).is_national)
    )
    context = {
        "record": record,
        "record_url": record_url(record),
        "model_label": record._meta.verbose_name,
        "rows": history_rows(record, events),
        "may_revert": may_revert,
    }
    return render(request, "activities/record_history.html", context)


@login_required
def trash(request):
    """Deleted records the user may restore, across every reviewed model."""
    items = [{"record": r, "url": reverse("activities:record_history", args=[r._meta.model_name, r.pk])}
             for r in trash_items(user=request.user)]
    return render(request, "activities/trash.html", {"items": items})


@require_POST
@login_required
def record_delete_view(request, model_name, pk):
    """Delete a record (restorable from the trash), with a reason."""
    record = get_record(request, model_name, pk)
    if not can_change(request.user, record):
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
def record_restore_view(request, model_name, pk):
    """Bring a deleted record back."""
    record = get_record(request, model_name, pk, deleted=True)
    if not can_change(request.user, record):
        raise PermissionDenied
    record_restore(record=record, user=request.user)
    messages.success(request, _("Restored."))
    return redirect(record_url(record))


@require_POST
@login_required
def record_revert_view(request, model_name, pk, event_pk):
    """Put the record back as it was after one of its history events."""
    record = get_record(request, model_name, pk)
    if not can_change(request.user, record):
        raise PermissionDenied
    event = get_object_or_404(RecordEvent.objects.for_record(record), pk=event_pk)
    try:
        record_revert(record=record, user=request.user, event=event)
    except ConcurrentEditError as error:
        messages.error(request, " ".join(error.messages))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The earlier version is back."))
    return redirect(reverse("activities:record_history", args=[model_name, record.pk]))
