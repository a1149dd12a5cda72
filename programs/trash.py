"""Assessment evidence and monitoring visits in the trash (`perpus.trash`), registered by
`ProgramsConfig.ready()`."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from perpus.trash import TrashKind

from .models import Assessment, AssessmentEvidence, Visit
from .services import evidence_restore
from .services.visits import visit_restore


def _checked_restore(deleted_for, service, argument: str):
    """A kind's `restore(obj, user)`: `service(<argument>=obj, user=user)` once `deleted_for(user)`
    holds `obj`, PermissionDenied otherwise (one query to check)."""

    def restore(obj, user):
        if not deleted_for(user).filter(pk=obj.pk).exists():
            raise PermissionDenied
        return service(**{argument: obj, "user": user})

    return restore


def deleted_evidence_for(user):
    """Deleted evidence `user` may restore: of assessments they wrote and may still change (lazy)."""
    if user is None or not user.is_authenticated:
        return AssessmentEvidence.objects.none()
    editable = Assessment.objects.editable_by(user).filter(author=user)
    return (
        AssessmentEvidence.objects.deleted()
        .filter(item__assessment__in=editable)
        .select_related("item__assessment__library", "item__criterion")
        .order_by("-deleted_at", "-pk")
    )


def title(evidence: AssessmentEvidence) -> str:
    """What the trash lists: the file, its criterion and library (no query after `deleted_for`)."""
    item = evidence.item
    return f"{evidence} · {item.criterion.label} · {item.assessment.library.name}"


def parent_url(evidence: AssessmentEvidence) -> str:
    return evidence.item.assessment.get_absolute_url()


EVIDENCE = TrashKind(
    key="evidence", model=AssessmentEvidence, deleted_for=deleted_evidence_for,
    restore=_checked_restore(deleted_evidence_for, evidence_restore, "evidence"),
    title=title, parent_url=parent_url,
)


def deleted_visits_for(user):
    """Deleted visits `user` may restore: those they could change (lazy)."""
    if user is None or not user.is_authenticated:
        return Visit.objects.none()
    return (
        Visit.objects.deleted_editable_by(user)
        .select_related("regency")
        .order_by("-deleted_at", "-pk")
    )


def visit_parent_url(visit: Visit) -> str:
    """The visits of its regency (the visit's own page is hidden while it is in the trash)."""
    query = f"?province={visit.province_id}&regency={visit.regency_id}"
    return reverse("programs:visit_list") + query


VISITS = TrashKind(
    key="visit", model=Visit, deleted_for=deleted_visits_for,
    restore=_checked_restore(deleted_visits_for, visit_restore, "visit"),
    title=str, parent_url=visit_parent_url,
)
