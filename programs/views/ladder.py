"""The progress ladder: everyone with a role reads it; the program admin edits it."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, TemplateView, UpdateView

from perpus.scopes import has_ability

from ..forms import CriterionForm, StageForm
from ..models import Criterion, Stage
from .. import services
from ..services import load_ladder
from .common import LADDER_URL, ProgramAdminMixin, RoleRequiredMixin, is_program_admin


class LadderView(RoleRequiredMixin, TemplateView):
    template_name = "programs/ladder.html"

    def get_context_data(self, **kwargs):
        can_edit = is_program_admin(self.request.user)
        # The editor sees what is retired, to reinstate it; everyone else only the ladder.
        return super().get_context_data(
            stages=load_ladder(include_retired=can_edit), can_edit=can_edit, **kwargs
        )


class _LadderEditMixin(ProgramAdminMixin):
    """Saves through the ladder services, which recompute every library's stage."""

    template_name = "programs/form.html"
    success_url = LADDER_URL

    def form_valid(self, form):
        obj = form.save(commit=False)
        if isinstance(obj, Stage):
            self.object = services.stage_save(stage=obj, user=self.request.user)
        else:
            self.object = services.criterion_save(criterion=obj, user=self.request.user)
        messages.success(self.request, gettext("The ladder was saved and every library's stage recomputed."))
        return HttpResponseRedirect(self.get_success_url())


class StageCreateView(_LadderEditMixin, CreateView):
    model = Stage
    form_class = StageForm
    extra_context = {"title": _("New stage")}

    def get_initial(self):
        last = Stage.objects.order_by("-order").values_list("order", flat=True).first() or 0
        return {"order": last + 1}


class StageUpdateView(_LadderEditMixin, UpdateView):
    model = Stage
    form_class = StageForm
    extra_context = {"title": _("Edit stage")}


class CriterionCreateView(_LadderEditMixin, CreateView):
    model = Criterion
    form_class = CriterionForm
    extra_context = {"title": _("New criterion")}

    def get_initial(self):
        stage = self.request.GET.get("stage", "")
        return {"stage": stage} if stage.isdecimal() else {}


class CriterionUpdateView(_LadderEditMixin, UpdateView):
    model = Criterion
    form_class = CriterionForm
    extra_context = {"title": _("Edit criterion")}


class _LadderDeleteView(ProgramAdminMixin, DeleteView):
    """Asks first, saying whether the stage or criterion will be deleted or retired (the
    ladder service decides: what consultants' verdicts refer to is retired, never lost)."""

    template_name = "programs/ladder_confirm_delete.html"
    success_url = LADDER_URL

    def get_form_kwargs(self):
        return super(ProgramAdminMixin, self).get_form_kwargs()

    def get_context_data(self, **kwargs):
        return super().get_context_data(removal=services.ladder_removal(self.object), **kwargs)

    def form_valid(self, form):
        removal = services.ladder_delete(obj=self.object, user=self.request.user)
        if removal.retires:
            messages.success(
                self.request,
                gettext(
                    "%(reason)s So it was retired rather than deleted: it no longer counts, its "
                    "verdicts are kept, and editing it can reinstate it. Every library's stage "
                    "was recomputed."
                )
                % {"reason": removal.reason},
            )
        else:
            messages.success(
                self.request, gettext("Deleted from the ladder; every library's stage was recomputed.")
            )
        return HttpResponseRedirect(self.get_success_url())


class StageDeleteView(_LadderDeleteView):
    model = Stage


class CriterionDeleteView(_LadderDeleteView):
    model = Criterion


@require_POST
def ladder_recompute(request):
    """Recompute every library's stage now (program admin; POST only)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not has_ability(request.user, "configure_program"):
        raise PermissionDenied
    summary = services.stages_recompute(user=request.user)
    messages.success(
        request,
        gettext("Stages recomputed for %(count)d libraries; %(changed)d changed.")
        % {"count": summary.libraries, "changed": summary.changed},
    )
    return redirect("programs:ladder")
