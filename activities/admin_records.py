"""Admin of partnerships, support won, products and impact stories.

The admin is the program admin's backstop; everyday entry and review go
through the portal's pages, which keep the history.
"""

from django.contrib import admin
from django.db import models

from .models import ImpactStory, Partnership, Product, SupportRecord

WORKFLOW_FIELDS = (
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
)


class RecordAdmin(admin.ModelAdmin):
    # Links typed without a scheme are read as https (Django 6.0's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    autocomplete_fields = ("library",)
    list_select_related = ("library", "regency")
    readonly_fields = WORKFLOW_FIELDS
    list_filter = ("status",)
    show_full_result_count = False


@admin.register(Partnership)
class PartnershipAdmin(RecordAdmin):
    list_display = ("title", "partner_name", "partner_type", "library", "signed_on", "valid_until", "status")
    list_filter = ("status", "partner_type", "kind")
    search_fields = ("title", "partner_name", "library__name")
    date_hierarchy = "signed_on"


@admin.register(SupportRecord)
class SupportRecordAdmin(RecordAdmin):
    list_display = ("title", "kind", "year", "amount", "library", "status")
    list_filter = ("status", "kind", "regulation_type", "budget_source")
    search_fields = ("title", "number", "library__name")


@admin.register(Product)
class ProductAdmin(RecordAdmin):
    list_display = ("name", "group_name", "category", "library", "price", "income", "status")
    list_filter = ("status", "category")
    search_fields = ("name", "group_name", "library__name")
    date_hierarchy = "reported_on"


@admin.register(ImpactStory)
class ImpactStoryAdmin(RecordAdmin):
    list_display = ("title", "library", "happened_on", "consent_given", "name_public", "status")
    list_filter = ("status", "consent_given")
    search_fields = ("title", "library__name")
    readonly_fields = WORKFLOW_FIELDS + ("consent_recorded_by",)
