from django.contrib import admin

from .models import District, Library, Province, Regency, Village


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "time_zone")
    search_fields = ("code", "name")


@admin.register(Regency)
class RegencyAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "province")
    list_filter = ("kind", "province")
    search_fields = ("code", "name")
    autocomplete_fields = ("province",)
    list_select_related = ("province",)


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "regency")
    search_fields = ("code", "name")
    autocomplete_fields = ("regency",)
    list_select_related = ("regency",)


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "district", "regency")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    autocomplete_fields = ("district", "regency", "province")
    list_select_related = ("district", "regency")
    show_full_result_count = False


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "province", "regency", "village", "npp", "is_published")
    list_filter = ("level", "is_published", "province")
    search_fields = ("name", "npp", "village__name")
    autocomplete_fields = ("province", "regency", "village")
    list_select_related = ("province", "regency", "village")
