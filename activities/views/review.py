"""The review steps (submit, check, verify, return) for any reviewed record, and the queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from perpus.scopes import can_change, can_check, can_verify

from ..forms import QueueFilterForm, ReturnForm
from ..services import (
    TransitionError,
    record_bulk_verify,
    record_check,
    record_return,
    record_submit,
    record_verify,
)
from ..services.queue import queue_items
from .common import get_record, redirect_back

QUEUE_PAGE_SIZE = 50


def _step(request, model_name, pk, allowed, action, done_message, **kwargs):
    record = get_record(request, model_name, pk)
    if not allowed(request.user, record):
        raise PermissionDenied
    try:
        action(record=record, user=request.user, **kwargs)
    except TransitionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done_message)
    return redirect_back(request, record)


@require_POST
@login_required
def submit(request, model_name, pk):
    """Send a draft or returned record for review."""
    return _step(request, model_name, pk, can_change, record_submit, _("Submitted for review."))


@require_POST
@login_required
def check(request, model_name, pk):
    """The regency's check of a village library's record."""
    return _step(
        request, model_name, pk, can_check, record_check, _("Checked; it now waits for verification.")
    )


@require_POST
@login_required
def verify(request, model_name, pk):
    """Verify a record: from now on it counts and is public."""
    return _step(request, model_name, pk, can_verify, record_verify, _("Verified."))


@require_POST
@login_required
def return_to_author(request, model_name, pk):
    """Return a record under review to its author with a reason."""
    record = get_record(request, model_name, pk)
    if not (can_check(request.user, record) or can_verify(request.user, record)):
        raise PermissionDenied
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the record is returned, so the author can fix it."))
        return redirect_back(request, record)
    try:
        record_return(record=record, user=request.user, reason=form.cleaned_data["reason"])
    except TransitionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Returned to the author."))
    return redirect_back(request, record)


@login_required
def queue(request):
    """Everything waiting for the user's check or verification, oldest first."""
    form = QueueFilterForm(request.GET or None, user=request.user)
    items = queue_items(user=request.user, **form.filters())
    page = Paginator(items, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    verifiable = sum(1 for item in items if item.awaiting == "verification")
    context = {
        "filter_form": form,
        "page_obj": page,
        "items": page.object_list,
        "total": len(items),
        "verifiable": verifiable,
        "filter_query": request.GET.urlencode(),
    }
    return render(request, "activities/queue.html", context)


@require_POST
@login_required
def queue_bulk_verify(request):
    """Verify the selected records, or all those matching the filters on screen.

    The filters come back with the POST and are applied again here, so nothing
    outside what the reviewer saw can be verified.
    """
    form = QueueFilterForm(request.POST, user=request.user)
    items = [i for i in queue_items(user=request.user, **form.filters()) if i.awaiting == "verification"]
    if request.POST.get("all") != "1":
        selected = set(request.POST.getlist("selected"))
        items = [i for i in items if f"{i._meta.model_name}:{i.pk}" in selected]
    if not items:
        messages.warning(request, _("Nothing selected that waits for your verification."))
    else:
        count = record_bulk_verify(records=items, user=request.user)
        messages.success(
            request, ngettext("%(count)d record verified.", "%(count)d records verified.", count) % {"count": count}
        )
    query = request.POST.get("filter_query", "")
    return redirect(reverse("activities:queue") + (f"?{query}" if query else ""))
