from django.urls import path

from . import views

app_name = "villages"

urlpatterns = [
    # /libraries/
    path("libraries/", views.LibraryListView.as_view(), name="library_list"),
    path("libraries/new/", views.LibraryCreateView.as_view(), name="library_create"),
    path("libraries/<int:pk>/", views.LibraryDetailView.as_view(), name="library_detail"),
    path("libraries/<int:pk>/edit/", views.LibraryUpdateView.as_view(), name="library_update"),
    path("libraries/<int:pk>/photos/new/", views.library_photo_create, name="library_photo_create"),
    path("libraries/photos/<int:pk>/edit/", views.library_photo_update, name="library_photo_update"),
    path(
        "libraries/photos/<int:pk>/delete/", views.library_photo_delete, name="library_photo_delete"
    ),
    path(
        "libraries/photos/<int:pk>/<str:size>/", views.library_photo_file, name="library_photo_file"
    ),
    path(
        "libraries/<int:pk>/statistics/",
        views.library_statistic_edit,
        name="library_statistic_edit",
    ),
    # /regions/
    path("regions/villages/search/", views.village_search, name="village_search"),
]
