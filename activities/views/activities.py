"""Activity lists, page, entry form, and its photos and documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from perpus.scopes import can_change, can_create, can_view, scope_of

from ..forms import ActivityFilterForm, ActivityForm, DocumentForm, PhotoForm
from ..models import Activity, ActivityDocument, ActivityPhoto
from ..services import (
    ConcurrentEditError,
    activity_document_add,
    activity_document_delete,
    activity_photo_add,
    activity_photo_delete,
    record_create,
    record_save,
)

PAGE_SIZE = 20


def _page_size(request) -> int:
    try:
        return max(1, min(100, int(request.GET.get("per_page", PAGE_SIZE))))
    except ValueError:
        return PAGE_SIZE


def _list(request, qs, *, public: bool):
    form = ActivityFilterForm(request.GET or None, user=request.user, public=public)
    qs = form.filter(qs).with_related().order_by("-start_date", "-pk")
    page = Paginator(qs, _page_size(request)).get_page(request.GET.get("page"))
    context = {"filter_form": form, "page_obj": page, "activities": page.object_list, "public": public}
    return render(request, "activities/activity_list.html", context)


@login_required
def activity_list(request):
    """Activities in the user's scope, drafts included (2 queries for the page whatever its size)."""
    return _list(request, Activity.objects.for_user(request.user).alive(), public=False)


def public_list(request):
    """Verified activities, for everyone."""
    return _list(request, Activity.objects.public(), public=True)


def activity_detail(request, pk):
    """The activity's page: full for its scope, the public part for others when verified."""
    activity = get_object_or_404(
        Activity.objects.select_related("library", "province", "regency", "partnership", "created_by"),
        pk=pk,
    )
    in_scope = request.user.is_authenticated and can_view(request.user, activity)
    is_public = (
        activity.status == "verified" and activity.deleted_at is None and activity.library.is_published
    )
    if not in_scope and not is_public:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    photos = activity.photos.all() if in_scope else activity.photos.public()
    documents = activity.documents.all() if in_scope else activity.documents.filter(is_private=False)
    editable = (
        in_scope
        and can_change(request.user, activity)
        and (activity.is_editable or scope_of(request.user).is_national)
        and not activity.is_deleted
    )
    context = {
        "activity": activity,
        "in_scope": in_scope,
        "editable": editable,
        "photos": photos,
        "documents": documents,
        # Outside the scope only what is public: published libraries, a verified partnership.
        "libraries": activity.libraries.all() if in_scope else activity.libraries.public(),
        "partnership": activity.partnership
        if in_scope
        or (
            activity.partnership
            and activity.partnership.status == "verified"
            and activity.partnership.deleted_at is None
        )
        else None,
        "organiser_link": in_scope or activity.library.is_published,
        "regions": activity.regions.all(),
        "photo_form": PhotoForm() if editable else None,
        "document_form": DocumentForm() if editable else None,
    }
    return render(request, "activities/activity_detail.html", context)


@login_required
def activity_create(request):
    """Enter a new activity as a draft."""
    if not can_create(request.user, Activity):
        raise PermissionDenied
    form = ActivityForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            activity = record_create(record=form.save(commit=False), user=request.user, m2m=form.m2m())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Draft saved. Submit it for review when it is complete."))
            return redirect(activity)
    return render(request, "activities/activity_form.html", {"form": form})


@login_required
def activity_update(request, pk):
    """Edit an activity; a copy saved by someone else meanwhile is refused (status 409)."""
    activity = get_object_or_404(Activity.objects.for_user(request.user).alive(), pk=pk)
    if not can_change(request.user, activity):
        raise PermissionDenied
    if not activity.is_editable and not scope_of(request.user).is_national:
        messages.warning(request, _("Only drafts and returned records can be edited."))
        return redirect(activity)
    form = ActivityForm(request.POST or None, instance=activity, user=request.user)
    status = 200
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data.get("version") or 0
        try:
            record_save(record=form.instance, user=request.user, expected_version=version, m2m=form.m2m())
        except ConcurrentEditError as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(activity)
    return render(request, "activities/activity_form.html", {"form": form, "activity": activity}, status=status)


def _editable_activity(request, pk) -> Activity:
    activity = get_object_or_404(Activity.objects.for_user(request.user).alive(), pk=pk)
    if not can_change(request.user, activity):
        raise PermissionDenied
    return activity


def _attach(request, pk, form_class, add):
    activity = _editable_activity(request, pk)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            add(activity, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Added."))
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return redirect(activity)


@require_POST
@login_required
def photo_add(request, pk):
    """Add a photo (resized, without metadata) to an editable activity."""

    def add(activity, data):
        activity_photo_add(
            activity=activity,
            user=request.user,
            upload=data["photo"],
            alt_text=data["alt_text"],
            is_person_photo=data["is_person_photo"],
            consent_recorded=data["consent_recorded"],
        )

    return _attach(request, pk, PhotoForm, add)


@require_POST
@login_required
def document_add(request, pk):
    """Attach a document (attendance lists are private) to an editable activity."""

    def add(activity, data):
        activity_document_add(
            activity=activity,
            user=request.user,
            upload=data["file"],
            title=data["title"],
            kind=data["kind"],
            is_private=data["is_private"],
        )

    return _attach(request, pk, DocumentForm, add)


@require_POST
@login_required
def photo_delete(request, pk):
    photo = get_object_or_404(
        ActivityPhoto.objects.filter(activity__in=Activity.objects.for_user(request.user).alive()), pk=pk
    )
    try:
        activity_photo_delete(photo=photo, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Photo removed."))
    return redirect(photo.activity)


@require_POST
@login_required
def document_delete(request, pk):
    document = get_object_or_404(
        ActivityDocument.objects.filter(activity__in=Activity.objects.for_user(request.user).alive()),
        pk=pk,
    )
    try:
        activity_document_delete(document=document, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Document removed."))
    return redirect(document.activity)
