from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VillagesConfig(AppConfig):
    name = "villages"
    verbose_name = _("Regions and libraries")

    def ready(self):
        from perpus import trash
        from perpus.panels import StartPanel
        from perpus.panels import register as register_panel

        from .trash import LIBRARY_PHOTO

        trash.register(LIBRARY_PHOTO)
        # Downloads of the app's lists (perpus.export_registry, served at /exports/<key>.<fmt>).
        from .exports import register_exports

        register_exports()
        # Static links only: the panel reads `can` and the user, no query.
        register_panel(StartPanel("villages", "villages/_start_panel.html", lambda user: {}, order=10))
        from perpus import public_sections

        from .public import nation_section

        # The home page's map of provinces and their libraries.
        public_sections.register(
            public_sections.PublicSection("libraries", "villages/_nation_section.html", nation_section, order=10)
        )
