from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        # Register the measures the progress ladder reads (programs.measures).
        from . import measures  # noqa: F401
        from . import record_measures  # noqa: F401  (registers the records' measures)
