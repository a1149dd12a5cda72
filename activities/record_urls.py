"""URLs of partnerships, support won, products and impact stories (added to `activities.urls`)."""

from django.urls import path

from . import record_public as public
from . import record_views as views

urlpatterns = [
    # /activities/partnerships/
    path("partnerships/", views.PartnershipListView.as_view(), name="partnership_list"),
    path("partnerships/new/", views.PartnershipCreateView.as_view(), name="partnership_create"),
    path("partnerships/<int:pk>/", views.PartnershipDetailView.as_view(), name="partnership_detail"),
    path("partnerships/<int:pk>/edit/", views.PartnershipUpdateView.as_view(), name="partnership_update"),
    path("partnerships/<int:pk>/status/", views.record_transition, {"key": "partnership"}, name="partnership_transition"),
    path("partnerships/<int:pk>/document/", views.record_file, {"key": "partnership", "field": "document"}, name="partnership_document"),
    # /activities/support/
    path("support/", views.SupportListView.as_view(), name="support_list"),
    path("support/new/", views.SupportCreateView.as_view(), name="support_create"),
    path("support/<int:pk>/", views.SupportDetailView.as_view(), name="support_detail"),
    path("support/<int:pk>/edit/", views.SupportUpdateView.as_view(), name="support_update"),
    path("support/<int:pk>/status/", views.record_transition, {"key": "support"}, name="support_transition"),
    path("support/<int:pk>/document/", views.record_file, {"key": "support", "field": "document"}, name="support_document"),
    # /activities/products/
    path("products/", views.ProductListView.as_view(), name="product_list"),
    path("products/new/", views.ProductCreateView.as_view(), name="product_create"),
    path("products/<int:pk>/", views.ProductDetailView.as_view(), name="product_detail"),
    path("products/<int:pk>/edit/", views.ProductUpdateView.as_view(), name="product_update"),
    path("products/<int:pk>/status/", views.record_transition, {"key": "product"}, name="product_transition"),
    path("products/<int:pk>/photo/", views.record_file, {"key": "product", "field": "photo"}, name="product_photo"),
    # /activities/stories/
    path("stories/", views.StoryListView.as_view(), name="story_list"),
    path("stories/new/", views.StoryCreateView.as_view(), name="story_create"),
    path("stories/<int:pk>/", views.StoryDetailView.as_view(), name="story_detail"),
    path("stories/<int:pk>/edit/", views.StoryUpdateView.as_view(), name="story_update"),
    path("stories/<int:pk>/status/", views.record_transition, {"key": "story"}, name="story_transition"),
    path("stories/<int:pk>/photo/", views.record_file, {"key": "story", "field": "photo"}, name="story_photo"),
    # Public pages: verified products, verified stories with consent.
    path("public/products/", public.ProductPublicListView.as_view(), name="product_public_list"),
    path("public/products/<int:pk>/", public.ProductPublicDetailView.as_view(), name="product_public_detail"),
    path("public/stories/", public.StoryPublicListView.as_view(), name="story_public_list"),
    path("public/stories/<int:pk>/", public.StoryPublicDetailView.as_view(), name="story_public_detail"),
]
