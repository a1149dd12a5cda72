"""The Django admin of the programs app: every save and delete of programs, cohort entries,
assessments, visits and the ladder (stages, criteria) goes through their services
(`perpus.admin_services.ServiceAdmin`); computed stages and their history are read-only."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from perpus.admin_services import ReadOnlyAdmin, ServiceAdmin, VersionedAdminForm, refusal_text
from perpus.followups.services import batch

from . import services
from .services.assessments import ItemInput
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
class ProgramAdmin(ServiceAdmin):
    list_display = ("name", "code", "started_year", "is_active")
    search_fields = ("name", "code")

    def save_with_service(self, request, obj, form, formsets, change):
        services.program_save(program=obj, user=request.user)

    def delete_with_service(self, request, obj):
        services.program_delete(program=obj, user=request.user)


@admin.register(Participation)
class ParticipationAdmin(ServiceAdmin):
    list_display = ("library", "program", "year", "funding_source")
    list_filter = ("program", "year", "funding_source")
    search_fields = ("library__name", "library__npp")
    autocomplete_fields = ("library",)
    list_select_related = ("library", "program")

    def save_with_service(self, request, obj, form, formsets, change):
        services.participation_save(participation=obj, user=request.user)

    def delete_with_service(self, request, obj):
        services.participation_delete(participation=obj, user=request.user)


class LadderAdmin(ServiceAdmin):
    """Stages and criteria are saved and removed by the ladder services (program admin only;
    every library's stage follows), like in the portal.

    A stage or criterion that consultants' verdicts refer to is not deleted here: the
    ladder service would retire it, which the admin's delete page cannot say, so the
    page refuses with the reason and points to the "retired" box of its form.
    """

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        hint = gettext("Retire it instead: tick “retired” in its form.")
        refused = [
            f"{removal.obj}: {removal.reason} {hint}"
            for removal in map(services.ladder_removal, objs)
            if removal.retires
        ]
        # Listed as protected, Django's page shows why and offers no delete button. Only
        # verdict rows without a verdict, note or file cascade with it, decided by the ladder
        # service, so no permission on them is asked (their own admin page is read-only).
        return to_delete, model_count, set(), refused + list(protected)

    def delete_with_service(self, request, obj):
        services.ladder_delete(obj=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        # One recomputation for all of them.
        services.ladder_delete_many(objs=list(queryset), user=request.user)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ("order", "name", "name_en", "kind", "measure", "threshold", "window_months", "retired")

    def has_delete_permission(self, request, obj=None):
        # A criterion is removed through its own delete page, where verdicts are kept.
        return False


@admin.register(Stage)
class StageAdmin(LadderAdmin):
    # `__str__` is the name in the admin's language (name or name_en).
    list_display = ("order", "__str__", "retired")
    list_filter = ("retired",)
    inlines = [CriterionInline]

    def save_with_service(self, request, obj, form, formsets, change):
        # The stage, then its new or changed criteria; the ladder's follow-ups run once.
        with batch():
            services.stage_save(stage=obj, user=request.user)
            for formset in formsets:
                for criterion in formset.save(commit=False):
                    services.criterion_save(criterion=criterion, user=request.user)


@admin.register(Criterion)
class CriterionAdmin(LadderAdmin):
    list_display = ("__str__", "stage", "order", "kind", "measure", "threshold", "window_months", "retired")
    list_filter = ("stage", "kind", "retired")
    search_fields = ("name", "name_en", "measure")
    list_select_related = ("stage",)

    def save_with_service(self, request, obj, form, formsets, change):
        services.criterion_save(criterion=obj, user=request.user)


class AssessmentItemInline(admin.TabularInline):
    # Saved with the assessment by its service; a verdict is changed, never removed.
    model = AssessmentItem
    extra = 0
    fields = ("criterion", "verdict", "note")
    can_delete = False


def item_inputs(formset) -> dict[int, ItemInput]:
    """The verdicts the admin's inline holds, by criterion id (after validation; no query)."""
    return {
        data["criterion"].pk: ItemInput(verdict=data["verdict"], note=data.get("note", ""))
        for data in formset.cleaned_data
        if data and data.get("criterion")
    }


@admin.register(Assessment)
class AssessmentAdmin(ServiceAdmin):
    """Saved by `assessment_create` (its author: the admin) and `assessment_update`."""

    list_display = ("library", "visited_on", "author")
    list_filter = ("visited_on",)
    search_fields = ("library__name", "findings")
    autocomplete_fields = ("library", "visit")
    readonly_fields = ("author",)
    list_select_related = ("library", "author")
    date_hierarchy = "visited_on"
    inlines = [AssessmentItemInline]

    def save_with_service(self, request, obj, form, formsets, change):
        values = {
            "visited_on": obj.visited_on,
            "findings": obj.findings,
            "recommendations": obj.recommendations,
            "items": item_inputs(formsets[0]),
            "visit": obj.visit,
        }
        if change:
            services.assessment_update(assessment=obj, user=request.user, **values)
        else:
            created = services.assessment_create(author=request.user, library=obj.library, **values)
            # The admin's log and next page name the row the service wrote.
            obj.pk, obj.author = created.pk, created.author

    def delete_with_service(self, request, obj):
        services.assessment_delete(assessment=obj, user=request.user)

    def get_deleted_objects(self, objs, request):
        # Its verdicts go with it, through the service: no permission on them is needed.
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        return deleted, counts, perms_needed - {str(AssessmentItem._meta.verbose_name)}, protected


@admin.register(AssessmentItem)
class AssessmentItemAdmin(ReadOnlyAdmin):
    """Read-only: verdicts are changed with their assessment (its page, or the assessment's
    admin), where the service recomputes the library's stage."""

    list_display = ("assessment", "criterion", "verdict")
    list_filter = ("verdict", "criterion")
    list_select_related = ("assessment__library", "criterion")
    raw_id_fields = ("assessment",)


@admin.register(LibraryProgress)
class LibraryProgressAdmin(ReadOnlyAdmin):
    """Computed from the data and the ladder (the "stages" follow-up): shown, never typed."""

    list_display = ("library", "stage", "computed_at")
    list_filter = ("stage",)
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library", "stage")
    readonly_fields = ("computed_at", "criteria")


@admin.register(StageSnapshot)
class StageSnapshotAdmin(ReadOnlyAdmin):
    """Written when a stage changes and once a month (`recompute_stages`): shown, never typed."""

    list_display = ("library", "date", "stage", "reason")
    list_filter = ("reason", "stage")
    search_fields = ("library__name",)
    autocomplete_fields = ("library",)
    list_select_related = ("library", "stage")
    date_hierarchy = "date"


@admin.register(Visit)
class VisitAdmin(ServiceAdmin):
    """Saved by the visit services (version-checked); deleting puts a visit in the trash.
    Its report is uploaded in the portal only (`perpus.uploads` checks it)."""

    form = VersionedAdminForm
    list_display = ("regency", "starts_on", "ends_on", "author", "deleted_at")
    list_filter = ("starts_on", ("deleted_at", admin.EmptyFieldListFilter))
    search_fields = ("regency__name", "team", "findings")
    autocomplete_fields = ("regency", "libraries", "visitors")
    readonly_fields = ("author", "report", "deleted_at", "deleted_by")
    list_select_related = ("regency", "author")
    actions = ["restore_visits"]

    def save_with_service(self, request, obj, form, formsets, change):
        team = {"visitors": form.cleaned_data["visitors"], "libraries": form.cleaned_data["libraries"]}
        if change:
            expected = form.cleaned_data.get("expected_version")
            services.visit_update(visit=obj, user=request.user, expected_version=expected, **team)
        else:
            services.visit_create(visit=obj, user=request.user, **team)

    def delete_with_service(self, request, obj):
        services.visit_delete(visit=obj, user=request.user)

    def get_deleted_objects(self, objs, request):
        # A visit goes to the trash alone: nothing else is deleted with it.
        return [str(obj) for obj in objs], {}, set(), []

    @admin.action(description=_("Restore the selected visits from the trash"))
    def restore_visits(self, request, queryset):
        restored = 0
        for visit in queryset.deleted():
            try:
                services.visit_restore(visit=visit, user=request.user)
            except PermissionDenied as error:
                self.message_user(request, f"{visit}: {refusal_text(error)}", messages.WARNING)
            else:
                restored += 1
        self.message_user(
            request,
            ngettext("%(count)d visit restored.", "%(count)d visits restored.", restored) % {"count": restored},
            messages.SUCCESS,
        )
