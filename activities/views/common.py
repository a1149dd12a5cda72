"""Helpers shared by the generic record views (any reviewed model, by name)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from ..models import reviewed_model


def record_model_or_404(model_name: str):
    model = reviewed_model(model_name)
    if model is None:
        raise Http404
    return model


def get_record(request, model_name: str, pk: int, *, deleted: bool | None = False):
    """Return the record the user may see, or raise 404 (one query).

    `deleted`: False for live records only, True for deleted ones only, None for both.
    """
    model = record_model_or_404(model_name)
    qs = model.objects.for_user(request.user).select_related("library", "province", "regency")
    if deleted is True:
        qs = qs.deleted()
    elif deleted is False:
        qs = qs.alive()
    return get_object_or_404(qs, pk=pk)


def record_url(record) -> str:
    """The record's page, or its history page when its app has no page for it (no query)."""
    try:
        return record.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return reverse("activities:record_history", args=[record._meta.model_name, record.pk])


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
