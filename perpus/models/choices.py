"""Choices of the user model that its history (`invitations.AccountEvent`) also names.

A leaf module: the package's other modules import it, and it imports none of them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailNotifications(models.TextChoices):
    """How a person wants notifications by e-mail (the portal always lists them)."""

    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Off")
