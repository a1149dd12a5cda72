"""Library pages: the public list and profile, registration and profile editing."""

from chartkick.django import ColumnChart, LineChart
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from perpus.mixins import ScopedViewMixin
from perpus.pagination import CappedPaginator
from perpus.scopes import can_change, can_view

from .. import services
from ..sections import library_sections
from ..selectors import library_photos, recent_statistics
from ..params import region_code, search_term
from ..forms import LibraryCreateForm, LibraryProfileForm, creatable_levels
from ..models import Library, LibraryPhoto, LibraryStatistic

class LibraryListView(ListView):
    """Libraries the user may see, searched by name (`q`) and filtered by region code (`region`).

    A malformed region code is ignored with a message, never a server error.
    """

    template_name = "villages/library_list.html"
    paginate_by = 25
    # The national list must not count every library on each page view.
    paginator_class = CappedPaginator

    def get_queryset(self):
        qs = Library.objects.visible_to(self.request.user).select_related(
            "province", "regency", "village"
        )
        self.query = search_term(self.request.GET.get("q"))
        if self.query:
            qs = qs.filter(
                Q(name__icontains=self.query)
                | Q(village__name__icontains=self.query)
                | Q(regency__name__icontains=self.query)
            )
        region = region_code(self.request.GET.get("region"))
        self.bad_region = region is None
        self.region = region or ""
        if self.region:
            qs = qs.filter(
                Q(province_id=self.region) | Q(regency_id=self.region) | Q(village_id=self.region)
            )
        return qs

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query, region=self.region, bad_region=self.bad_region, **kwargs
        )


def statistics_charts(rows) -> tuple:
    """Return (visits line chart, loans/members column chart) for statistic `rows`, oldest first."""
    months = [row.month.strftime("%Y-%m") for row in rows]
    visits = LineChart(
        [
            {"name": gettext("Visits by women and girls"), "data": [[m, r.visits_female] for m, r in zip(months, rows)]},
            {"name": gettext("Visits by men and boys"), "data": [[m, r.visits_male] for m, r in zip(months, rows)]},
            {"name": gettext("All visits"), "data": [[m, r.visits] for m, r in zip(months, rows)]},
        ],
        discrete=True,
        height="280px",
        xtitle=gettext("Month"),
        ytitle=gettext("Visits"),
        loading=gettext("Loading…"),
    )
    activity = ColumnChart(
        [
            {"name": gettext("Loans"), "data": [[m, r.loans] for m, r in zip(months, rows)]},
            {"name": gettext("New members"), "data": [[m, r.new_members] for m, r in zip(months, rows)]},
        ],
        height="240px",
        discrete=True,
        loading=gettext("Loading…"),
    )
    return visits, activity


class LibraryDetailView(DetailView):
    """A library's page: public profile, photos, map, statistics, and the sections other apps add.

    Private contact fields are in the context only as `show_private`, true for
    users whose scope includes the library.
    """

    template_name = "villages/library_detail.html"
    context_object_name = "library"

    def get_queryset(self):
        return Library.objects.visible_to(self.request.user).select_related(
            "province", "regency", "village__district"
        ).prefetch_related("opening_hours")

    def get_context_data(self, **kwargs):
        library = self.object
        user = self.request.user
        statistics = recent_statistics(library)
        chronological = list(reversed(statistics))
        visits_chart, activity_chart = statistics_charts(chronological) if statistics else (None, None)
        may_change = can_change(user, library)
        in_scope = can_view(user, library)
        return super().get_context_data(
            show_private=in_scope,
            can_edit=may_change,
            can_edit_photos=can_change(user, LibraryPhoto(library=library)),
            can_enter_statistics=can_change(user, LibraryStatistic(library=library)),
            photos=library_photos(library, user),
            opening_hours=list(library.opening_hours.all()),
            statistics=statistics,
            visits_chart=visits_chart,
            activity_chart=activity_chart,
            has_location=library.latitude is not None and library.longitude is not None,
            # What the apps built on this one add to the page; their queries run here.
            sections=library_sections(library, user, self.request),
            **kwargs,
        )


class LibraryFormMixin:
    model = Library
    template_name = "villages/library_form.html"

    def form_valid(self, form):
        try:
            self.object = services.library_save(
                library=form.save(commit=False),
                opening_hours=form.opening_hours(),
                expected_version=form.expected_version,
            )
        except services.ConcurrentEditError as error:
            # Someone saved the profile since this form was opened: refuse, keep the input.
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        messages.success(self.request, self.success_message % {"name": self.object.name})
        return HttpResponseRedirect(self.object.get_absolute_url())


class LibraryCreateView(ScopedViewMixin, LibraryFormMixin, CreateView):
    """Register a library in a place the user may change (regency staff, province staff, admin)."""

    scope_action = "create"
    form_class = LibraryCreateForm
    success_message = _("The library “%(name)s” is registered.")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not creatable_levels(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=gettext("Register a library"), **kwargs)


class LibraryUpdateView(ScopedViewMixin, LibraryFormMixin, UpdateView):
    """Edit a library's profile (not its place): its manager, regency staff, admin."""

    scope_action = "change"
    form_class = LibraryProfileForm
    success_message = _("The profile of “%(name)s” is saved.")

    def get_queryset(self):
        return super().get_queryset().select_related("province", "regency", "village")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=gettext("Edit the profile of %(name)s") % {"name": self.object.name},
            **kwargs,
        )
