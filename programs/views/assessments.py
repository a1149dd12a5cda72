"""Monitoring visits: consultants of the province record them; the library's scope reads them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import DetailView, ListView

from perpus.errors import show_on_form
from perpus.mixins import ScopedViewMixin
from perpus.scopes import can_change_as_author, can_create, can_view
from perpus.uploads import serve_file
from villages.models import Library

from .. import services
from ..forms import AssessmentForm
from ..models import Assessment, AssessmentEvidence, Criterion, CriterionKind, Visit
from .common import RoleRequiredMixin


def _attested_criteria():
    # Retired criteria keep their verdicts but are no longer asked about.
    return list(
        Criterion.objects.filter(kind=CriterionKind.ATTESTED, retired=False, stage__retired=False)
        .select_related("stage")
        .order_by("stage__order", "stage_id", "order", "pk")
    )


class AssessmentListView(ScopedViewMixin, RoleRequiredMixin, ListView):
    model = Assessment
    template_name = "programs/assessment_list.html"
    context_object_name = "assessments"
    paginate_by = 50

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("library__regency", "author")
            .order_by("-visited_on", "-pk")
        )


class AssessmentDetailView(ScopedViewMixin, DetailView):
    model = Assessment
    template_name = "programs/assessment_detail.html"
    context_object_name = "assessment"

    def get_queryset(self):
        return super().get_queryset().select_related("library", "author", "visit__regency")

    def get_context_data(self, **kwargs):
        items = (
            self.object.items.select_related("criterion__stage")
            .prefetch_related(Prefetch("evidence_files", queryset=AssessmentEvidence.objects.alive()))
            .order_by("criterion__stage__order", "criterion__order", "criterion_id")
        )
        visit = self.object.visit
        # Library managers see their assessments but not the visits (about many libraries).
        if visit is not None and (visit.is_deleted or not can_view(self.request.user, visit)):
            visit = None
        return super().get_context_data(
            items=items,
            can_edit=can_change_as_author(self.request.user, self.object),
            visit=visit,
            **kwargs,
        )


def _assessment_values(form) -> dict:
    """What the services take from a valid assessment form (no query)."""
    return {
        "visited_on": form.cleaned_data["visited_on"],
        "findings": form.cleaned_data["findings"],
        "recommendations": form.cleaned_data["recommendations"],
        "items": form.item_inputs(),
        "visit": form.cleaned_data.get("visit"),
    }


@login_required
def assessment_create(request, library_pk):
    """Record an assessment of a library in the user's scope (consultants, program admin),
    optionally during a monitoring visit (`?visit=` preselects it)."""
    library = get_object_or_404(Library.objects.for_user(request.user), pk=library_pk)
    if not can_create(request.user, Assessment):
        raise PermissionDenied
    criteria = _attested_criteria()
    initial = {}
    if request.method != "POST" and request.GET.get("visit", "").isdigit():
        # "Record an assessment during this visit": the visit preselected, its last day
        # (or today, while it goes on) as the date.
        visit = Visit.objects.for_user(request.user).filter(
            pk=request.GET["visit"], regency_id=library.regency_id
        ).first()
        if visit is not None:
            initial = {"visit": visit.pk, "visited_on": min(visit.ends_on, timezone.localdate())}
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        criteria=criteria,
        initial=initial,
        instance=Assessment(library=library, author=request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(
                author=request.user, library=library, **_assessment_values(form)
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, gettext("The assessment was saved and the stage recomputed."))
            if assessment.visit_id:
                return redirect(assessment.visit)
            return redirect("programs:library_progress", pk=library.pk)
    return render(
        request,
        "programs/assessment_form.html",
        {"form": form, "library": library, "title": gettext("Record an assessment")},
    )


@login_required
def assessment_update(request, pk):
    """Change an assessment; only its author may (403 for others in scope)."""
    assessment = get_object_or_404(
        Assessment.objects.for_user(request.user).select_related("library"), pk=pk
    )
    if not can_change_as_author(request.user, assessment):
        raise PermissionDenied
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        criteria=_attested_criteria(),
        instance=assessment,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_update(
                assessment=assessment, user=request.user, **_assessment_values(form)
            )
        except ValidationError as error:
            show_on_form(form, error)
        else:
            messages.success(request, gettext("The assessment was saved and the stage recomputed."))
            return redirect(assessment)
    return render(
        request,
        "programs/assessment_form.html",
        {"form": form, "library": assessment.library, "title": gettext("Edit assessment")},
    )


def _evidence_in_scope(user):
    return AssessmentEvidence.objects.alive().filter(
        item__assessment__in=Assessment.objects.for_user(user)
    )


@require_safe
@login_required
def evidence_file(request, pk):
    """Serve an evidence file (private) to users who may see its assessment; 404 for others."""
    evidence = get_object_or_404(_evidence_in_scope(request.user), pk=pk)
    return serve_file(evidence.file, public=False, filename=evidence.name or None)


@require_POST
@login_required
def evidence_delete(request, pk):
    """Put an evidence file in the trash (its assessment's author; restorable from the trash)."""
    evidence = get_object_or_404(
        _evidence_in_scope(request.user).select_related("item__assessment"), pk=pk
    )
    assessment = evidence.item.assessment
    if not can_change_as_author(request.user, assessment):
        raise PermissionDenied
    services.evidence_delete(evidence=evidence, user=request.user)
    messages.success(request, gettext("The evidence was deleted. It can be restored from the trash."))
    return redirect(assessment)
