"""Access rules shared by the programs views; the scope decisions stay in perpus.scopes."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy

from perpus.mixins import FormUserMixin
from perpus.scopes import has_ability


class RoleRequiredMixin(LoginRequiredMixin):
    """Anonymous users log in; users without a role get 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_ability(request.user, "staff"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProgramAdminMixin(FormUserMixin, LoginRequiredMixin):
    """Only the program admin (national scope) configures programs and the ladder; others 403.
    Forms get `user=`."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not has_ability(request.user, "configure_program"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def stage_axis(level_names: dict[int, str], top: int) -> dict:
    """Chartkick options for a stage history's y axis: one tick per level, named (no query).

    Chart.js draws numbers; a tick callback cannot travel in chartkick's JSON, so the
    names go as `stage_names` and `programs/stage-axis.js` writes them on the axis and
    in the tooltips.
    """
    return {
        "min": 0,
        "max": top,
        "stage_names": level_names,
        "library": {"scales": {"y": {"ticks": {"stepSize": 1}}}},
    }


def is_program_admin(user) -> bool:
    return has_ability(user, "configure_program")


LADDER_URL = reverse_lazy("programs:ladder")
