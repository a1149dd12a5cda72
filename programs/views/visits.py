"""Monitoring visits: the list, a visit's page, recording, editing and deleting one, its report.

Consultants of the province and program admins record and change visits; staff of the
province or regency read them; library managers and visitors have none (403 on the
list, 404 on a visit).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import ListView

from perpus.errors import ConcurrentEditError
from perpus.mixins import ScopedViewMixin
from perpus.scopes import can_change, can_create, has_ability
from perpus.uploads import serve_file
from villages.models import Province, Regency

from ..forms.visits import VisitFilterForm, VisitForm
from ..models import Visit
from ..selectors.visits import visit_list_queryset, visit_page
from ..services.visits import visit_create as create_visit
from ..services.visits import visit_delete as delete_visit
from ..services.visits import visit_update as update_visit


class VisitListView(ScopedViewMixin, ListView):
    """The visits in the user's scope, newest first, filtered by place and dates, 25 a page."""

    model = Visit
    template_name = "programs/visit_list.html"
    context_object_name = "visits"
    paginate_by = 25

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not has_ability(request.user, "dashboard"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.filter_form = VisitFilterForm(self.request.GET or None, user=self.request.user)
        return self.filter_form.apply(visit_list_queryset(self.request.user))

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form, can_record=can_create(self.request.user, Visit), **kwargs
        )


@require_safe
@login_required
def visit_detail(request, pk):
    """A visit with its team, libraries, survey, report and the assessments made during it."""
    visit = get_object_or_404(
        Visit.objects.for_user(request.user).select_related("regency", "province", "author"), pk=pk
    )
    context = {"visit": visit, **visit_page(visit, request.user)}
    return render(request, "programs/visit_detail.html", context)


def _picker(request, title, visit=None):
    """The regency picker: the provinces in scope, then the chosen one's regencies, as links."""
    provinces = list(Province.objects.for_user(request.user).order_by("name"))
    chosen = request.GET.get("province")
    if len(provinces) == 1:
        chosen = provinces[0].pk
    province = next((p for p in provinces if p.pk == chosen), None)
    regencies = []
    if province is not None:
        regencies = list(
            Regency.objects.for_user(request.user).filter(province=province).order_by("name")
        )
    return render(
        request,
        "programs/visit_regency_pick.html",
        {
            "title": title,
            "provinces": provinces,
            "province": province,
            "regencies": regencies,
            "visit": visit,
            "many_provinces": len(provinces) > 1,
        },
    )


def _picked_regency(request):
    """The regency chosen in the picker (`?regency=`), if in the user's scope (one query)."""
    code = request.GET.get("regency")
    if not code:
        return None
    return Regency.objects.for_user(request.user).select_related("province").filter(pk=code).first()


def _form_page(request, form, title, visit=None, status=200):
    return render(
        request,
        "programs/visit_form.html",
        {"form": form, "title": title, "visit": visit, "regency": form.regency},
        status=status,
    )


def _report(form):
    return form.cleaned_data.get("report") or None


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def visit_create(request):
    """Record a visit: pick the regency, then fill in the visit (consultants, program admins)."""
    if not can_create(request.user, Visit):
        raise PermissionDenied
    title = gettext("Record a monitoring visit")
    regency = _picked_regency(request)
    if request.method != "POST" and (regency is None or "pick" in request.GET):
        return _picker(request, title)
    form = VisitForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        regency=regency,
        instance=Visit(),
    )
    if request.method != "POST" and request.GET.get("library"):
        form.initial["libraries"] = [pk for pk in request.GET.getlist("library") if pk.isdigit()]
    if request.method == "POST" and form.is_valid():
        try:
            visit = create_visit(
                visit=form.instance,
                user=request.user,
                visitors=form.cleaned_data["visitors"],
                libraries=form.cleaned_data["libraries"],
                report=_report(form),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("The visit was saved."))
            return redirect(visit)
    return _form_page(request, form, title)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def visit_update(request, pk):
    """Change a visit; a copy saved meanwhile by someone else is refused (status 409)."""
    visit = get_object_or_404(Visit.objects.for_user(request.user).select_related("regency"), pk=pk)
    if not can_change(request.user, visit):
        raise PermissionDenied
    title = gettext("Edit the monitoring visit")
    if request.method != "POST" and "pick" in request.GET:
        return _picker(request, title, visit)
    form = VisitForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        regency=_picked_regency(request) if request.method != "POST" else None,
        instance=visit,
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            update_visit(
                visit=form.instance,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                visitors=form.cleaned_data["visitors"],
                libraries=form.cleaned_data["libraries"],
                report=_report(form),
                clear_report=form.cleaned_data.get("clear_report", False),
            )
        except ConcurrentEditError as error:
            form.add_error(None, error)
            status = 409
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, gettext("Changes saved."))
            return redirect(visit)
    return _form_page(request, form, title, visit, status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def visit_delete(request, pk):
    """Ask, then put a visit in the trash (POST); one with assessments is kept, with a message."""
    visit = get_object_or_404(Visit.objects.for_user(request.user).select_related("regency"), pk=pk)
    if not can_change(request.user, visit):
        raise PermissionDenied
    assessment_count = visit.assessments.count()
    if request.method == "POST":
        try:
            delete_visit(visit=visit, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(visit)
        messages.success(
            request, gettext("The visit was deleted. It can be restored from the trash.")
        )
        return redirect("programs:visit_list")
    return render(
        request,
        "programs/visit_confirm_delete.html",
        {"visit": visit, "assessment_count": assessment_count},
    )


@require_safe
@login_required
def visit_report(request, pk):
    """Serve a visit's report (private) to users who may see the visit; 404 for others."""
    visit = get_object_or_404(Visit.objects.for_user(request.user), pk=pk)
    filename = gettext("visit-report-%(date)s") % {"date": visit.starts_on.isoformat()}
    return serve_file(visit.report, public=False, filename=filename)
