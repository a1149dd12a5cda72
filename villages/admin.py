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


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "province", "regency", "village", "npp", "is_published")
    list_filter = ("level", "is_published", "province")
    search_fields = ("name", "npp", "village__name")
    autocomplete_fields = ("province", "regency", "village")
    list_select_related = ("province", "regency", "village")
