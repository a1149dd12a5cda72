from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .admin_labels import TranslatedPermissionsMixin
from .admin_services import ServiceAdmin, m2m_values
from .models import User
from .people import services


@admin.register(User)
class UserAdmin(TranslatedPermissionsMixin, ServiceAdmin, BaseUserAdmin):
    """Accounts are saved by `people.services.account_admin_save` (logged in their history);
    the password form is Django's own. An account is deactivated, never deleted: its history
    and what it recorded stay."""

    list_display = (
        "username", "full_name", "email", "role", "province", "regency", "library", "is_active",
    )
    list_filter = ("role", "is_active", "is_staff")
    search_fields = ("username", "first_name", "last_name", "email")
    # Scope fields point at tens of thousands of rows: search, never a drop-down.
    autocomplete_fields = ("province", "regency", "library", "provinces")
    list_select_related = ("province", "regency", "library")
    fieldsets = BaseUserAdmin.fieldsets + (
        (
            _("Role and scope"),
            {
                "fields": (
                    "role",
                    "province",
                    "regency",
                    "library",
                    "provinces",
                    "phone",
                    "language",
                    "email_notifications",
                ),
                "description": _(
                    "Province staff need a province, regency staff a regency or city, library "
                    "managers a library, consultants their assigned provinces. Leave the other "
                    "fields empty."
                ),
            },
        ),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        (_("Role and scope"), {"fields": ("role", "province", "regency", "library", "provinces")}),
    )

    @admin.display(description=_("name"), ordering="first_name")
    def full_name(self, user):
        return user.get_full_name()

    def has_delete_permission(self, request, obj=None):
        return False

    def save_with_service(self, request, obj, form, formsets, change):
        services.account_admin_save(actor=request.user, account=obj, m2m=m2m_values(form))


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(TranslatedPermissionsMixin, BaseGroupAdmin):
    pass
