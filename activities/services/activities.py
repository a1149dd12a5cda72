"""Photos and documents of activities, logged in the activity's history.

Removing one is a soft delete (`perpus.trash.SoftDeletable`): it disappears from
every page, sits in the trash, and its files stay until it is restored.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.images import get_image_dimensions
from django.utils.translation import gettext as _

from perpus.scopes import can_change, can_edit_content
from perpus.uploads import ANY_DOCUMENT, clean_document, process_photo
from perpus.writes import service

from ..models import Activity, ActivityDocument, ActivityPhoto, EventAction
from .records import _log, follow_up


def _require_editable(activity: Activity, user) -> None:
    if not can_change(user, activity):
        raise PermissionDenied
    if not can_edit_content(user, activity):
        raise ValidationError(
            _("A record that is %(status)s cannot be edited.")
            % {"status": activity.get_status_display().lower()},
            code="not_editable",
        )


@service
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
    photo.thumbnail_width, photo.thumbnail_height = get_image_dimensions(small)
    photo.save()
    _log(activity, user, EventAction.CHANGED, reason=_("Photo added: %(name)s") % {"name": alt_text})
    follow_up([activity])
    return photo


@service
def activity_document_add(
    *, activity: Activity, user, upload, title: str, kind: str, is_private: bool
) -> ActivityDocument:
    """Attach `upload` to `activity` as a document and return it (attendance lists stay private).

    Images are stored re-encoded without metadata (GPS included), other documents
    under a random name (`perpus.uploads.clean_document`).
    """
    _require_editable(activity, user)
    stored = clean_document(upload, allowed=ANY_DOCUMENT)
    document = ActivityDocument(activity=activity, title=title, kind=kind, is_private=is_private)
    document.file.save(stored.name, stored, save=False)
    document.save()
    _log(activity, user, EventAction.CHANGED, reason=_("Document added: %(name)s") % {"name": title})
    follow_up([activity])
    return document


def _attachment_name(attachment) -> str:
    return attachment.alt_text if isinstance(attachment, ActivityPhoto) else attachment.title


@service
def attachment_update(*, attachment: ActivityPhoto | ActivityDocument, user):
    """Save the texts and flags already set on a photo or document (the admin's backstop;
    its file stays) and log it in the activity's history; return it.

    Raises `PermissionDenied` or `ValidationError` unless `user` may edit the activity (the
    one it had and the one it would have), `ValidationError` on values the model refuses.
    Queries: the row as it was, the checks, the update, the history event, the follow-ups.
    """
    current = type(attachment)._default_manager.select_related("activity").get(pk=attachment.pk)
    _require_editable(current.activity, user)
    if attachment.activity_id != current.activity_id:
        _require_editable(attachment.activity, user)
    attachment.full_clean()
    attachment.save()
    if isinstance(attachment, ActivityPhoto):
        reason = _("Photo changed: %(name)s") % {"name": attachment.alt_text}
    else:
        reason = _("Document changed: %(name)s") % {"name": attachment.title}
    for activity in {current.activity, attachment.activity}:
        _log(activity, user, EventAction.CHANGED, reason=reason)
    follow_up([current.activity, attachment.activity])
    return attachment


@service
def attachment_delete(*, attachment: ActivityPhoto | ActivityDocument, user) -> None:
    """Move a photo or document of an editable activity to the trash (files kept)."""
    activity = attachment.activity
    _require_editable(activity, user)
    if attachment.is_deleted:
        raise ValidationError(_("This is already in the trash."), code="already_deleted")
    attachment.mark_deleted(user)
    message = (
        _("Photo removed: %(name)s") if isinstance(attachment, ActivityPhoto) else _("Document removed: %(name)s")
    )
    _log(activity, user, EventAction.CHANGED, reason=message % {"name": _attachment_name(attachment)})
    follow_up([activity])


@service
def attachment_restore(attachment: ActivityPhoto | ActivityDocument, user) -> None:
    """Bring a photo or document back from the trash, if its activity may still be edited."""
    activity = attachment.activity
    _require_editable(activity, user)
    if not attachment.is_deleted:
        raise ValidationError(_("This is not in the trash."), code="not_deleted")
    attachment.mark_restored()
    message = (
        _("Photo restored: %(name)s") if isinstance(attachment, ActivityPhoto) else _("Document restored: %(name)s")
    )
    _log(activity, user, EventAction.CHANGED, reason=message % {"name": _attachment_name(attachment)})
    follow_up([activity])
