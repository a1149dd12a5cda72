"""The pages of any reviewed record type: list, page, new, edit.

One set of function views for the five types; the type comes from the URL (`key`)
and everything specific to it from `activities.registry` (model, forms, templates,
date and search fields). Activities have their own list and page
(`views.activities`: public part, photos, documents) but are entered here too.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from perpus.pagination import CappedPaginator as Paginator
from perpus.scopes import can_create, can_edit_content

from ..forms import DeleteForm, ReturnForm
from ..registry import RECORD_ACTIONS, type_of
from ..services import ConcurrentEditError, record_create, record_save
from .common import get_record, page_size, record_actions, type_or_404

def action_context(request, record) -> dict:
    """What the action partial (`activities/_record_actions.html`) needs for `record` (no query)."""
    record_type = type_of(record)
    return {
        "actions": record_actions(request.user, record),
        "record_urls": {a: record_type.url(a, record.pk) for a in (*RECORD_ACTIONS, "update")},
        "return_form": ReturnForm(auto_id=f"id_return_%s_{record.pk}"),
        "delete_form": DeleteForm(auto_id=f"id_delete_%s_{record.pk}"),
    }

@require_safe
@login_required
def record_list(request, key):
    """The records of type `key` in the user's scope, drafts included (3 queries per page)."""
    record_type = type_or_404(key)
    model = record_type.model
    form = record_type.filter_form_class(request.GET or None, user=request.user)
    qs = form.filter(
        model.objects.for_user(request.user).alive().select_related("library", "province", "regency"),
        record_type,
    )
    page = Paginator(qs, page_size(request)).get_page(request.GET.get("page"))
    context = {
        "record_type": record_type,
        "filter_form": form,
        "page_obj": page,
        "paginator": page.paginator,
        "can_create": can_create(request.user, model),
    }
    return render(request, record_type.template("list"), context)

@require_safe
@login_required
def record_detail(request, key, pk):
    """The page of one record of type `key` for its scope (one query)."""
    record_type = type_or_404(key)
    record = get_record(request, key, pk, related=("created_by", "verified_by", *record_type.detail_related))
    context = {"record_type": record_type, "record": record, **action_context(request, record)}
    return render(request, record_type.template("detail"), context)

def _form_page(request, record_type, form, record=None, status=200):
    context = {"record_type": record_type, "form": form, "record": record}
    return render(request, record_type.template("form"), context, status=status)

def _saved(request, form, record, message):
    messages.success(request, message)
    return redirect(form.next_url(record) or record.get_absolute_url())

@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def record_new(request, key):
    """Enter a new record of type `key` as a draft."""
    record_type = type_or_404(key)
    if not can_create(request.user, record_type.model):
        raise PermissionDenied
    form_class = record_type.form_class
    form = form_class(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        initial=form_class.initial_from(request.user, request.GET),
    )
    if request.method == "POST" and form.is_valid():
        try:
            record = record_create(record=form.save(commit=False), user=request.user, m2m=form.m2m())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _saved(
                request, form, record, _("Draft saved. Submit it for review when it is complete.")
            )
    return _form_page(request, record_type, form)

@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def record_edit(request, key, pk):
    """Edit a record; a copy saved by someone else meanwhile is refused (status 409)."""
    record_type = type_or_404(key)
    record = get_record(request, key, pk)
    if not can_edit_content(request.user, record):
        raise PermissionDenied
    form = record_type.form_class(
        request.POST or None, request.FILES or None, instance=record, user=request.user
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                record_save(
                    record=form.instance,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    m2m=form.m2m(),
                )
            except ConcurrentEditError as error:
                form.add_error(None, error)
                status = 409
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return _saved(request, form, form.instance, _("Changes saved."))
    return _form_page(request, record_type, form, record, status)
