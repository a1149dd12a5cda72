"""Upload, edit and delete a library's photos."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from perpus.scopes import can_change

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
        services.library_photo_add(
            library=library,
            upload=form.cleaned_data["photo"],
            alt_text=form.cleaned_data["alt_text"],
            caption=form.cleaned_data["caption"],
            order=form.cleaned_data["order"] or 0,
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
        LibraryPhoto.objects.for_user(request.user).select_related("library"), pk=pk
    )
    if not can_change(request.user, photo):
        raise PermissionDenied
    return photo


@login_required
def library_photo_update(request, pk):
    """Edit a photo's alternative text, caption and order."""
    photo = _changeable_photo(request, pk)
    form = LibraryPhotoUpdateForm(request.POST or None, instance=photo, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
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
    """Delete a photo and its files (POST only)."""
    photo = _changeable_photo(request, pk)
    library = photo.library
    services.library_photo_delete(photo=photo)
    messages.success(request, _("The photo is deleted."))
    return redirect(library.get_absolute_url() + "#photos")
