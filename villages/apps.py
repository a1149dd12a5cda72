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
        # Cached public pages (perpus.pagecache) show libraries, their photos, hours and
        # figures, and the regions' names: a change to any of them makes them stale.
        from perpus import pagecache, public_sections

        from .models import (
            District,
            Library,
            LibraryPhoto,
            LibraryStatistic,
            OpeningHours,
            Province,
            Regency,
            Village,
        )
        from .public import nation_section
        from .signals import library_data_changed

        for model in (Library, LibraryPhoto, LibraryStatistic, OpeningHours, Province, Regency, District, Village):
            pagecache.invalidate_on_change(model)
        library_data_changed.connect(pagecache.bump, dispatch_uid="perpus.pagecache.library_data")
        # The home page's map of provinces and their libraries.
        public_sections.register(
            public_sections.PublicSection("libraries", "villages/_nation_section.html", nation_section, order=10)
        )
