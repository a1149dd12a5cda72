"""Changing the official regions by hand (the Django admin's backstop to `import_regions`).

A region's name is on every public page below it and in the search texts, so every change
renews every kept page (the change "regions" of `perpus/followup_plan.py`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from perpus.followups.services import due
from perpus.scopes import has_ability
from perpus.writes import service


def _require_program_admin(user) -> None:
    # Regions are the program's configuration: only the program admin changes them.
    if not has_ability(user, "configure_program"):
        raise PermissionDenied


@service
def region_save(*, region, user):
    """Validate and save a province, regency, district or village (fields already set);
    return it. Raises `PermissionDenied` for anyone but the program admin, `ValidationError`
    on data the admin's form refuses. Queries: the checks, the save, the follow-ups' insert."""
    _require_program_admin(user)
    region.full_clean(exclude=["slug"])
    region.save()
    due("regions", everything=True)
    return region


@service
def region_delete(*, region, user) -> None:
    """Delete a region nothing points to (places below it and libraries protect it). Raises
    `PermissionDenied` for anyone but the program admin, `ProtectedError` when something
    still points to it. Queries: the deletion's, the follow-ups' insert."""
    _require_program_admin(user)
    region.delete()
    due("regions", everything=True)
