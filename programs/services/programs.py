"""Programs (TPBIS and its replications): created, changed and deleted by the program admin."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from perpus.followups.services import due
from perpus.scopes import has_ability
from perpus.writes import service

from ..models import Program


def _require_program_admin(user) -> None:
    if not has_ability(user, "configure_program"):
        raise PermissionDenied


@service
def program_save(*, program: Program, user) -> Program:
    """Validate and save a program (new or changed, fields already set); return it. The kept
    dashboards, whose filters list the programs, follow.

    Raises `PermissionDenied` for anyone but the program admin, `ValidationError` on data
    the form refuses (a code already used). Queries: the checks, the save, the follow-ups.
    """
    _require_program_admin(user)
    program.full_clean()
    program.save()
    due("program", everything=True)
    return program


@service
def program_delete(*, program: Program, user) -> None:
    """Delete a program that has no cohort entry. Raises `PermissionDenied` for anyone but
    the program admin, `ValidationError` when it has cohort entries (they would be lost).
    Queries: the check, the delete, the follow-ups."""
    _require_program_admin(user)
    if program.participations.exists():
        raise ValidationError(
            _("This program has cohort entries; remove them first."), code="has_participations"
        )
    program.delete()
    due("program", everything=True)
