from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: Runs a follow-up is tried before it waits for a person.
MAX_ATTEMPTS = 3


class DueFollowUpQuerySet(models.QuerySet):
    def waiting(self):
        """Rows the worker will try now: not failed every try, and not waiting after a failure."""
        return self.filter(Q(retry_at__isnull=True) | Q(retry_at__lte=timezone.now()), attempts__lt=MAX_ATTEMPTS)

    def failed_now(self, error: str) -> int:
        """Count a failure of these rows with its `error` and have them wait 2, 4, 8… minutes
        before the next try (a database that restarts must not use up every try at once);
        returns how many (one query, then one update per number of earlier attempts)."""
        count = 0
        for attempts in set(self.values_list("attempts", flat=True)):
            count += self.filter(attempts=attempts).update(
                attempts=attempts + 1, last_error=error, retry_at=timezone.now() + timedelta(minutes=2 ** (attempts + 1))
            )
        return count

    def failed(self):
        """Rows that failed `MAX_ATTEMPTS` times: the program admin retries or looks into them."""
        return self.filter(attempts__gte=MAX_ATTEMPTS)


class DueFollowUp(models.Model):
    """One follow-up (e.g. "stages") due for one target ("library:12", "province:63" or
    "*" for every one), written in the transaction of the change that made it due."""

    follow_up = models.CharField(_("follow-up"), max_length=40)
    change = models.CharField(_("change"), max_length=40)
    target = models.CharField(_("target"), max_length=40)
    created_at = models.DateTimeField(_("due since"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    retry_at = models.DateTimeField(_("next try"), null=True, blank=True)

    objects = DueFollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("due follow-up")
        verbose_name_plural = _("due follow-ups")
        # The worker takes the oldest waiting rows of one follow-up.
        indexes = [models.Index(fields=["follow_up", "attempts", "id"], name="followup_due_idx")]

    def __str__(self):
        return f"{self.follow_up} {self.target} ({self.change})"
