from django.urls import path

from perpus.pagecache import cache_public_page

from . import views
from .views import public

app_name = "villages"

urlpatterns = [
    # /libraries/
    path("libraries/", views.LibraryListView.as_view(), name="library_list"),
    path("libraries/new/", views.LibraryCreateView.as_view(), name="library_create"),
    # The old numeric address: a permanent redirect to the readable one.
    path("libraries/<int:pk>/", views.library_redirect, name="library_detail"),
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
    # /perpustakaan/: the public pages of places and libraries, by readable names
    path("perpustakaan/<slug:province>/", public.province_page, name="province_page"),
    path("perpustakaan/<slug:province>/<slug:regency>/", public.regency_page, name="regency_page"),
    path(
        "perpustakaan/<slug:province>/<slug:regency>/<slug:library>/",
        cache_public_page(views.LibraryDetailView.as_view()),
        name="library_page",
    ),
    # /regions/
    path("regions/villages/search/", views.village_search, name="village_search"),
]
