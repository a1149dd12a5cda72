"""Upload, edit, delete (to the trash) and serve a library's photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from perpus.scopes import can_change
from perpus.uploads import serve_file

from .. import services
from ..forms import LibraryPhotoForm, LibraryPhotoUpdateForm
from ..models import Library, LibraryPhoto


@login_required
def library_photo_create(request, pk):
    """Form to add a photo to library `pk`; stores only the resized renditions."""
    library = get_object_or_404(Library.objects.for_user(request.user), pk=pk)
    if not can_change(request.user, LibraryPhoto(library=library)):
        raise PermissionDenied
    form = LibraryPhotoForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.library_photo_add(
            library=library,
            user=request.user,
            upload=data["photo"],
            alt_text=data["alt_text"],
            caption=data["caption"],
            order=data["order"] or 0,
            is_person_photo=data["is_person_photo"],
            consent_recorded=data["consent_recorded"],
        )
        messages.success(request, _("The photo is added."))
        return redirect(library.get_absolute_url() + "#photos")
    return render(
        request,
        "villages/library_photo_form.html",
        {"form": form, "library": library, "page_title": _("Add a photo")},
    )


def _changeable_photo(request, pk) -> LibraryPhoto:
    photo = get_object_or_404(
        LibraryPhoto.objects.for_user(request.user).alive().select_related("library"), pk=pk
    )
    if not can_change(request.user, photo):
        raise PermissionDenied
    return photo


@login_required
def library_photo_update(request, pk):
    """Edit a photo's alternative text, caption, people/consent flags and order."""
    photo = _changeable_photo(request, pk)
    form = LibraryPhotoUpdateForm(request.POST or None, instance=photo, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.library_photo_update(photo=form.instance, user=request.user)
        messages.success(request, _("The photo is saved."))
        return redirect(photo.library.get_absolute_url() + "#photos")
    return render(
        request,
        "villages/library_photo_form.html",
        {"form": form, "library": photo.library, "photo": photo, "page_title": _("Edit a photo")},
    )


@require_POST
@login_required
def library_photo_delete(request, pk):
    """Move a photo to the trash (POST only); it can be restored from there."""
    photo = _changeable_photo(request, pk)
    services.library_photo_delete(photo=photo, user=request.user)
    messages.success(request, _("The photo is deleted. It can be restored from the trash."))
    return redirect(photo.library.get_absolute_url() + "#photos")


@require_safe
def library_photo_file(request, pk, size):
    """A photo's `size` rendition ("small" or "large").

    Public photos (`LibraryPhoto.objects.public()`) are served to anyone; others only
    to users whose scope includes the library, and deleted ones only to those who
    may restore them. Anonymous visitors of a private photo are sent to log in;
    other users get a 404.
    """
    if size not in ("small", "large"):
        raise Http404
    photo = LibraryPhoto.objects.public().filter(pk=pk).first()
    public = photo is not None
    if photo is None and request.user.is_authenticated:
        user = request.user
        photo = (
            LibraryPhoto.objects.for_user(user).alive().filter(pk=pk).first()
            or LibraryPhoto.objects.editable_by(user).deleted().filter(pk=pk).first()
        )
    if photo is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return serve_file(getattr(photo, size), public=public)
