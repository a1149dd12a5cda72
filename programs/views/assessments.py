"""Monitoring visits: consultants of the province record them; the library's scope reads them."""

import mimetypes
from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView

from perpus.mixins import ScopedViewMixin
from perpus.scopes import can_change, can_create
from villages.models import Library

from .. import services
from ..forms import AssessmentForm
from ..models import Assessment, AssessmentItem, Criterion, CriterionKind
from .common import RoleRequiredMixin


def _attested_criteria():
    return list(
        Criterion.objects.filter(kind=CriterionKind.ATTESTED)
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
        return super().get_queryset().select_related("library", "author")

    def get_context_data(self, **kwargs):
        items = self.object.items.select_related("criterion__stage").order_by(
            "criterion__stage__order", "criterion__order", "criterion_id"
        )
        return super().get_context_data(
            items=items,
            can_edit=self.object.author_id == self.request.user.pk
            and can_change(self.request.user, self.object),
            **kwargs,
        )


@login_required
def assessment_create(request, library_pk):
    """Record a monitoring visit of a library in the user's scope (consultants, program admin)."""
    library = get_object_or_404(Library.objects.for_user(request.user), pk=library_pk)
    if not can_create(request.user, Assessment):
        raise PermissionDenied
    criteria = _attested_criteria()
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        criteria=criteria,
        instance=Assessment(library=library, author=request.user),
    )
    if request.method == "POST" and form.is_valid():
        services.assessment_create(
            author=request.user,
            library=library,
            visited_on=form.cleaned_data["visited_on"],
            findings=form.cleaned_data["findings"],
            recommendations=form.cleaned_data["recommendations"],
            items=form.item_inputs(),
        )
        messages.success(request, gettext("The assessment was saved and the stage recomputed."))
        return redirect("programs:library_progress", pk=library.pk)
    return render(
        request,
        "programs/assessment_form.html",
        {"form": form, "library": library, "title": gettext("Record an assessment")},
    )


@login_required
def assessment_update(request, pk):
    """Change a monitoring visit; only its author may (403 for others in scope)."""
    assessment = get_object_or_404(
        Assessment.objects.for_user(request.user).select_related("library"), pk=pk
    )
    if assessment.author_id != request.user.pk or not can_change(request.user, assessment):
        raise PermissionDenied
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        criteria=_attested_criteria(),
        instance=assessment,
    )
    if request.method == "POST" and form.is_valid():
        services.assessment_update(
            assessment=assessment,
            visited_on=form.cleaned_data["visited_on"],
            findings=form.cleaned_data["findings"],
            recommendations=form.cleaned_data["recommendations"],
            items=form.item_inputs(),
        )
        messages.success(request, gettext("The assessment was saved and the stage recomputed."))
        return redirect(assessment)
    return render(
        request,
        "programs/assessment_form.html",
        {"form": form, "library": assessment.library, "title": gettext("Edit assessment")},
    )


@login_required
def assessment_evidence(request, pk):
    """Serve an evidence file to users who may see its assessment (404 for everyone else)."""
    item = get_object_or_404(
        AssessmentItem.objects.filter(assessment__in=Assessment.objects.for_user(request.user)),
        pk=pk,
    )
    if not item.evidence:
        raise Http404
    name = PurePath(item.evidence.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(item.evidence.open("rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
