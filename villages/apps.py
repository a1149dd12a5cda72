from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = _("Regions and libraries")

    def ready(self):
        from perpus import trash

        # Registers the library measures the progress ladder reads.
        from . import measures  # noqa: F401
        from .trash import LIBRARY_PHOTO

        trash.register(LIBRARY_PHOTO)
