from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = _("Regions and libraries")

    def ready(self):
        from perpus import trash

        from .trash import LIBRARY_PHOTO

        trash.register(LIBRARY_PHOTO)
