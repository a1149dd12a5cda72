from django.contrib import admin
from django.utils.translation import gettext

from . import services
from .models import (
    Assessment,
    AssessmentItem,
    Criterion,
    LibraryProgress,
    Participation,
    Program,
    Stage,
    StageSnapshot,
    Visit,
)


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "started_year", "is_active")
    search_fields = ("name", "code")


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ("library", "program", "year", "funding_source")
    list_filter = ("program", "year", "funding_source")
    search_fields = ("library__name", "library__npp")
    autocomplete_fields = ("library",)
    list_select_related = ("library", "program")

    def save_model(self, request, obj, form, change):
        services.participation_save(participation=obj)

    def delete_model(self, request, obj):
        services.participation_delete(participation=obj)

    def delete_queryset(self, request, queryset):
        for participation in queryset:
            services.participation_delete(participation=participation)


class LadderAdminMixin:
    """A ladder change in the admin recomputes every library's stage, like in the portal.

    A stage or criterion that consultants' verdicts refer to is not deleted here: the
    ladder service would retire it, which the admin's delete page cannot say, so the
    page refuses with the reason and points to the "retired" box of its form.
    """

    def save_related(self, request, form, formsets, change):
        # Runs after save_model and the inlines, inside the admin's transaction.
        super().save_related(request, form, formsets, change)
        services.ladder_changed()

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        hint = gettext("Retire it instead: tick “retired” in its form.")
        refused = [
            f"{removal.obj}: {removal.reason} {hint}"
            for removal in map(services.ladder_removal, objs)
            if removal.retires
        ]
        # Listed as protected, Django's page shows why and offers no delete button.
        return to_delete, model_count, perms_needed, refused + list(protected)

    def delete_model(self, request, obj):
        services.ladder_delete(obj=obj)

    def delete_queryset(self, request, queryset):
        services.ladder_delete_many(objs=list(queryset))


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("order", "name", "name_en", "kind", "measure", "threshold", "window_months", "retired")

    def has_delete_permission(self, request, obj=None):
        # A criterion is removed through its own delete page, where verdicts are kept.
        return False


@admin.register(Stage)
class StageAdmin(LadderAdminMixin, admin.ModelAdmin):
    # `__str__` is the name in the admin's language (name or name_en).
    list_display = ("order", "__str__", "retired")
    list_filter = ("retired",)
    inlines = [CriterionInline]


@admin.register(Criterion)
class CriterionAdmin(LadderAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "stage", "order", "kind", "measure", "threshold", "window_months", "retired")
    list_filter = ("stage", "kind", "retired")
    search_fields = ("name", "name_en", "measure")
    list_select_related = ("stage",)


class AssessmentItemInline(admin.TabularInline):
    model = AssessmentItem
    extra = 0
    fields = ("criterion", "verdict", "note")


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ("library", "visited_on", "author")
    list_filter = ("visited_on",)
    search_fields = ("library__name", "findings")
    autocomplete_fields = ("library", "author", "visit")
    list_select_related = ("library", "author")
    date_hierarchy = "visited_on"
    inlines = [AssessmentItemInline]


@admin.register(AssessmentItem)
class AssessmentItemAdmin(admin.ModelAdmin):
    list_display = ("assessment", "criterion", "verdict")
    list_filter = ("verdict", "criterion")
    list_select_related = ("assessment__library", "criterion")
    raw_id_fields = ("assessment",)


@admin.register(LibraryProgress)
class LibraryProgressAdmin(admin.ModelAdmin):
    list_display = ("library", "stage", "computed_at")
    list_filter = ("stage",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library", "stage")
    readonly_fields = ("computed_at", "criteria")


@admin.register(StageSnapshot)
class StageSnapshotAdmin(admin.ModelAdmin):
    list_display = ("library", "date", "stage", "reason")
    list_filter = ("reason", "stage")
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library", "stage")
    date_hierarchy = "date"


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ("regency", "starts_on", "ends_on", "author")
    list_filter = ("starts_on",)
    search_fields = ("regency__name", "team", "findings")
    autocomplete_fields = ("regency", "libraries", "visitors", "author")
    list_select_related = ("regency", "author")

    def save_model(self, request, obj, form, change):
        # The scope filters read the province copied from the regency.
        obj.province_id = obj.regency.province_id
        super().save_model(request, obj, form, change)
