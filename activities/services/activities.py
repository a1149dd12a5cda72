"""Photos and documents of activities, logged in the activity's history."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from perpus.scopes import can_change, scope_of

from ..models import Activity, ActivityDocument, ActivityPhoto, EventAction
from ..uploads import process_photo, validate_document
from .records import _log


def _require_editable(activity: Activity, user) -> None:
    if not can_change(user, activity):
        raise PermissionDenied
    if not activity.is_editable and not scope_of(user).is_national:
        raise ValidationError(
            _("A record that is %(status)s cannot be edited.")
            % {"status": activity.get_status_display().lower()},
            code="not_editable",
        )


@transaction.atomic
def activity_photo_add(
    *, activity: Activity, user, upload, alt_text: str, is_person_photo: bool, consent_recorded: bool
) -> ActivityPhoto:
    """Store resized, metadata-free copies of `upload` as a photo of `activity`; return it.

    Raises `ValidationError` for an unacceptable file; the original is never kept.
    """
    _require_editable(activity, user)
    small, large = process_photo(upload)
    photo = ActivityPhoto(
        activity=activity,
        alt_text=alt_text,
        is_person_photo=is_person_photo,
        consent_recorded=consent_recorded,
    )
    photo.image.save(large.name, large, save=False)
    photo.thumbnail.save(small.name, small, save=False)
    photo.save()
    _log(activity, user, EventAction.CHANGED, reason=_("Photo added: %(name)s") % {"name": alt_text})
    return photo


@transaction.atomic
def activity_photo_delete(*, photo: ActivityPhoto, user) -> None:
    """Delete `photo` and its files (personal data is not kept once removed)."""
    activity = photo.activity
    _require_editable(activity, user)
    name = photo.alt_text
    image, thumbnail = photo.image, photo.thumbnail
    photo.delete()
    transaction.on_commit(lambda: (image.delete(save=False), thumbnail.delete(save=False)))
    _log(activity, user, EventAction.CHANGED, reason=_("Photo removed: %(name)s") % {"name": name})


@transaction.atomic
def activity_document_add(
    *, activity: Activity, user, upload, title: str, kind: str, is_private: bool
) -> ActivityDocument:
    """Attach `upload` to `activity` as a document and return it (attendance lists stay private)."""
    _require_editable(activity, user)
    validate_document(upload)
    document = ActivityDocument(activity=activity, title=title, kind=kind, is_private=is_private)
    document.file.save(upload.name, upload, save=False)
    document.save()
    _log(activity, user, EventAction.CHANGED, reason=_("Document added: %(name)s") % {"name": title})
    return document


@transaction.atomic
def activity_document_delete(*, document: ActivityDocument, user) -> None:
    """Delete `document` and its file."""
    activity = document.activity
    _require_editable(activity, user)
    title, file = document.title, document.file
    document.delete()
    transaction.on_commit(lambda: file.delete(save=False))
    _log(activity, user, EventAction.CHANGED, reason=_("Document removed: %(name)s") % {"name": title})
