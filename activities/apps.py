from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from villages.sections import LibrarySection, register

        from perpus.panels import StartPanel
        from perpus.panels import register as register_panel

        from .selectors import library_section, start_panel
        from .services.trash import register_trash_kinds

        register_trash_kinds()
        # Downloads of the app's lists (perpus.export_registry, served at /exports/<key>.<fmt>).
        from .exports import register_exports

        register_exports()
        register_panel(StartPanel("activities", "activities/_start_panel.html", start_panel, order=30))
        # After the progress panel (programs, order 50): what the library has done.
        register(
            LibrarySection(
                key="activities",
                template="activities/_library_section.html",
                selector=library_section,
                order=60,
            )
        )
        # The home, province and regency pages: this year's figures, latest activities,
        # featured stories and products.
        from perpus import public_sections

        from .public_sections import place_section

        public_sections.register(
            public_sections.PublicSection("activities", "activities/_place_section.html", place_section, order=30)
        )
