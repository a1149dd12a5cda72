"""Recording monitoring visits: the assessment, its verdicts, and the library's new stage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from perpus.followups.services import due

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


@transaction.atomic
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
    """Record an assessment with its verdicts and recompute the library's stage.

    The caller has checked that `author` may assess `library` and see `visit` (the
    monitoring visit it was made during, or None); the library joins the visit's
    libraries. Returns the assessment.
    """
    assessment = Assessment.objects.create(
        library=library,
        author=author,
        visited_on=visited_on,
        visit=visit,
        findings=findings,
        recommendations=recommendations,
    )
    _join_visit(visit, library)
    _save_items(assessment, items or {}, author)
    due("assessment", library_ids=[library.pk])
    return assessment


@transaction.atomic
def assessment_update(
    *,
    assessment: Assessment,
    visited_on: date,
    findings: str,
    recommendations: str = "",
    items: dict[int, ItemInput] | None = None,
    visit=None,
) -> Assessment:
    """Change an assessment, its visit and its verdicts, then recompute the library's stage."""
    assessment.visited_on = visited_on
    assessment.visit = visit
    assessment.findings = findings
    assessment.recommendations = recommendations
    assessment.save()
    _join_visit(visit, assessment.library)
    _save_items(assessment, items or {}, assessment.author)
    due("assessment", library_ids=[assessment.library_id])
    return assessment


@transaction.atomic
def evidence_delete(*, evidence: AssessmentEvidence, user) -> AssessmentEvidence:
    """Put an evidence file in the trash (soft delete; the file stays). Returns it."""
    evidence.mark_deleted(user)
    return evidence


@transaction.atomic
def evidence_restore(*, evidence: AssessmentEvidence, user) -> AssessmentEvidence:
    """Bring an evidence file back from the trash. Returns it."""
    evidence.mark_restored()
    return evidence
