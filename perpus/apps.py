from importlib import import_module

from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _


class PerpusConfig(AppConfig):
    name = "perpus"
    verbose_name = _("Accounts and access")


class AdminConfig(SimpleAdminConfig):
    """The Django admin, discovering every app's `admin` module except django-leaflet's.

    django-leaflet's admin imports GeoDjango, which needs the GDAL C library; Perpus
    stores points as two decimals and only uses leaflet's map template tags.
    """

    default_site = "perpus.admin_site.PerpusAdminSite"

    def ready(self):
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.name != "leaflet" and module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")
