"""URLs of the activities app: one family per reviewed record type, from the registry.

For each type (`activities.registry`), at `/activities/<prefix>`:

    ""                       <key>_list        new/               <key>_create
    <pk>/                    <key>_detail      <pk>/edit/         <key>_update
    <pk>/submit|check|verify|return|delete|restore|history/       <key>_<action>
    <pk>/revert/<event>/     <key>_revert      <pk>/files/<field>/ <key>_file

Activities (prefix "") have their own list and page (public part, photos, documents).
"""

from django.urls import path

from .registry import record_types
from .views import activities, files, history, public, records, review

app_name = "activities"

STEPS = {
    "submit": review.submit,
    "check": review.check,
    "verify": review.verify,
    "return": review.return_to_author,
    "delete": history.record_delete_view,
    "restore": history.record_restore_view,
    "history": history.record_history,
}


def _type_urls(record_type):
    key, prefix = record_type.key, record_type.prefix
    is_activity = key == "activity"
    kw = {"key": key}
    urls = [
        path(prefix, activities.activity_list if is_activity else records.record_list, kw, name=f"{key}_list"),
        path(f"{prefix}new/", records.record_new, kw, name=f"{key}_create"),
        path(
            f"{prefix}<int:pk>/",
            activities.activity_detail if is_activity else records.record_detail,
            kw,
            name=f"{key}_detail",
        ),
        path(f"{prefix}<int:pk>/edit/", records.record_edit, kw, name=f"{key}_update"),
        *(path(f"{prefix}<int:pk>/{action}/", view, kw, name=f"{key}_{action}") for action, view in STEPS.items()),
        path(f"{prefix}<int:pk>/revert/<int:event_pk>/", history.record_revert_view, kw, name=f"{key}_revert"),
    ]
    if record_type.files:
        urls.append(path(f"{prefix}<int:pk>/files/<str:field>/", files.record_file, kw, name=f"{key}_file"))
    if record_type.has_public_pages:
        plural = prefix.rstrip("/")
        urls += [
            path(f"public/{plural}/", public.public_list, kw, name=f"{key}_public_list"),
            path(f"public/{plural}/<int:pk>/", public.public_detail, kw, name=f"{key}_public_detail"),
        ]
    return urls


urlpatterns = [
    path("public/", public.activity_public_list, name="activity_public_list"),
    # Photos and documents of activities
    path("<int:pk>/photos/add/", activities.photo_add, name="activity_photo_add"),
    path("<int:pk>/documents/add/", activities.document_add, name="activity_document_add"),
    path("photos/<int:pk>/delete/", activities.attachment_remove, {"kind": "photo"}, name="activity_photo_delete"),
    path(
        "documents/<int:pk>/delete/",
        activities.attachment_remove,
        {"kind": "document"},
        name="activity_document_delete",
    ),
    path("photos/<int:pk>/<str:size>.jpg", files.photo_file, name="activity_photo_file"),
    path("documents/<int:pk>/file/", files.document_file, name="activity_document_file"),
    # Review and trash of every type
    path("queue/", review.queue, name="queue"),
    path("queue/verify/", review.queue_verify, name="queue_verify"),
    path("trash/", history.trash, name="trash"),
    path("trash/<str:kind>/<int:pk>/restore/", history.trash_restore, name="trash_restore"),
]
for _type in record_types():
    urlpatterns += _type_urls(_type)
