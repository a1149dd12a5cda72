"""Serving the files of reviewed records and of activities' photos and documents.

Whether a file is served is decided by the scope (`perpus.scopes.can_view`) or, for
everyone else, by the models' `public()` querysets; how it is served (inline or as a
download, cache headers) by `perpus.uploads.serve_file`.
"""

from __future__ import annotations

from django.http import Http404
from django.views.decorators.http import require_safe

from perpus.uploads import serve_file

from ..models import Activity, ActivityDocument, ActivityPhoto
from .common import login_or_404, type_or_404


def _scoped_or_public(request, model, pk, *, public_allowed: bool, related=()):
    """Return (object, public): the live row in the user's scope, else the public one; or None."""
    if request.user.is_authenticated:
        qs = model.objects.alive()
        if model in (ActivityPhoto, ActivityDocument):
            qs = qs.of(Activity.objects.for_user(request.user))
        else:
            qs = qs.for_user(request.user)
        obj = qs.select_related(*related).filter(pk=pk).first()
        if obj is not None:
            return obj, False
    if public_allowed:
        obj = model.objects.public().select_related(*related).filter(pk=pk).first()
        if obj is not None:
            return obj, True
    return None, False


@require_safe
def record_file(request, key, pk, field):
    """A record's own file (`field`): to its scope, and to everyone when the record is public
    and the registry says the field is public."""
    record_type = type_or_404(key)
    if field not in record_type.files:
        raise Http404
    record, public = _scoped_or_public(
        request, record_type.model, pk, public_allowed=record_type.files[field]
    )
    if record is None:
        return login_or_404(request)
    return serve_file(getattr(record, field), public=public)


@require_safe
def photo_file(request, pk, size):
    """A photo's small or large rendition: to the activity's scope, and to everyone when public."""
    if size not in ("small", "large"):
        raise Http404
    photo, public = _scoped_or_public(request, ActivityPhoto, pk, public_allowed=True)
    if photo is None:
        return login_or_404(request)
    return serve_file(photo.thumbnail if size == "small" else photo.image, public=public)


@require_safe
def document_file(request, pk):
    """A document: to the activity's scope, and to everyone when public (not private)."""
    document, public = _scoped_or_public(request, ActivityDocument, pk, public_allowed=True)
    if document is None:
        return login_or_404(request)
    return serve_file(document.file, public=public, filename=document.title)
