from django.contrib import admin
from django.db import models

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


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "time_zone")
    search_fields = ("code", "name")


@admin.register(Regency)
class RegencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "province")
    list_filter = ("kind", "province")
    search_fields = ("^code", "name")
    autocomplete_fields = ("province",)
    list_select_related = ("province",)


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
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
class VillageAdmin(admin.ModelAdmin):
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
    # Photos are added through the portal, which resizes them and strips metadata.
    model = LibraryPhoto
    extra = 0
    fields = ("small", "alt_text", "caption", "order")
    readonly_fields = ("small",)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "province", "regency", "village", "npp", "is_published")
    list_filter = ("level", "is_published", "province", "accreditation", "has_internet")
    search_fields = ("name", "npp", "village__name")
    autocomplete_fields = ("province", "regency", "village")
    list_select_related = ("province", "regency", "village")
    inlines = [OpeningHoursInline, LibraryPhotoInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Social links typed without a scheme are read as https (Django 6 default).
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)



@admin.register(OpeningHours)
class OpeningHoursAdmin(admin.ModelAdmin):
    list_display = ("library", "weekday", "opens", "closes")
    list_filter = ("weekday",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library",)


@admin.register(LibraryPhoto)
class LibraryPhotoAdmin(admin.ModelAdmin):
    list_display = ("alt_text", "library", "order", "created_at")
    search_fields = ("alt_text", "caption", "library__name")
    autocomplete_fields = ("library",)
    list_select_related = ("library",)
    # Renditions come from perpus.uploads via the portal; the admin edits only the texts.
    readonly_fields = ("small", "large")

    def has_add_permission(self, request):
        return False


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
