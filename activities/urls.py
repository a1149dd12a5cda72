from django.urls import path

from . import views

app_name = "activities"

urlpatterns = []

from .record_urls import urlpatterns as record_urlpatterns  # noqa: E402

urlpatterns += record_urlpatterns
