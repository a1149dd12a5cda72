"""The Django admin of regions and libraries; library writes go through the services."""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from perpus.followups.services import due

from . import services
from .models import (
    District,
    Library,
    LibraryPhoto,
    LibraryStatistic,
    OpeningHours,
    Province,
    Regency,
    Village,
)


class RegionAdmin(admin.ModelAdmin):
    """A region's name is on every public page below it and in search texts: renew them all."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        due("regions", everything=True)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        due("regions", everything=True)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        due("regions", everything=True)


@admin.register(Province)
class ProvinceAdmin(RegionAdmin):
    list_display = ("code", "name", "time_zone")
    search_fields = ("code", "name")


@admin.register(Regency)
class RegencyAdmin(RegionAdmin):
    list_display = ("code", "name", "kind", "province")
    list_filter = ("kind", "province")
    search_fields = ("^code", "name")
    autocomplete_fields = ("province",)
    list_select_related = ("province",)


@admin.register(District)
class DistrictAdmin(RegionAdmin):
    list_display = ("code", "name", "regency")
    search_fields = ("^code", "name")
    autocomplete_fields = ("regency",)
    list_select_related = ("regency",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("regency")

    def autocomplete_label(self, district):
        """"Juai — Kabupaten Balangan · 63.11.01": district names repeat across regencies."""
        return f"{district.name} — {district.regency.name} · {district.code}"


@admin.register(Village)
class VillageAdmin(RegionAdmin):
    list_display = ("code", "name", "kind", "district", "regency")
    list_filter = ("kind",)
    # Codes by prefix ("63.11" = every village of Balangan), names anywhere.
    search_fields = ("^code", "name")
    autocomplete_fields = ("district", "regency", "province")
    list_select_related = ("district", "regency")
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("district", "regency")

    def autocomplete_label(self, village):
        """"Juai — Juai, Kabupaten Balangan · 63.11.01.2003": many villages share a name."""
        return f"{village.name} — {village.district.name}, {village.regency.name} · {village.code}"


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0
    fields = ("weekday", "opens", "closes")


class LibraryPhotoInline(admin.TabularInline):
    # Photos are added through the portal, which resizes them and strips metadata;
    # they are deleted through the trash (the photo admin), never from here.
    model = LibraryPhoto
    extra = 0
    fields = ("small", "alt_text", "caption", "is_person_photo", "consent_recorded", "order", "deleted_at")
    readonly_fields = ("small", "deleted_at")
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "province", "regency", "village", "npp", "is_published")
    list_filter = ("level", "is_published", "province", "accreditation", "has_internet")
    search_fields = ("name", "npp", "village__name")
    autocomplete_fields = ("province", "regency", "village")
    list_select_related = ("province", "regency", "village")
    readonly_fields = ("version",)
    inlines = [OpeningHoursInline, LibraryPhotoInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Social links typed without a scheme are read as https (Django 6 default).
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            # A portal form opened before this edit must not overwrite it.
            obj.version += 1
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        due("library.saved", library_ids=[form.instance.pk])
        due("library.search_text", library_ids=[form.instance.pk])

    def get_deleted_objects(self, objs, request):
        """Refuse (as "protected") every library that has any data besides its own row."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        refusals = []
        for library in objs:
            dependents = services.library_dependents([library])
            if dependents:
                refusals.append(services.library_data_message(library, dependents))
        return deleted, model_count, perms_needed, [*refusals, *protected]

    def delete_model(self, request, obj):
        services.library_delete(library=obj)

    def delete_queryset(self, request, queryset):
        for library in queryset:
            services.library_delete(library=library)


@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ("library", "weekday", "opens", "closes")
    list_filter = ("weekday",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        due("library.saved", library_ids=[obj.library_id])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        due("library.saved", library_ids=[obj.library_id])

    def delete_queryset(self, request, queryset):
        library_ids = set(queryset.values_list("library_id", flat=True))
        super().delete_queryset(request, queryset)
        due("library.saved", library_ids=library_ids)


@admin.register(LibraryPhoto)
class LibraryPhotoAdmin(admin.ModelAdmin):
    list_display = ("alt_text", "library", "is_person_photo", "consent_recorded", "order", "created_at", "deleted_at")
    list_filter = ("is_person_photo", "consent_recorded", ("deleted_at", admin.EmptyFieldListFilter))
    search_fields = ("alt_text", "caption", "library__name")
    autocomplete_fields = ("library",)
    list_select_related = ("library",)
    # Renditions come from perpus.uploads via the portal; the admin edits only the texts.
    readonly_fields = ("small", "large", "deleted_at", "deleted_by")
    actions = ["restore_photos"]

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        services.library_photo_update(photo=obj)

    def delete_model(self, request, obj):
        # Deleting moves the photo to the trash, as in the portal.
        services.library_photo_delete(photo=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for photo in queryset.alive().select_related("library"):
            services.library_photo_delete(photo=photo, user=request.user)

    @admin.action(description=_("Restore the selected photos from the trash"))
    def restore_photos(self, request, queryset):
        photos = list(queryset.deleted().select_related("library"))
        for photo in photos:
            services.library_photo_restore(photo=photo, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d photo restored.", "%(count)d photos restored.", len(photos))
            % {"count": len(photos)},
            messages.SUCCESS,
        )


@admin.register(LibraryStatistic)
class LibraryStatisticAdmin(admin.ModelAdmin):
    list_display = (
        "library", "month", "visits_female", "visits_male", "new_members", "total_members", "loans"
    )
    list_filter = ("month",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library",)
    date_hierarchy = "month"
    readonly_fields = ("version",)

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
        due("library.statistics", library_ids=[obj.library_id])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        due("library.statistics", library_ids=[obj.library_id])

    def delete_queryset(self, request, queryset):
        library_ids = set(queryset.values_list("library_id", flat=True))
        super().delete_queryset(request, queryset)
        due("library.statistics", library_ids=library_ids)
