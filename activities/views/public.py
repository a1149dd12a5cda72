"""Pages for everyone: verified activities, products, and stories told with consent.

Every row comes from the models' `public()` querysets (verified, not deleted, of a
published library, with consent where it applies); templates show a person's name
only through `story.public_name`.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from perpus.pagination import CappedPaginator as Paginator
from perpus.social import share_preview

from ..forms import PublicFilterForm
from ..models import Activity
from .activities import activity_list_page
from .common import PAGE_SIZE, type_or_404

# The library's own province and regency too: its readable address needs them loaded.
_PLACES = ("library__village", "library__province", "library__regency", "province", "regency")

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
    """The public products, partnerships or stories, filtered by words, province or region,
    product kind or validity (3 queries per page: provinces, count, rows)."""
    shown = _public_type(key)
    qs = shown.model.objects.public().select_related(*_PLACES).order_by(f"-{shown.date_field}", "-pk")
    form = PublicFilterForm(request.GET or None, key=key)
    qs = form.filter(qs, shown.public_search_fields)
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "record_type": shown,
        "filter_form": form,
        "page_obj": page,
        "today": timezone.localdate(),
        "social": share_preview(
            title=str(shown.label_plural).capitalize(),
            description=str(PUBLIC_DESCRIPTIONS.get(key, "")),
        ),
    }
    return render(request, f"activities/{key}_public_list.html", context)

@require_safe
def public_detail(request, key, pk):
    """One public product, partnership or story (one query); anything else is a 404."""
    shown = _public_type(key)
    record = get_object_or_404(shown.model.objects.public().select_related(*_PLACES), pk=pk)
    context = {key: record, "record": record, "social": _record_preview(request, key, record)}
    return render(request, f"activities/{key}_public_detail.html", context)

#: What each public list is about, for its share preview.
PUBLIC_DESCRIPTIONS = {
    "product": _("Products made by community groups trained at village libraries, and where to buy them."),
    "partnership": _("Who works with which library: schools, village enterprises, companies and offices."),
    "story": _("How village libraries changed people's lives, told with their consent."),
}

def _record_preview(request, key, record):
    """Share preview of a public record (no query)."""
    if key == "product":
        title, text = record.name, record.description
        image = (
            request.build_absolute_uri(reverse("activities:product_file", args=[record.pk, "photo"]))
            if record.photo
            else ""
        )
    elif key == "partnership":
        title, text, image = f"{record.title} ({record.partner_name})", record.scope, ""
    else:
        title, text = record.title, record.story
        image = (
            request.build_absolute_uri(reverse("activities:story_file", args=[record.pk, "photo"]))
            if record.photo
            else ""
        )
    return share_preview(
        title=title,
        description=Truncator(" ".join((text or record.library.name).split())).chars(200),
        image=image,
        image_alt=title if image else "",
        type="article",
    )
