from django.urls import path

from . import views

app_name = "villages"

urlpatterns = [
    # /libraries/
    path("libraries/", views.LibraryListView.as_view(), name="library_list"),
    path("libraries/<int:pk>/", views.LibraryDetailView.as_view(), name="library_detail"),
    # /regions/
    path("regions/villages/search/", views.village_search, name="village_search"),
]
