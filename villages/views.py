"""Public library pages and the village search used by forms."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import JsonResponse
from django.views.generic import DetailView, ListView

from .models import Library, Village


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
        return super().get_context_data(query=self.query, region=self.region, **kwargs)


class LibraryDetailView(DetailView):
    template_name = "villages/library_detail.html"
    context_object_name = "library"

    def get_queryset(self):
        return libraries_visible_to(self.request.user).select_related(
            "province", "regency", "village__district"
        )


@login_required
def village_search(request):
    """JSON list of villages in the user's scope matching `q`, for the village picker."""
    villages = (
        Village.objects.for_user(request.user)
        .search(request.GET.get("q", ""))
        .select_related("district", "regency")[:20]
    )
    return JsonResponse(
        {"results": [{"id": v.code, "text": f"{v.full_name} ({v.code})"} for v in villages]}
    )
