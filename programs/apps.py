from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and progress")

    def ready(self):
        from villages.signals import library_data_changed

        from .measures import load_all
        from .receivers import recompute_on_library_data_change

        # The ladder's measures read villages and activities data; they register here,
        # in the app on top, so the apps below never import programs.
        load_all()
        library_data_changed.connect(recompute_on_library_data_change, dispatch_uid="programs.stages")
