"""Helpers shared by the record views: finding a record of a registered type, what a user may
do with it, and where to go back to."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from perpus.scopes import (
    can_check,
    can_delete,
    can_edit_content,
    can_restore,
    can_return,
    can_submit,
    can_verify,
)

from ..registry import RecordType, record_type, record_url

PAGE_SIZE = 20


def type_or_404(key: str) -> RecordType:
    found = record_type(key)
    if found is None:
        raise Http404
    return found


def get_record(request, key: str, pk: int, *, deleted: bool | None = False, related=()):
    """Return the record of type `key` the user may see, or raise 404 (one query).

    `deleted`: False for live records only, True for deleted ones only, None for both.
    """
    model = type_or_404(key).model
    qs = model.objects.for_user(request.user).select_related("library", "province", "regency", *related)
    if deleted is True:
        qs = qs.deleted()
    elif deleted is False:
        qs = qs.alive()
    return get_object_or_404(qs, pk=pk)


def record_actions(user, record) -> dict:
    """What `user` may do with `record` now, for the action partial (no query)."""
    step = record.awaiting
    may_check = step == "check" and can_check(user, record)
    may_verify = step == "verification" and can_verify(user, record)
    return {
        "edit": can_edit_content(user, record),
        "submit": can_submit(user, record),
        "check": may_check,
        "verify": may_verify,
        "return": can_return(user, record),
        "delete": can_delete(user, record),
        "restore": can_restore(user, record),
    }


def page_size(request, default: int = PAGE_SIZE) -> int:
    """The `per_page` asked for, between 1 and 100 (no query)."""
    try:
        return max(1, min(100, int(request.GET.get("per_page", default))))
    except ValueError:
        return default


def login_or_404(request):
    """Anonymous visitors log in; signed-in users outside the scope get a 404."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


def redirect_back(request, record=None, *, fallback: str = ""):
    """Redirect to the safe `next` of the POST, else to the record's page or `fallback`."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    if record is not None:
        return redirect(record_url(record))
    return redirect(fallback or reverse("activities:activity_list"))
