"""The Django admin of regions and libraries: every save and delete goes through the services."""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from perpus.admin_services import ServiceAdmin, VersionedAdminForm

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

#: The figures of a month, as the admin's form holds them.
FIGURES = ("visits_male", "visits_female", "new_members", "total_members", "loans")


class RegionAdmin(ServiceAdmin):
    """Regions are saved and deleted by `services.region_save` / `region_delete` (every page
    that names them follows)."""

    def save_with_service(self, request, obj, form, formsets, change):
        services.region_save(region=obj, user=request.user)

    def delete_with_service(self, request, obj):
        services.region_delete(region=obj, user=request.user)


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
    # Saved with the library by `services.library_save`, which replaces the week's hours.
    model = OpeningHours
    extra = 0
    fields = ("weekday", "opens", "closes")


class LibraryPhotoInline(admin.TabularInline):
    # Photos are added through the portal, which resizes them and strips metadata; they
    # are changed and deleted in the photo admin (through the photo services), never here.
    model = LibraryPhoto
    extra = 0
    fields = ("small", "alt_text", "caption", "is_person_photo", "consent_recorded", "order", "deleted_at")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


def opening_hours_of(formset) -> list[OpeningHours]:
    """The week's hours the admin's inline holds (its rows not marked for deletion), unsaved
    (after validation; no query)."""
    return [
        OpeningHours(weekday=data["weekday"], opens=data["opens"], closes=data["closes"])
        for data in formset.cleaned_data
        if data and not data.get("DELETE")
    ]


@admin.register(Library)
class LibraryAdmin(ServiceAdmin):
    form = VersionedAdminForm
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

    def save_with_service(self, request, obj, form, formsets, change):
        # No hours on the page (no permission to see them): the week stays as it is.
        hours = next((f for f in formsets if f.model is OpeningHours), None)
        services.library_save(
            library=obj,
            opening_hours=opening_hours_of(hours) if hours is not None else None,
            user=request.user,
            expected_version=form.cleaned_data.get("expected_version"),
        )

    def get_deleted_objects(self, objs, request):
        """Refuse (as "protected") every library that has any data besides its own row."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        refusals = []
        for library in objs:
            dependents = services.library_dependents([library])
            if dependents:
                refusals.append(services.library_data_message(library, dependents))
        if refusals:
            # Refused whoever asks: what the user may delete is beside the point then.
            perms_needed = set()
        return deleted, model_count, perms_needed, [*refusals, *protected]

    def delete_with_service(self, request, obj):
        services.library_delete(library=obj, user=request.user)


@admin.register(OpeningHours)
class OpeningHoursAdmin(ServiceAdmin):
    list_display = ("library", "weekday", "opens", "closes")
    list_filter = ("weekday",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library",)

    def save_with_service(self, request, obj, form, formsets, change):
        services.opening_hours_save(hours=obj, user=request.user)

    def delete_with_service(self, request, obj):
        services.opening_hours_delete(hours=obj, user=request.user)


@admin.register(LibraryPhoto)
class LibraryPhotoAdmin(ServiceAdmin):
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

    def save_with_service(self, request, obj, form, formsets, change):
        services.library_photo_update(photo=obj, user=request.user)

    def delete_with_service(self, request, obj):
        # Deleting moves the photo to the trash, as in the portal.
        services.library_photo_delete(photo=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset.alive().select_related("library"))

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
class LibraryStatisticAdmin(ServiceAdmin):
    form = VersionedAdminForm
    list_display = (
        "library", "month", "visits_female", "visits_male", "new_members", "total_members", "loans"
    )
    list_filter = ("month",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library",)
    date_hierarchy = "month"

    def get_readonly_fields(self, request, obj=None):
        # A month's row stays that library's and month's: another month is another row.
        return ("library", "month", "version") if obj else ("version",)

    def save_with_service(self, request, obj, form, formsets, change):
        values = {name: form.cleaned_data[name] for name in FIGURES if name in form.cleaned_data}
        row, _created = services.library_statistic_save(
            library=obj.library,
            month=obj.month,
            values=values,
            user=request.user,
            expected_version=form.cleaned_data.get("expected_version") if change else None,
        )
        # The admin's log and next page name the row the service wrote.
        obj.pk, obj.version = row.pk, row.version

    def delete_with_service(self, request, obj):
        services.library_statistic_delete(statistic=obj, user=request.user)
