"""The portal's URLs plus views that fail on purpose, for the error-page tests."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import path

from perpus.urls import handler403, handler404, handler500, urlpatterns as portal_urls


def fail(request, status):
    if status == 403:
        raise PermissionDenied
    if status == 404:
        raise Http404("test")
    raise RuntimeError("A deliberate failure for the 500 page test.")


urlpatterns = [path("test-errors/<int:status>/", fail), *portal_urls]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
