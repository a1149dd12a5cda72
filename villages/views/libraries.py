"""Library pages: the public list and profile, registration and profile editing."""

from chartkick.django import ColumnChart, LineChart
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from perpus.mixins import ScopedViewMixin
from perpus.scopes import can_change, can_view

from .. import services
from ..forms import LibraryCreateForm, LibraryProfileForm, creatable_levels
from ..models import Library, LibraryPhoto, LibraryStatistic
from ..sections import library_sections

#: Months of statistics shown on a library page.
STATISTIC_MONTHS = 24


def libraries_visible_to(user):
    """Published libraries, plus the unpublished ones in the user's scope (lazy)."""
    public = Q(is_published=True)
    if user.is_authenticated:
        return Library.objects.filter(public | Q(pk__in=Library.objects.for_user(user).values("pk")))
    return Library.objects.filter(public)


class LibraryListView(ListView):
    template_name = "villages/library_list.html"
    paginate_by = 25

    def get_queryset(self):
        qs = libraries_visible_to(self.request.user).select_related(
            "province", "regency", "village"
        )
        self.query = self.request.GET.get("q", "").strip()
        if self.query:
            qs = qs.filter(
                Q(name__icontains=self.query)
                | Q(village__name__icontains=self.query)
                | Q(regency__name__icontains=self.query)
            )
        self.region = self.request.GET.get("region", "").strip()
        if self.region:
            qs = qs.filter(
                Q(province_id=self.region) | Q(regency_id=self.region) | Q(village_id=self.region)
            )
        return qs

    def get_context_data(self, **kwargs):
        user = self.request.user
        # Three cheap queries; the "register" button appears only for those who can use it.
        can_register = user.is_authenticated and bool(creatable_levels(user))
        return super().get_context_data(
            query=self.query, region=self.region, can_register=can_register, **kwargs
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
    """A library's page: public profile, photos, map, statistics and progress.

    Private contact fields are in the context only as `show_private`, true for
    users whose scope includes the library.
    """

    template_name = "villages/library_detail.html"
    context_object_name = "library"

    def get_queryset(self):
        return libraries_visible_to(self.request.user).select_related(
            "province", "regency", "village__district"
        ).prefetch_related(
            "opening_hours",
            Prefetch("photos", queryset=LibraryPhoto.objects.order_by("order", "pk")),
        )

    def get_context_data(self, **kwargs):
        library = self.object
        user = self.request.user
        statistics = list(
            LibraryStatistic.objects.filter(library=library).order_by("-month")[:STATISTIC_MONTHS]
        )
        chronological = list(reversed(statistics))
        visits_chart, activity_chart = statistics_charts(chronological) if statistics else (None, None)
        may_change = can_change(user, library)
        return super().get_context_data(
            show_private=can_view(user, library),
            can_edit=may_change,
            can_edit_photos=can_change(user, LibraryPhoto(library=library)),
            can_enter_statistics=can_change(user, LibraryStatistic(library=library)),
            photos=list(library.photos.all()),
            opening_hours=list(library.opening_hours.all()),
            statistics=statistics,
            visits_chart=visits_chart,
            activity_chart=activity_chart,
            has_location=library.latitude is not None and library.longitude is not None,
            sections=library_sections(library, user, self.request),
            **kwargs,
        )


class LibraryFormMixin:
    model = Library
    template_name = "villages/library_form.html"

    def form_valid(self, form):
        self.object = services.library_save(
            library=form.save(commit=False), opening_hours=form.opening_hours()
        )
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
