"""Public pages of verified products and of verified impact stories with consent.

Nothing private reaches these pages: stories come from `ImpactStory.objects.public()`
(verified with recorded consent), and templates show a person's name only
through `story.public_name`.
"""

from __future__ import annotations

from django.db.models import Q
from django.views.generic import DetailView, ListView

from .models import ImpactStory, Product
from .record_forms import PublicFilterForm
from .record_views import PAGE_SIZE


class PublicListMixin:
    paginate_by = PAGE_SIZE
    search_fields: tuple[str, ...] = ()

    def get_queryset(self):
        queryset = self.model.objects.public().select_related(
            "library__village", "library__regency", "library__province"
        )
        self.filter_form = PublicFilterForm(self.request.GET or None)
        if self.filter_form.is_valid():
            words = self.filter_form.cleaned_data["q"]
            if words:
                match = Q()
                for name in self.search_fields:
                    match |= Q(**{f"{name}__icontains": words})
                queryset = queryset.filter(match)
            region = self.filter_form.cleaned_data["region"]
            if region:
                queryset = queryset.filter(Q(province_id=region) | Q(regency_id=region) | Q(library__village_id=region))
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class ProductPublicListView(PublicListMixin, ListView):
    model = Product
    template_name = "activities/product_public_list.html"
    search_fields = ("name", "group_name", "description", "library__name")


class ProductPublicDetailView(DetailView):
    template_name = "activities/product_public_detail.html"
    context_object_name = "product"

    def get_queryset(self):
        return Product.objects.public().select_related("library__village", "library__regency", "library__province")


class StoryPublicListView(PublicListMixin, ListView):
    model = ImpactStory
    template_name = "activities/story_public_list.html"
    # The private name is never searchable by visitors.
    search_fields = ("title", "story", "person_description", "library__name")


class StoryPublicDetailView(DetailView):
    template_name = "activities/story_public_detail.html"
    context_object_name = "story"

    def get_queryset(self):
        return ImpactStory.objects.public().select_related(
            "library__village", "library__regency", "library__province"
        )
