"""The history of every reviewed record: who did what, when, what changed and why."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first

from .choices import EventAction


class RecordEventQuerySet(models.QuerySet):
    def for_record(self, record):
        """Events of `record`, newest first (lazy)."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        ).order_by("-at", "-pk")


class RecordEvent(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    action = models.CharField(_("action"), max_length=10, choices=EventAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    reason = models.TextField(_("reason"), blank=True)
    #: {field name: [old, new]} for changes; empty for other actions.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    #: The record's field values after the event, for restoring an earlier state.
    snapshot = models.JSONField(_("snapshot"), default=dict, blank=True)

    objects = RecordEventQuerySet.as_manager()

    class Meta:
        ordering = newest_first("at")
        verbose_name = _("history event")
        verbose_name_plural = _("history events")
        # Serves the history page of one record.
        indexes = [models.Index(fields=["content_type", "object_id", "at"], name="event_record_at")]

    def __str__(self):
        return f"{self.get_action_display()} · {self.at:%Y-%m-%d %H:%M}"
