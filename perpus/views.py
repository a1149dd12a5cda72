"""Site-wide pages: home, the signed-in start page and the error pages."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_safe

from villages.models import Library, LibraryLevel, Province

from .panels import start_panels
from .scopes import Role


@require_safe
def home(request):
    """Public home page with the program's figures from the published libraries (one query)."""
    totals = Library.objects.public().aggregate(
        libraries=Count("pk"),
        village_libraries=Count("pk", filter=Q(level=LibraryLevel.VILLAGE)),
        provinces=Count("province", distinct=True),
        regencies=Count("regency", distinct=True),
    )
    return render(request, "home.html", {"totals": totals})


@require_safe
@login_required
def start(request):
    """The signed-in user's start page: who they are, their scope and what they can reach.

    A handful of queries whatever the scope: the count, five libraries and the scope's places.
    """
    user = request.user
    role = user.effective_role
    libraries = Library.objects.for_user(user)
    context = {
        "scope_label": user.scope_label(),
        "role_label": Role(role).label if role else "",
        "has_role": bool(role),
        "library_count": libraries.count(),
        "editable_count": Library.objects.editable_by(user).count() if role else 0,
        "recent_libraries": libraries.select_related("province", "regency", "village")[:5],
        "panels": start_panels(user),
        "consultant_provinces": (
            Province.objects.filter(consultants=user)
            if role == Role.CONSULTANT
            else Province.objects.none()
        ),
    }
    return render(request, "start.html", context)


@require_safe
def healthz(request):
    """A trivial page for load balancers and benchmarks: "ok", no query, no template."""
    return HttpResponse("ok", content_type="text/plain")


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    """Render the 500 page without context processors: they may be what failed."""
    return HttpResponseServerError(loader.get_template("errors/500.html").render())


def csrf_failure(request, reason=""):
    """A form sent with an expired or missing security token (e.g. after a long pause)."""
    return render(request, "errors/403_csrf.html", status=403)
