"""Cohort entries: which library joined which program in which year."""

from __future__ import annotations

from django.db import transaction

from perpus.followups.services import due

from ..models import Participation


@transaction.atomic
def participation_save(*, participation: Participation) -> Participation:
    """Save a cohort entry (new or changed, fields already set) and return it; the figures of
    its library, and of the library it had before, follow. Two queries, then the follow-ups."""
    before = None
    if participation.pk:
        before = Participation.objects.filter(pk=participation.pk).values_list("library_id", flat=True).first()
    participation.save()
    due("cohort", library_ids=[participation.library_id, before])
    return participation


@transaction.atomic
def participation_delete(*, participation: Participation) -> None:
    """Delete a cohort entry; its library's figures follow (one query, then the follow-ups)."""
    library_id = participation.library_id
    participation.delete()
    due("cohort", library_ids=[library_id])
