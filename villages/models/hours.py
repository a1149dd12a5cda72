"""Weekly opening hours of a library: one row per open weekday."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .choices import Weekday
from .parts import LibraryPartQuerySet, library_link


def minutes_between(opens, closes) -> int:
    """Minutes from `opens` to `closes` (two `datetime.time`), no query."""
    return (closes.hour * 60 + closes.minute) - (opens.hour * 60 + opens.minute)


class OpeningHours(models.Model):
    """A library is open on `weekday` from `opens` to `closes`; days without a row are closed."""

    library = library_link("opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    # Stored so the ladder can average hours per day with one aggregate query.
    minutes = models.PositiveSmallIntegerField(_("minutes open"), editable=False)

    objects = LibraryPartQuerySet.as_manager()

    class Meta:
        ordering = ["library_id", "weekday"]
        verbose_name = verbose_name_plural = _("opening hours")
        constraints = [
            models.UniqueConstraint(fields=["library", "weekday"], name="opening_hours_one_per_day"),
            models.CheckConstraint(condition=Q(closes__gt=F("opens")), name="opening_hours_closes_after_opens"),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("The closing time must be after the opening time.")})

    def save(self, *args, **kwargs):
        self.minutes = minutes_between(self.opens, self.closes)
        super().save(*args, **kwargs)
