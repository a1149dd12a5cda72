"""Recording monitoring visits: the assessment, its verdicts, and the library's new stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from perpus.followups.services import due
from perpus.scopes import can_change, can_change_as_author, can_create, can_view, has_ability
from perpus.writes import service

from ..models import Assessment, AssessmentEvidence, AssessmentItem, Criterion, Verdict


@dataclass
class ItemInput:
    """What the form says about one attested criterion."""

    verdict: str = Verdict.NOT_ASSESSED
    note: str = ""
    #: A cleaned file (`perpus.uploads.clean_document`) to add, or None.
    evidence: object | None = None
    #: The name the uploader gave the file, offered when it is opened.
    evidence_name: str = ""


def _save_items(assessment: Assessment, items: dict[int, ItemInput], user) -> None:
    existing = {item.criterion_id: item for item in assessment.items.all()}
    criteria = Criterion.objects.in_bulk(list(items))
    for criterion_id, data in items.items():
        if criterion_id not in criteria:
            continue
        item = existing.get(criterion_id) or AssessmentItem(
            assessment=assessment, criterion=criteria[criterion_id]
        )
        item.verdict = data.verdict
        item.note = data.note
        item.save()
        if data.evidence is not None:
            # A new file is added beside the earlier ones; removing one is a soft delete.
            evidence = AssessmentEvidence(item=item, name=data.evidence_name[:200], uploaded_by=user)
            evidence.file.save(data.evidence.name, data.evidence, save=False)
            evidence.save()


def _join_visit(visit, library) -> None:
    """An assessment made during a visit means the visit included its library (one query)."""
    if visit is not None:
        visit.libraries.add(library)


def check_visit_date(visited_on: date, visit) -> None:
    """Refuse (`ValidationError` on `visited_on`) a date in the future, or outside the days
    of the visit the assessment was made during (no query). The form and the services use it."""
    if visited_on > timezone.localdate():
        raise ValidationError({"visited_on": _("The visit date cannot be in the future.")})
    if visit is not None and not visit.starts_on <= visited_on <= visit.ends_on:
        raise ValidationError(
            {
                "visited_on": _("The date must be one of the visit's days (%(first)s to %(last)s).")
                % {"first": visit.starts_on.isoformat(), "last": visit.ends_on.isoformat()}
            }
        )


def _check_visit(visit, library, user) -> None:
    """Refuse a visit `user` may not see or made to another regency than the library's
    (no query beyond the consultant's provinces)."""
    if visit is None:
        return
    if visit.is_deleted or not can_view(user, visit) or visit.regency_id != library.regency_id:
        raise ValidationError({"visit": _("Choose a visit to this library's regency or city.")})


def may_change(user, assessment: Assessment) -> bool:
    """Whether `user` may change `assessment` and its evidence: its author while in scope, or
    the program admin (the Django admin's backstop). No query beyond loaded FKs."""
    return can_change_as_author(user, assessment) or has_ability(user, "configure_program")


@service
def assessment_create(
    *,
    author,
    library,
    visited_on: date,
    findings: str,
    recommendations: str = "",
    items: dict[int, ItemInput] | None = None,
    visit=None,
) -> Assessment:
    """Record `author`'s assessment of `library` with its verdicts; return it. The library's
    stage, figures and pages follow; the library joins the visit's libraries.

    Raises `PermissionDenied` unless `author` may assess the library, `ValidationError` on
    what the form refuses (a date in the future or outside the visit's days, a visit
    elsewhere). Queries: the insert, one or two per verdict, the follow-ups.
    """
    assessment = Assessment(
        library=library,
        author=author,
        visited_on=visited_on,
        visit=visit,
        findings=findings,
        recommendations=recommendations,
    )
    if not can_create(author, Assessment) or not can_change(author, assessment):
        raise PermissionDenied
    _validate(assessment, author)
    assessment.save()
    _join_visit(visit, library)
    _save_items(assessment, items or {}, author)
    due("assessment", library_ids=[library.pk])
    return assessment


def _validate(assessment: Assessment, user) -> None:
    check_visit_date(assessment.visited_on, assessment.visit)
    _check_visit(assessment.visit, assessment.library, user)
    assessment.full_clean()


@service
def assessment_update(
    *,
    assessment: Assessment,
    user,
    visited_on: date,
    findings: str,
    recommendations: str = "",
    items: dict[int, ItemInput] | None = None,
    visit=None,
) -> Assessment:
    """Change an assessment, its visit and its verdicts; return it. The library's stage,
    figures and pages follow (and those of the library it had, if the admin moved it).

    Raises `PermissionDenied` unless `user` may change it (`may_change`, before and after),
    `ValidationError` on what the form refuses. Queries: the row as it was, the update, one
    or two per verdict, the follow-ups.
    """
    current = Assessment.objects.select_related("library").get(pk=assessment.pk)
    if not may_change(user, current):
        raise PermissionDenied
    assessment.visited_on = visited_on
    assessment.visit = visit
    assessment.findings = findings
    assessment.recommendations = recommendations
    if not may_change(user, assessment):
        raise PermissionDenied
    _validate(assessment, user)
    assessment.save()
    _join_visit(visit, assessment.library)
    _save_items(assessment, items or {}, user)
    due("assessment", library_ids=[assessment.library_id, current.library_id])
    return assessment


@service
def assessment_delete(*, assessment: Assessment, user) -> None:
    """Delete an assessment with its verdicts (the admin's backstop); the library's stage,
    figures and pages follow. Raises `PermissionDenied` unless `user` may change it,
    `ValidationError` when it has evidence files (kept, even in the trash). Queries: the
    check, the deletes, the follow-ups."""
    if not may_change(user, assessment):
        raise PermissionDenied
    if AssessmentEvidence.objects.filter(item__assessment=assessment).exists():
        raise ValidationError(
            _("This assessment has evidence files, so it cannot be deleted."), code="has_evidence"
        )
    library_id = assessment.library_id
    assessment.delete()
    due("assessment", library_ids=[library_id])


@service
def evidence_delete(*, evidence: AssessmentEvidence, user) -> AssessmentEvidence:
    """Put an evidence file in the trash (soft delete; the file stays); return it. Raises
    `PermissionDenied` unless `user` may change its assessment (one query for it)."""
    if not may_change(user, evidence.item.assessment):
        raise PermissionDenied
    evidence.mark_deleted(user)
    return evidence


@service
def evidence_restore(*, evidence: AssessmentEvidence, user) -> AssessmentEvidence:
    """Bring an evidence file back from the trash; return it. Raises `PermissionDenied`
    unless `user` may change its assessment (one query for it)."""
    if not may_change(user, evidence.item.assessment):
        raise PermissionDenied
    evidence.mark_restored()
    return evidence
