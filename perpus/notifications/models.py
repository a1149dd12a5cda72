"""Notices to one person, and the daily digests mailed to those who chose them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first

from . import kinds


class NotificationQuerySet(models.QuerySet):
    def for_recipient(self, user):
        """The notices of `user`, newest first (lazy); nothing for anonymous users."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user).order_by("-created_at", "-pk")

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One notice to one person: its kind and parameters, rendered in the reader's language."""

    Kind = kinds.Kind

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=kinds.Kind.choices)
    #: JSON values only (names, dates as ISO text, counts); the text is made when shown.
    params = models.JSONField(_("details"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    #: Set for notices that must be sent once (e.g. "partnership:12:30"); empty otherwise.
    key = models.CharField(_("key"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    #: Still to be mailed (immediately, or in the next daily digest).
    mail_pending = models.BooleanField(_("mail pending"), default=False)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = newest_first("created_at")
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            # The list page (newest first) and the unread count in the navigation.
            models.Index(
                fields=["recipient", "read_at", "-created_at"], name="notification_inbox"
            ),
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_new"),
            # The digests and the immediate mails read only the notices still to be mailed.
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(mail_pending=True),
                name="notification_mail_pending",
            ),
        ]
        constraints = [
            # A scheduled notice is sent once: running `send_notices` twice adds nothing.
            # Key first: `create_notices` looks up the keys of a batch.
            models.UniqueConstraint(
                fields=["key", "recipient"], condition=~Q(key=""), name="notification_once_per_key"
            ),
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.kind} {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("notifications:list")

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def title(self) -> str:
        """The notice's title in the active language (no query)."""
        return kinds.render(self.kind, self.params)[0]

    @property
    def body(self) -> str:
        """The notice's details in the active language (no query)."""
        return kinds.render(self.kind, self.params)[1]


class Digest(models.Model):
    """A daily digest mailed to one person: at most one a day."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_digests",
        verbose_name=_("recipient"),
    )
    day = models.DateField(_("day"))
    notices = models.PositiveIntegerField(_("notices"), default=0)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["-day", "recipient_id"]
        verbose_name = _("daily digest")
        verbose_name_plural = _("daily digests")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "day"], name="digest_one_per_day"),
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.day:%Y-%m-%d}"
