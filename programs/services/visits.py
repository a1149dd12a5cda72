"""Recording monitoring visits: saving one (with its team, libraries and report), deleting and
restoring it (the trash)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from perpus.errors import ConcurrentEditError
from perpus.followups.services import due
from perpus.scopes import can_change
from perpus.writes import service

from ..models import Visit


def _delete_file_later(storage, name: str) -> None:
    """Remove a stored file once the transaction commits, if no visit names it any more."""

    def remove():
        if name and not Visit.objects.filter(report=name).exists():
            storage.delete(name)

    transaction.on_commit(remove)


def _save(visit: Visit, *, user, visitors, libraries, report, clear_report: bool) -> Visit:
    # The scope filters read the province; it always follows the regency.
    visit.province_id = visit.regency.province_id
    if not can_change(user, visit):
        raise PermissionDenied
    libraries = list(libraries)
    if any(library.regency_id != visit.regency_id for library in libraries):
        raise ValidationError(
            _("Only libraries of the visited regency or city can be chosen."),
            code="library_regency",
        )
    old_report = visit.report.name if visit.pk else ""
    if clear_report and report is None:
        visit.report = ""
    visit.full_clean(exclude=["author", "province", "report"])
    if report is not None:
        # Stored only once the visit is known to be valid, so a refused save leaves no file.
        visit.report.save(report.name, report, save=False)
    visit.save()
    visit.visitors.set(visitors)
    visit.libraries.set(libraries)
    if old_report and old_report != visit.report.name:
        _delete_file_later(visit.report.storage, old_report)
    due("visit", province_ids=[visit.province_id])
    return visit


@service
def visit_create(*, visit: Visit, user, visitors=(), libraries=(), report=None) -> Visit:
    """Save a new visit (fields already on the instance) by `user`, with its team members,
    libraries and report (a cleaned file from `perpus.uploads.clean_document`, or None).

    Raises PermissionDenied when the regency is outside what `user` may change,
    ValidationError on bad data. Returns the visit.
    """
    visit.author = user
    visit.version = 1
    return _save(
        visit, user=user, visitors=visitors, libraries=libraries, report=report, clear_report=False
    )


@service
def visit_update(
    *,
    visit: Visit,
    user,
    expected_version: int,
    visitors=(),
    libraries=(),
    report=None,
    clear_report=False,
) -> Visit:
    """Save `user`'s edits of `visit` (already applied to the instance). Returns it.

    Locks the row; raises `ConcurrentEditError` when it was saved since
    `expected_version` was read, PermissionDenied when `user` may not change it (before
    or after the edit), ValidationError on bad data. A replaced or removed report's
    file is deleted after the commit.
    """
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    if current.version != expected_version:
        raise ConcurrentEditError(
            _(
                "Someone else saved this visit while you were editing it. "
                "Your changes were not saved: open it again to see the new version."
            ),
            code="concurrent_edit",
        )
    if not can_change(user, current):
        raise PermissionDenied
    if current.is_deleted:
        raise ValidationError(
            _("This visit was deleted meanwhile; nothing was saved."), code="deleted"
        )
    # The report on the form's instance is the one loaded with it; the row's may be newer.
    visit.report = current.report.name
    visit.version = current.version + 1
    # Moved to another province: the dashboards it left follow too.
    due("visit", province_ids=[current.province_id])
    return _save(
        visit,
        user=user,
        visitors=visitors,
        libraries=libraries,
        report=report,
        clear_report=clear_report,
    )


@service
def visit_delete(*, visit: Visit, user) -> Visit:
    """Put `visit` in the trash (restorable; its report's file stays). Returns it.

    Raises ValidationError when assessments were recorded during it (they would point to a
    visit nobody sees), PermissionDenied when `user` may not change it.
    """
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    if current.is_deleted:
        return current
    if not can_change(user, current):
        raise PermissionDenied
    if current.assessments.exists():
        raise ValidationError(
            _("This visit has assessments recorded during it, so it cannot be deleted."),
            code="has_assessments",
        )
    current.mark_deleted(user)
    due("visit", province_ids=[current.province_id])
    return current


@service
def visit_restore(*, visit: Visit, user) -> Visit:
    """Bring `visit` back from the trash if `user` may change it (PermissionDenied otherwise)."""
    current = Visit.objects.select_for_update().get(pk=visit.pk)
    if not can_change(user, current):
        raise PermissionDenied
    current.mark_restored()
    due("visit", province_ids=[current.province_id])
    return current
