from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Programs and progress")

    def ready(self):
        from villages.signals import library_data_changed

        from .receivers import recompute_on_library_data_change

        library_data_changed.connect(recompute_on_library_data_change, dispatch_uid="programs.stages")
