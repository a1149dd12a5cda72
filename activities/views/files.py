"""Serving activity photos and documents through scope checks, never from a public URL."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_control

from perpus.scopes import can_view

from ..models import ActivityDocument, ActivityPhoto


def _in_scope(request, activity) -> bool:
    return request.user.is_authenticated and can_view(request.user, activity)


def _is_public(activity) -> bool:
    return activity.status == "verified" and activity.deleted_at is None


def _open(fieldfile):
    try:
        return fieldfile.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error


@cache_control(private=True, max_age=3600)
def photo_file(request, pk, size):
    """A photo's resized copy: public photos of verified activities for all, others to the scope."""
    if size not in ("small", "large"):
        raise Http404
    photo = get_object_or_404(ActivityPhoto.objects.select_related("activity"), pk=pk)
    activity = photo.activity
    if not _in_scope(request, activity):
        if not (_is_public(activity) and photo.is_public):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
    field = photo.thumbnail if size == "small" else photo.image
    return FileResponse(_open(field), content_type="image/jpeg")


@cache_control(private=True, no_store=True)
def document_file(request, pk):
    """A document as a download; private ones (attendance lists) only to the record's scope."""
    document = get_object_or_404(ActivityDocument.objects.select_related("activity"), pk=pk)
    activity = document.activity
    if not _in_scope(request, activity):
        if document.is_private or not _is_public(activity):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise Http404
    return FileResponse(_open(document.file), as_attachment=True, filename=document.filename)
