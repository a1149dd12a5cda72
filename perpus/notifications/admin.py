from django.contrib import admin

from .models import Digest, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("recipient", "kind", "created_at", "read_at", "mail_pending", "mailed_at")
    list_filter = ("kind", "mail_pending")
    search_fields = ("recipient__username", "key")
    autocomplete_fields = ("recipient",)
    list_select_related = ("recipient",)
    readonly_fields = ("created_at", "mailed_at")


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ("recipient", "day", "notices", "sent_at")
    search_fields = ("recipient__username",)
    autocomplete_fields = ("recipient",)
    list_select_related = ("recipient",)
