"""Admin of the reviewed records, their attachments and history.

The admin is the program admin's backstop; everyday entry and review go through
the portal's pages. Every save and delete here goes through the same services as the
portal (`perpus.admin_services.ServiceAdmin`): an edit is logged in the record's history
and refused from a stale page, a delete is a soft delete, and the "restore" action brings
it back. Files are added in the portal only (`perpus.uploads` strips their metadata): here
they are read-only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from perpus.admin_services import ReadOnlyAdmin, ServiceAdmin, VersionedAdminForm, m2m_values, refusal_text

from .models import (
    Activity,
    ActivityDocument,
    ActivityPhoto,
    ImpactStory,
    Partnership,
    Product,
    RecordEvent,
    ReviewedRecord,
    SupportRecord,
)
from .services import (
    attachment_delete,
    attachment_restore,
    attachment_update,
    record_create,
    record_delete,
    record_restore,
    record_save,
)


def _run(modeladmin, request, objects, service) -> int:
    done = 0
    for obj in objects:
        try:
            service(obj)
        except (ValidationError, PermissionDenied) as error:
            modeladmin.message_user(request, f"{obj}: {refusal_text(error)}", messages.WARNING)
        else:
            done += 1
    return done


def _file_fields(model) -> tuple[str, ...]:
    return tuple(f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField))


class SoftDeleteAdmin(ServiceAdmin):
    """Deletes and restores through the services, never with a real DELETE."""

    actions = ["soft_delete_selected", "restore_selected"]

    def soft_delete(self, obj, user):  # pragma: no cover - overridden
        raise NotImplementedError

    def restore(self, obj, user):  # pragma: no cover - overridden
        raise NotImplementedError

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # Django's bulk action deletes rows for real.
        return actions

    def delete_with_service(self, request, obj):
        self.soft_delete(obj, request.user)

    def get_deleted_objects(self, objs, request):
        # Nothing else is deleted with a soft delete: don't list (or require permissions for) relations.
        return [str(obj) for obj in objs], {}, set(), []

    @admin.action(description=_("Delete selected (they can be restored)"), permissions=["change"])
    def soft_delete_selected(self, request, queryset):
        done = _run(self, request, queryset.filter(deleted_at__isnull=True), lambda o: self.soft_delete(o, request.user))
        self.message_user(
            request,
            ngettext("%(count)d item moved to the trash.", "%(count)d items moved to the trash.", done)
            % {"count": done},
        )

    @admin.action(description=_("Restore selected"), permissions=["change"])
    def restore_selected(self, request, queryset):
        done = _run(self, request, queryset.filter(deleted_at__isnull=False), lambda o: self.restore(o, request.user))
        self.message_user(
            request,
            ngettext("%(count)d item restored from the trash.", "%(count)d items restored from the trash.", done)
            % {"count": done},
        )


class ReviewedRecordAdmin(SoftDeleteAdmin):
    """Saved by `record_create` / `record_save` (logged, version-checked); the review fields
    and files are read-only."""

    form = VersionedAdminForm
    # Links typed without a scheme are read as https (Django 6.0's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_select_related = ("library", "province", "regency")
    list_filter = ("status", "province")
    autocomplete_fields = ("library",)
    show_full_result_count = False

    def get_readonly_fields(self, request, obj=None):
        own = super().get_readonly_fields(request, obj)
        return (*ReviewedRecord.REVIEW_FIELDS, *_file_fields(self.model), *own)

    def save_with_service(self, request, obj, form, formsets, change):
        if change:
            record_save(
                record=obj,
                user=request.user,
                expected_version=form.cleaned_data.get("expected_version"),
                m2m=m2m_values(form),
                reason=gettext("Changed in the admin."),
            )
        else:
            record_create(record=obj, user=request.user, m2m=m2m_values(form))

    def soft_delete(self, obj, user):
        record_delete(record=obj, user=user, reason=gettext("Deleted in the admin."))

    def restore(self, obj, user):
        record_restore(record=obj, user=user)


class ActivityPhotoInline(admin.TabularInline):
    # Shown, not saved with the activity: photos are added in the portal and changed in
    # their own admin page (`attachment_update`, logged in the activity's history).
    model = ActivityPhoto
    extra = 0
    fields = ("thumbnail", "alt_text", "is_person_photo", "consent_recorded", "deleted_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ActivityDocumentInline(admin.TabularInline):
    # Like the photos: shown here, changed in their own admin page.
    model = ActivityDocument
    extra = 0
    fields = ("title", "kind", "is_private", "file", "deleted_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class StartYearFilter(admin.SimpleListFilter):
    """Years of the activities' start dates, from the first to the last.

    Django's `date_hierarchy` lists the years with a DISTINCT over every row (seconds at
    a million activities); the first and last dates come from the date index instead.
    """

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        # Two index lookups (a MIN and a MAX in one query makes SQLite scan the table).
        dates = Activity.objects.order_by("start_date").values_list("start_date", flat=True)
        first, last = dates.first(), dates.last()
        if first is None:
            return []
        return [(str(year), str(year)) for year in range(last.year, first.year - 1, -1)]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdecimal():
            return queryset.filter(start_date__year=int(value))
        return queryset


@admin.register(Activity)
class ActivityAdmin(ReviewedRecordAdmin):
    list_display = ("title", "kind", "level", "library", "start_date", "status", "deleted_at")
    list_filter = ("status", StartYearFilter, "kind", "level", "province")
    search_fields = ("title", "venue", "library__name")
    autocomplete_fields = ("library", "libraries", "regions", "partnership")
    inlines = [ActivityPhotoInline, ActivityDocumentInline]


@admin.register(Partnership)
class PartnershipAdmin(ReviewedRecordAdmin):
    list_display = ("title", "partner_name", "partner_type", "library", "signed_on", "valid_until", "status")
    list_filter = ("status", "partner_type", "kind")
    search_fields = ("title", "partner_name", "library__name")
    date_hierarchy = "signed_on"


@admin.register(SupportRecord)
class SupportRecordAdmin(ReviewedRecordAdmin):
    list_display = ("title", "kind", "year", "amount", "library", "status")
    list_filter = ("status", "kind", "regulation_type", "budget_source")
    search_fields = ("title", "number", "library__name")


@admin.register(Product)
class ProductAdmin(ReviewedRecordAdmin):
    list_display = ("name", "group_name", "category", "library", "price", "income", "status")
    list_filter = ("status", "category")
    search_fields = ("name", "group_name", "library__name")
    date_hierarchy = "reported_on"


@admin.register(ImpactStory)
class ImpactStoryAdmin(ReviewedRecordAdmin):
    list_display = ("title", "library", "happened_on", "consent_given", "name_public", "status")
    list_filter = ("status", "consent_given")
    search_fields = ("title", "library__name")
    readonly_fields = ("consent_recorded_by",)


class AttachmentAdmin(SoftDeleteAdmin):
    """Photos and documents: their texts changed by `attachment_update`, never their files
    (added in the portal, which strips their metadata)."""

    list_select_related = ("activity",)
    autocomplete_fields = ("activity",)

    def get_readonly_fields(self, request, obj=None):
        return (*_file_fields(self.model), "deleted_at", "deleted_by")

    def has_add_permission(self, request):
        return False

    def save_with_service(self, request, obj, form, formsets, change):
        attachment_update(attachment=obj, user=request.user)

    def soft_delete(self, obj, user):
        attachment_delete(attachment=obj, user=user)

    def restore(self, obj, user):
        attachment_restore(obj, user)


@admin.register(ActivityPhoto)
class ActivityPhotoAdmin(AttachmentAdmin):
    list_display = ("alt_text", "activity", "is_person_photo", "consent_recorded", "created_at", "deleted_at")
    list_filter = ("is_person_photo", "consent_recorded")


@admin.register(ActivityDocument)
class ActivityDocumentAdmin(AttachmentAdmin):
    list_display = ("title", "kind", "is_private", "activity", "created_at", "deleted_at")
    list_filter = ("kind", "is_private")


@admin.register(RecordEvent)
class RecordEventAdmin(ReadOnlyAdmin):
    """The history is what makes every change undoable: shown, never changed or deleted."""

    list_display = ("at", "action", "content_type", "object_id", "user")
    list_filter = ("action", "content_type")
    list_select_related = ("content_type", "user")
    readonly_fields = ("content_type", "object_id", "action", "user", "at", "reason", "changes", "snapshot")
