"""The village search used by the library form's village picker."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from ..models import Village


@require_safe
@login_required
def village_search(request):
    """JSON list of villages in the user's scope matching `q`, for the village picker (GET only)."""
    villages = (
        Village.objects.for_user(request.user)
        .search(request.GET.get("q", ""))
        .select_related("district", "regency")[:20]
    )
    return JsonResponse(
        {"results": [{"id": v.code, "text": f"{v.full_name} ({v.code})"} for v in villages]}
    )
