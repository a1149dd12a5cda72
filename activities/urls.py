from django.urls import path

from .record_urls import urlpatterns as record_urlpatterns
from .views import activities, files, history, review

app_name = "activities"

record = "records/<str:model_name>/<int:pk>"

urlpatterns = [
    # Activities
    path("", activities.activity_list, name="activity_list"),
    path("public/", activities.public_list, name="public_list"),
    path("new/", activities.activity_create, name="activity_create"),
    path("<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("<int:pk>/edit/", activities.activity_update, name="activity_update"),
    path("<int:pk>/photos/add/", activities.photo_add, name="photo_add"),
    path("<int:pk>/documents/add/", activities.document_add, name="document_add"),
    path("photos/<int:pk>/delete/", activities.photo_delete, name="photo_delete"),
    path("photos/<int:pk>/<str:size>.jpg", files.photo_file, name="photo_file"),
    path("documents/<int:pk>/delete/", activities.document_delete, name="document_delete"),
    path("documents/<int:pk>/download/", files.document_file, name="document_file"),
    # Review of any reviewed record
    path("queue/", review.queue, name="queue"),
    path("queue/verify/", review.queue_bulk_verify, name="queue_bulk_verify"),
    path(f"{record}/submit/", review.submit, name="record_submit"),
    path(f"{record}/check/", review.check, name="record_check"),
    path(f"{record}/verify/", review.verify, name="record_verify"),
    path(f"{record}/return/", review.return_to_author, name="record_return"),
    # History, delete and restore of any reviewed record
    path(f"{record}/history/", history.record_history, name="record_history"),
    path(f"{record}/delete/", history.record_delete_view, name="record_delete"),
    path(f"{record}/restore/", history.record_restore_view, name="record_restore"),
    path(f"{record}/revert/<int:event_pk>/", history.record_revert_view, name="record_revert"),
    path("trash/", history.trash, name="trash"),
]

# Partnerships, support won, products and impact stories.
urlpatterns += record_urlpatterns
