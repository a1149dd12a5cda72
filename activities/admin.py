from django.contrib import admin

from .models import Activity, ActivityDocument, ActivityPhoto, RecordEvent

REVIEW_FIELDS = (
    "status",
    "needs_check",
    "submitted_at",
    "checked_by",
    "verified_at",
    "verified_by",
    "return_reason",
    "created_by",
    "created_at",
    "updated_at",
    "version",
    "deleted_at",
    "province",
    "regency",
)


class ActivityPhotoInline(admin.TabularInline):
    model = ActivityPhoto
    extra = 0
    fields = ("thumbnail", "alt_text", "is_person_photo", "consent_recorded")
    readonly_fields = ("thumbnail",)


class ActivityDocumentInline(admin.TabularInline):
    model = ActivityDocument
    extra = 0
    fields = ("title", "kind", "is_private", "file")


class ReviewedRecordAdmin(admin.ModelAdmin):
    """Admin for reviewed records: edits here bypass history, so review fields are read-only."""

    list_select_related = ("library", "province", "regency")
    list_filter = ("status", "province")
    readonly_fields = REVIEW_FIELDS
    autocomplete_fields = ("library",)


@admin.register(Activity)
class ActivityAdmin(ReviewedRecordAdmin):
    list_display = ("title", "kind", "level", "library", "start_date", "status", "deleted_at")
    list_filter = ("status", "kind", "level", "province")
    search_fields = ("title", "venue", "library__name")
    date_hierarchy = "start_date"
    # Partnership is registered by the partnerships module (other branch); no autocomplete on it here.
    autocomplete_fields = ("library", "libraries", "regions")
    raw_id_fields = ("partnership",)
    inlines = [ActivityPhotoInline, ActivityDocumentInline]


@admin.register(ActivityPhoto)
class ActivityPhotoAdmin(admin.ModelAdmin):
    list_display = ("alt_text", "activity", "is_person_photo", "consent_recorded", "created_at")
    list_filter = ("is_person_photo", "consent_recorded")
    list_select_related = ("activity",)
    autocomplete_fields = ("activity",)


@admin.register(ActivityDocument)
class ActivityDocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "is_private", "activity", "created_at")
    list_filter = ("kind", "is_private")
    list_select_related = ("activity",)
    autocomplete_fields = ("activity",)


@admin.register(RecordEvent)
class RecordEventAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "content_type", "object_id", "user")
    list_filter = ("action", "content_type")
    list_select_related = ("content_type", "user")
    readonly_fields = ("content_type", "object_id", "action", "user", "at", "reason", "changes", "snapshot")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


from . import admin_records  # noqa: E402,F401  (partnerships, support, products, stories)
