from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from perpus.admin_services import ReadOnlyAdmin

from .models import MAX_ATTEMPTS, DueFollowUp
from .services import retry_failed


class FailedFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "failed"

    def lookups(self, request, model_admin):
        return [("1", _("failed every try")), ("0", _("waiting for the worker"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.failed()
        if self.value() == "0":
            return queryset.waiting()
        return queryset


@admin.register(DueFollowUp)
class DueFollowUpAdmin(ReadOnlyAdmin):
    """Read-only: rows are written with changes and removed by the worker; a person only
    retries the ones that failed."""

    list_display = ["follow_up", "target", "change", "created_at", "attempts", "retry_at", "last_error"]
    list_filter = [FailedFilter, "follow_up"]
    actions = ["retry"]
    ordering = ["-attempts", "pk"]

    @admin.action(description=_("Try the selected failed follow-ups again"))
    def retry(self, request, queryset):
        count = retry_failed(queryset.filter(attempts__gte=MAX_ATTEMPTS).values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext("%(count)d follow-up will be tried again.", "%(count)d follow-ups will be tried again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
