"""Library pages: the public list and profile, registration and profile editing."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from perpus.errors import show_on_form
from perpus.mixins import ScopedViewMixin
from perpus.pagination import CappedPaginator
from perpus.scopes import can_change, can_view
from perpus.social import share_preview

from .. import services
from ..charts import monthly_bars_svg
from ..maps import map_tiles
from ..sections import library_sections
from ..selectors import library_photos, recent_statistics
from ..params import region_code, search_term
from ..forms import LibraryCreateForm, LibraryProfileForm, creatable_levels
from ..models import Library, LibraryPhoto, LibraryStatistic

class LibraryListView(ListView):
    """Libraries the user may see, searched by name (`q`) and filtered by region code (`region`).

    A malformed region code is ignored with a message, never a server error; the list's
    downloads refuse it (`filter_errors`, read by `perpus.export_registry.list_view_queryset`).
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
        self.filter_errors = (
            [_("The region in the address is not a region code.")] if self.bad_region else []
        )
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


class LibraryDetailView(DetailView):
    """A library's page at its readable URL: public profile, photos, map, the monthly visits
    chart (SVG drawn here), and the sections other apps add (stage, activities, products...).

    Private contact fields are in the context only as `show_private`, true for users whose
    scope includes the library. An address whose province or regency part is out of date
    redirects (301) to the current one.
    """

    template_name = "villages/library_detail.html"
    context_object_name = "library"
    slug_url_kwarg = "library"

    def get_queryset(self):
        return Library.objects.visible_to(self.request.user).select_related(
            "province", "regency", "village__district"
        ).prefetch_related("opening_hours")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if request.path != canonical:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{canonical}?{query}" if query else canonical)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        library = self.object
        user = self.request.user
        statistics = recent_statistics(library)
        may_change = can_change(user, library)
        in_scope = can_view(user, library)
        photos = library_photos(library, user)
        return super().get_context_data(
            show_private=in_scope,
            can_edit=may_change,
            can_edit_photos=can_change(user, LibraryPhoto(library=library)),
            can_enter_statistics=can_change(user, LibraryStatistic(library=library)),
            photos=photos,
            opening_hours=list(library.opening_hours.all()),
            statistics=statistics,
            visits_chart=monthly_bars_svg(reversed(statistics), gettext("Visits per month")),
            has_location=library.latitude is not None and library.longitude is not None,
            map_tiles=map_tiles(),
            # What the apps built on this one add to the page; their queries run here.
            sections=library_sections(library, user, self.request),
            social=library_share_preview(self.request, library, photos),
            **kwargs,
        )


def library_share_preview(request, library, photos) -> dict:
    """The share preview of a library's page: its name, place, description and first public
    photo (no query)."""
    public_photo = next((photo for photo in photos if photo.may_be_public), None) if library.is_published else None
    place = ", ".join(part.name for part in (library.village, library.regency, library.province) if part)
    return share_preview(
        title=library.name,
        description=library.description or place,
        image=request.build_absolute_uri(public_photo.large_url) if public_photo else "",
        image_alt=public_photo.alt_text if public_photo else "",
        type="article",
    )


@require_safe
def library_redirect(request, pk):
    """The old numeric address of a library's page: a permanent redirect to its readable one
    (404 for a library the user may not see; one query)."""
    library = get_object_or_404(
        Library.objects.visible_to(request.user).select_related("province", "regency").only(
            "pk", "slug", "province__slug", "regency__slug"
        ),
        pk=pk,
    )
    return HttpResponsePermanentRedirect(library.get_absolute_url())


class LibraryFormMixin:
    model = Library
    template_name = "villages/library_form.html"

    def form_valid(self, form):
        try:
            self.object = services.library_save(
                library=form.save(commit=False),
                opening_hours=form.opening_hours(),
                user=self.request.user,
                expected_version=form.expected_version,
            )
        except services.ConcurrentEditError as error:
            # Someone saved the profile since this form was opened: refuse, keep the input.
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except ValidationError as error:
            show_on_form(form, error)
            return self.form_invalid(form)
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
