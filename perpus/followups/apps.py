from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowUpsConfig(AppConfig):
    name = "perpus.followups"
    label = "followups"
    verbose_name = _("Follow-ups")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from perpus import panels

        from .selectors import failed_panel

        # The program admin sees follow-ups that keep failing on the start page.
        panels.register(panels.StartPanel("followups", "followups/_start_panel.html", failed_panel, order=5))
