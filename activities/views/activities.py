"""The activity list and page of the scope, and the activity's photos and documents."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from perpus.pagination import CappedPaginator as Paginator
from perpus.social import share_preview
from perpus.scopes import can_create, can_edit_content, can_view
from villages.params import search_term

from ..forms import ActivityFilterForm, DocumentForm, PhotoForm
from ..models import Activity, ActivityDocument, ActivityPhoto, Partnership
from ..registry import TYPES
from ..services import activity_document_add, activity_photo_add, attachment_delete
from .common import login_or_404, page_size
from .records import action_context

def activity_list_page(request, qs, *, public: bool):
    """Render a filtered page of `qs` (2 queries for the page whatever its size)."""
    form = ActivityFilterForm(request.GET or None, user=request.user, public=public)
    qs = form.filter(qs).with_related().order_by("-start_date", "-pk")
    page = Paginator(qs, page_size(request)).get_page(request.GET.get("page"))
    context = {
        "record_type": TYPES["activity"],
        "filter_form": form,
        "page_obj": page,
        "activities": page.object_list,
        "public": public,
        "search_value": search_term(request.GET.get("q")),
        "can_create": not public and can_create(request.user, Activity),
    }
    return render(request, "activities/activity_list.html", context)

@require_safe
@login_required
def activity_list(request, key="activity"):
    """Activities in the user's scope, drafts included."""
    return activity_list_page(request, Activity.objects.for_user(request.user).alive(), public=False)

@require_safe
def activity_detail(request, pk, key="activity"):
    """The activity's page: full for its scope, the public part for others when public."""
    related = ("library", "library__village", "province", "regency", "partnership", "created_by")
    activity = Activity.objects.select_related(*related).filter(pk=pk).first()
    in_scope = activity is not None and can_view(request.user, activity)
    if not in_scope:
        activity = Activity.objects.public().select_related(*related).filter(pk=pk).first()
        if activity is None:
            return login_or_404(request)
    editable = in_scope and can_edit_content(request.user, activity)
    if in_scope:
        photos, documents = activity.photos.alive(), activity.documents.alive()
        libraries = activity.libraries.all()
        partnership = activity.partnership
    else:
        photos, documents = activity.photos.public(), activity.documents.public()
        # Outside the scope only what is public: published libraries, a public partnership.
        libraries = activity.libraries.public()
        partnership = Partnership.objects.public().filter(pk=activity.partnership_id).first()
    context = {
        "social": _share_preview(request, activity),
        "activity": activity,
        "record": activity,
        "in_scope": in_scope,
        "editable": editable,
        "photos": photos,
        "documents": documents,
        "libraries": libraries,
        "partnership": partnership,
        "organiser_link": in_scope or activity.library.is_published,
        "regions": activity.regions.all(),
        "photo_form": PhotoForm() if editable else None,
        "document_form": DocumentForm() if editable else None,
        **(action_context(request, activity) if in_scope else {}),
    }
    return render(request, "activities/activity_detail.html", context)

def _share_preview(request, activity):
    """The page's share preview: title, what happened, and its first public photo (one query)."""
    description = activity.summary or " · ".join(
        str(part) for part in (activity.get_kind_display(), activity.library.name, activity.province.name) if part
    )
    photo = ActivityPhoto.objects.public().filter(activity_id=activity.pk).only("pk", "alt_text").first()
    image = request.build_absolute_uri(reverse("activities:activity_photo_file", args=[photo.pk, "large"])) if photo else ""
    return share_preview(
        title=activity.title,
        description=Truncator(" ".join(description.split())).chars(200),
        image=image,
        image_alt=photo.alt_text if photo else "",
        type="article",
    )

def _attach(request, pk, form_class, add):
    activity = get_object_or_404(Activity.objects.for_user(request.user).alive(), pk=pk)
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
    """Add a photo (resized, without metadata) to an editable activity (403 if not editable)."""

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
    """Attach a document (images re-encoded; attendance lists private) to an editable activity."""

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

ATTACHMENTS = {"photo": ActivityPhoto, "document": ActivityDocument}

@require_POST
@login_required
def attachment_remove(request, pk, kind):
    """Move a photo or document of an editable activity to the trash."""
    model = ATTACHMENTS[kind]
    attachment = get_object_or_404(
        model.objects.alive()
        .of(Activity.objects.for_user(request.user).alive())
        .select_related("activity"),
        pk=pk,
    )
    try:
        attachment_delete(attachment=attachment, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Removed. It can be restored from the trash."))
    return redirect(attachment.activity)
