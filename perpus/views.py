"""Site-wide pages: home, the signed-in start page and the error pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from villages.models import Library, Province

from .pagecache import cache_public_page
from .panels import start_panels
from .public_sections import NATION, public_sections
from .scopes import Role
from .social import share_preview


@require_safe
@cache_public_page
def home(request):
    """Public home page: what the apps register in `perpus.public_sections` for the nation
    (library figures and map, libraries by stage, this year's activities, latest activities,
    stories and products). A fixed number of queries; none for a cached anonymous view."""
    return render(
        request,
        "home.html",
        {
            "sections": public_sections(NATION),
            "social": share_preview(
                title=gettext("Libraries that change lives"),
                description=gettext(
                    "Village libraries of Indonesia's library transformation program (TPBIS): "
                    "what each does and how far it has come."
                ),
            ),
        },
    )


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
