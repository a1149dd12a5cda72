"""Root URLs. Each app has its own namespace: villages, programs, activities."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve

from activities.views.search import search_page
from villages.sitemaps import SITEMAPS
from villages.views.public import robots_txt

from . import export_views, views
from .pagecache import cache_public_page

auth_patterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
    path("healthz/", views.healthz, name="healthz"),
    # Public search: places, libraries, activities (activities may import villages).
    path("cari/", search_page, name="search"),
    path("accounts/", include(auth_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("perpus.people.urls")),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", cache_public_page(sitemap_views.index), {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        cache_public_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("admin/", admin.site.urls),
    path("", include("villages.urls")),
    path("program/", include("programs.urls")),
    path("activities/", include("activities.urls")),
    path("notifications/", include("perpus.notifications.urls")),
    # Downloads of the list pages, registered by the apps (perpus.export_registry).
    re_path(r"^exports/(?P<key>[-\w]+)\.(?P<fmt>csv|xlsx)$", export_views.export, name="export"),
    # Long spreadsheets written in the background, listed for their owner.
    path("exports/", export_views.export_list, name="export_list"),
    path("exports/<int:pk>/file/", export_views.export_file, name="export_file"),
]

if settings.DEBUG:
    # Development only: production serves uploads from object storage or the web server.
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]

handler403 = "perpus.views.error_403"
handler404 = "perpus.views.error_404"
handler500 = "perpus.views.error_500"
