"""Pages for everyone: verified activities, products, and stories told with consent.

Every row comes from the models' `public()` querysets (verified, not deleted, of a
published library, with consent where it applies); templates show a person's name
only through `story.public_name`.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from perpus.pagination import CappedPaginator as Paginator

from ..forms import PublicFilterForm
from ..models import Activity
from .activities import activity_list_page
from .common import PAGE_SIZE, type_or_404

_PLACES = ("library__village", "library__regency", "library__province")

@require_safe
def activity_public_list(request):
    """Public activities, for everyone."""
    return activity_list_page(request, Activity.objects.public(), public=True)

def _public_type(key):
    found = type_or_404(key)
    if not found.has_public_pages:
        raise Http404
    return found

@require_safe
def public_list(request, key):
    """The public products or stories, searchable by words and region (2 queries per page)."""
    shown = _public_type(key)
    qs = shown.model.objects.public().select_related(*_PLACES)
    form = PublicFilterForm(request.GET or None)
    if form.is_valid():
        words = form.cleaned_data["q"]
        if words:
            match = Q()
            for name in shown.public_search_fields:
                match |= Q(**{f"{name}__icontains": words})
            qs = qs.filter(match)
        region = form.cleaned_data["region"]
        if region:
            qs = qs.filter(Q(province_id=region) | Q(regency_id=region) | Q(library__village_id=region))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"record_type": shown, "filter_form": form, "page_obj": page}
    return render(request, f"activities/{key}_public_list.html", context)

@require_safe
def public_detail(request, key, pk):
    """One public product or story (one query); anything else is a 404."""
    shown = _public_type(key)
    record = get_object_or_404(shown.model.objects.public().select_related(*_PLACES), pk=pk)
    return render(request, f"activities/{key}_public_detail.html", {key: record, "record": record})

