"""The review steps (submit, check, verify, return) of any reviewed record, and the queue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from perpus.scopes import can_change, can_check, can_verify, has_ability

from ..forms import QueueFilterForm, ReturnForm
from ..services import (
    TransitionError,
    record_bulk_verify,
    record_check,
    record_return,
    record_submit,
    record_verify,
)
from ..services.queue import (
    BULK_VERIFY_LIMIT,
    awaiting_verification,
    queue_page,
    queue_querysets,
    verifiable_count,
)
from .common import get_record, redirect_back

QUEUE_PAGE_SIZE = 50


def _step(request, key, pk, allowed, action, done_message, **kwargs):
    record = get_record(request, key, pk)
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
def submit(request, key, pk):
    """Send a draft or returned record for review."""
    return _step(request, key, pk, can_change, record_submit, _("Submitted for review."))


@require_POST
@login_required
def check(request, key, pk):
    """The regency's check of a village library's record."""
    return _step(request, key, pk, can_check, record_check, _("Checked; it now waits for verification."))


@require_POST
@login_required
def verify(request, key, pk):
    """Verify a record: from now on it counts and is public."""
    return _step(request, key, pk, can_verify, record_verify, _("Verified."))


@require_POST
@login_required
def return_to_author(request, key, pk):
    """Return a record under review to its author with a reason."""
    record = get_record(request, key, pk)
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


@require_safe
@login_required
def queue(request):
    """Everything waiting for the user's check or verification, oldest first.

    Paged in SQL: a fixed number of queries whatever the number waiting.
    """
    if not has_ability(request.user, "review"):
        raise PermissionDenied
    form = QueueFilterForm(request.GET or None, user=request.user)
    querysets = queue_querysets(user=request.user, **form.filters())
    page = queue_page(querysets, number=request.GET.get("page"), per_page=QUEUE_PAGE_SIZE)
    context = {
        "filter_form": form,
        "page_obj": page,
        "items": [record for _key, record in page.object_list],
        "total": page.paginator.count,
        "verifiable": verifiable_count(querysets),
        "bulk_limit": BULK_VERIFY_LIMIT,
        "filter_query": request.GET.urlencode(),
    }
    return render(request, "activities/queue.html", context)


@require_POST
@login_required
def queue_verify(request):
    """Verify the selected records, or all those matching the filters on screen.

    The filters come back with the POST and are applied again here, so nothing
    outside what the reviewer saw can be verified. Records someone else verified
    meanwhile are named, the others verified.
    """
    form = QueueFilterForm(request.POST, user=request.user)
    querysets = queue_querysets(user=request.user, **form.filters())
    if request.POST.get("all") != "1":
        # Only the ticked records are loaded, not everything that waits.
        chosen: dict[str, list[int]] = {}
        for token in request.POST.getlist("selected"):
            key, _sep, pk = token.partition(":")
            if pk.isdecimal():
                chosen.setdefault(key, []).append(int(pk))
        querysets = {key: qs.filter(pk__in=chosen[key]) for key, qs in querysets.items() if key in chosen}
    items = awaiting_verification(querysets)
    if not items:
        messages.warning(request, _("Nothing selected that waits for your verification."))
    else:
        result = record_bulk_verify(records=items, user=request.user)
        count = len(result.verified)
        messages.success(
            request,
            ngettext("%(count)d record verified.", "%(count)d records verified.", count) % {"count": count},
        )
        left = verifiable_count(querysets) if request.POST.get("all") == "1" else 0
        if left:
            messages.info(
                request,
                ngettext(
                    "%(count)d more record matching these filters still waits: verify again to continue.",
                    "%(count)d more records matching these filters still wait: verify again to continue.",
                    left,
                )
                % {"count": left},
            )
        if result.already_done:
            messages.info(
                request,
                _("Already done by someone else, left as they are: %(names)s.")
                % {"names": ", ".join(str(r) for r in result.already_done)},
            )
    query = request.POST.get("filter_query", "")
    return redirect(reverse("activities:queue") + (f"?{query}" if query else ""))
