"""Permission names in the user's language in the admin.

Django stores permission names in English when it creates them ("Can add
library"), so the admin's permission picker would show English in an Indonesian
interface. The picker's labels are built here from the permission's action and
its model's translated verbose name instead.
"""

from django.utils.translation import gettext, gettext_lazy as _

ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission) -> str:
    """Return "<app> | <model> | <action>" in the active language (no query).

    `permission` must have its content type loaded (the admin's queryset selects it).
    """
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:
        return permission.name
    action = permission.codename.split("_", 1)[0]
    template = ACTIONS.get(action)
    name = template % {"model": model._meta.verbose_name} if template else gettext(permission.name)
    return f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {name}"


class TranslatedPermissionsMixin:
    """Admin mixin: show the `permissions` and `user_permissions` choices translated."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.queryset = field.queryset.select_related("content_type")
            field.label_from_instance = permission_label
        return field
