"""Programs and their yearly cohorts: the program admin edits, others read within scope."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DeleteView, ListView, UpdateView

from perpus.errors import show_on_form
from perpus.mixins import ScopedViewMixin
from perpus.scopes import can_create

from .. import services
from ..forms import ParticipationForm, ProgramForm
from ..forms.cohorts import RegencyFilterForm
from ..models import FundingSource, Participation, Program
from .common import ProgramAdminMixin, RoleRequiredMixin, is_program_admin


class ProgramListView(RoleRequiredMixin, ListView):
    template_name = "programs/program_list.html"
    context_object_name = "programs"

    def get_queryset(self):
        # Participation counts are limited to the reader's scope.
        in_scope = Participation.objects.for_user(self.request.user).values("pk")
        return Program.objects.annotate(
            cohort_size=Count("participations", filter=Q(participations__pk__in=in_scope))
        ).order_by("name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_edit=is_program_admin(self.request.user), **kwargs)


class _ProgramFormMixin:
    """Saves through `services.program_save`; a refusal is shown on the form."""

    model = Program
    form_class = ProgramForm
    template_name = "programs/form.html"
    success_url = reverse_lazy("programs:program_list")

    def form_valid(self, form):
        try:
            self.object = services.program_save(program=form.save(commit=False), user=self.request.user)
        except ValidationError as error:
            show_on_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The program was saved."))
        return HttpResponseRedirect(self.get_success_url())


class ProgramCreateView(ProgramAdminMixin, _ProgramFormMixin, CreateView):
    extra_context = {"title": _("New program")}


class ProgramUpdateView(ProgramAdminMixin, _ProgramFormMixin, UpdateView):
    extra_context = {"title": _("Edit program")}


class ProgramDeleteView(ProgramAdminMixin, DeleteView):
    model = Program
    template_name = "programs/confirm_delete.html"
    success_url = reverse_lazy("programs:program_list")

    def get_form_kwargs(self):
        return super(ProgramAdminMixin, self).get_form_kwargs()

    def form_valid(self, form):
        try:
            services.program_delete(program=self.object, user=self.request.user)
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect("programs:program_list")
        messages.success(self.request, _("The program was deleted."))
        return HttpResponseRedirect(self.success_url)


class ParticipationListView(ScopedViewMixin, RoleRequiredMixin, ListView):
    model = Participation
    template_name = "programs/participation_list.html"
    context_object_name = "participations"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().select_related("library__regency", "library__province", "program")
        self.filters = {
            "year": self.request.GET.get("year", "").strip(),
            "program": self.request.GET.get("program", "").strip(),
            "funding": self.request.GET.get("funding", "").strip(),
        }
        if self.filters["year"].isdecimal():
            qs = qs.filter(year=int(self.filters["year"]))
        if self.filters["program"].isdecimal():
            qs = qs.filter(program_id=int(self.filters["program"]))
        if self.filters["funding"] in FundingSource.values:
            qs = qs.filter(funding_source=self.filters["funding"])
        return qs.order_by("-year", "library__province__name", "library__regency__name", "library__name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filters=self.filters,
            programs=Program.objects.order_by("name"),
            funding_choices=FundingSource.choices,
            can_create=can_create(self.request.user, Participation),
            **kwargs,
        )


class _ParticipationFormMixin:
    model = Participation
    form_class = ParticipationForm
    template_name = "programs/participation_form.html"
    saved_message = _("The cohort entry was saved.")

    def get_regency(self) -> str:
        """The regency whose libraries the form lists: a valid choice of the filter, else the
        entry's own regency, else "" (agency libraries). One query, cached."""
        if not hasattr(self, "_regency"):
            self.regency_form = RegencyFilterForm(
                {"regency": self.request.GET.get("regency", "")}, user=self.request.user
            )
            regency = ""
            # A bad value (unknown code, NUL byte...) is ignored, never sent to the database.
            if self.regency_form.is_valid() and self.regency_form.cleaned_data["regency"]:
                regency = self.regency_form.cleaned_data["regency"].pk
            elif getattr(self, "object", None) is not None and self.object.pk:
                regency = self.object.library.regency_id or ""
            self._regency = regency
        return self._regency

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["regency"] = self.get_regency()
        return kwargs

    def get_context_data(self, **kwargs):
        regency = self.get_regency()
        regency_form = RegencyFilterForm(
            {"regency": regency} if regency else None, user=self.request.user
        )
        return super().get_context_data(regency_form=regency_form, **kwargs)

    def get_success_url(self):
        return reverse("programs:participation_list")

    def form_valid(self, form):
        try:
            self.object = services.participation_save(
                participation=form.save(commit=False), user=self.request.user
            )
        except ValidationError as error:
            show_on_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.saved_message)
        return HttpResponseRedirect(self.get_success_url())


class ParticipationCreateView(ScopedViewMixin, _ParticipationFormMixin, CreateView):
    scope_action = "create"
    extra_context = {"title": _("New cohort entry")}


class ParticipationUpdateView(ScopedViewMixin, _ParticipationFormMixin, UpdateView):
    scope_action = "change"
    extra_context = {"title": _("Edit cohort entry")}


class ParticipationDeleteView(ScopedViewMixin, DeleteView):
    model = Participation
    scope_action = "change"
    template_name = "programs/confirm_delete.html"
    success_url = reverse_lazy("programs:participation_list")

    def get_form_kwargs(self):
        # DeleteView's confirmation form takes no user.
        return super(ScopedViewMixin, self).get_form_kwargs()

    def form_valid(self, form):
        services.participation_delete(participation=self.object, user=self.request.user)
        messages.success(self.request, _("The cohort entry was deleted."))
        return HttpResponseRedirect(self.success_url)
