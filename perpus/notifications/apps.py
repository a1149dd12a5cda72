from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "perpus.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported once the models are loaded, as Django requires of receivers' modules.
        from perpus.people.signals import own_account_changed

        from .services import drop_mails_turned_off

        own_account_changed.connect(drop_mails_turned_off, dispatch_uid="mails_turned_off")
