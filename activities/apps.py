from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from villages.sections import LibrarySection, register

        # Register the measures the progress ladder reads (programs.measures).
        from . import measures  # noqa: F401
        from . import record_measures  # noqa: F401  (registers the records' measures)
        from .selectors import library_section
        from .services.trash import register_trash_kinds

        register_trash_kinds()
        register(
            LibrarySection(
                key="activities",
                template="activities/_library_section.html",
                selector=library_section,
                order=50,
            )
        )
