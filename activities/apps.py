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
        # An activity's search text ends with its organiser's: keep it in step.
        from django.db.models.signals import post_save

        from villages.models import Library

        from .search_text import refresh_for_library

        post_save.connect(refresh_for_library, sender=Library, dispatch_uid="activities_search_text")
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
        from perpus import pagecache, public_sections

        from .models import ActivityDocument, ActivityPhoto
        from .public_sections import place_section
        from .registry import record_types

        public_sections.register(
            public_sections.PublicSection("activities", "activities/_place_section.html", place_section, order=30)
        )
        # Cached public pages show verified records: any save or delete of one (a
        # verification, an edit, a deletion) or of an activity's files makes them stale.
        for record_type in record_types():
            pagecache.invalidate_on_change(record_type.model)
        pagecache.invalidate_on_change(ActivityPhoto)
        pagecache.invalidate_on_change(ActivityDocument)
