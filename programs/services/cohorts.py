"""Cohort entries: which library joined which program in which year."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from perpus.followups.services import due
from perpus.scopes import can_change
from perpus.writes import service

from ..models import Participation


@service
def participation_save(*, participation: Participation, user) -> Participation:
    """Save a cohort entry (new or changed, fields already set) and return it; the figures of
    its library, and of the library it had before, follow.

    Raises `PermissionDenied` unless `user` may change cohort entries of the library (as it
    was and as it would be), `ValidationError` on an entry the form refuses (one library
    twice in a cohort). Queries: the entry as it was, the checks, the save, the follow-ups.
    """
    before = None
    if participation.pk:
        before = Participation.objects.select_related("library").get(pk=participation.pk)
        if not can_change(user, before):
            raise PermissionDenied
    if not can_change(user, participation):
        raise PermissionDenied
    participation.full_clean()
    participation.save()
    due("cohort", library_ids=[participation.library_id, before.library_id if before else None])
    return participation


@service
def participation_delete(*, participation: Participation, user) -> None:
    """Delete a cohort entry; its library's figures follow. Raises `PermissionDenied` unless
    `user` may change it. Queries: the delete, the follow-ups' insert."""
    if not can_change(user, participation):
        raise PermissionDenied
    library_id = participation.library_id
    participation.delete()
    due("cohort", library_ids=[library_id])
