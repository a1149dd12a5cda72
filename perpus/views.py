"""Site-wide pages: home, the signed-in start page and the error pages."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render

from villages.models import Library, LibraryLevel, Province


def home(request):
    """Public home page with the program's figures from the published libraries."""
    totals = Library.objects.public().aggregate(
        libraries=Count("pk"),
        village_libraries=Count("pk", filter=Q(level=LibraryLevel.VILLAGE)),
        provinces=Count("province", distinct=True),
        regencies=Count("regency", distinct=True),
    )
    return render(request, "home.html", {"totals": totals})


@login_required
def start(request):
    """The signed-in user's start page: who they are, their scope and what they can reach."""
    user = request.user
    libraries = Library.objects.for_user(user)
    context = {
        "scope_label": user.scope_label(),
        "library_count": libraries.count(),
        "recent_libraries": libraries.select_related("province", "regency", "village")[:5],
        "consultant_provinces": Province.objects.filter(consultants=user)
        if user.role == user.Role.CONSULTANT
        else Province.objects.none(),
    }
    return render(request, "start.html", context)


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # No context processors may be trusted here: render with the bare request.
    return render(request, "errors/500.html", status=500)
