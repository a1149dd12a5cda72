"""Monthly figures a library reports: visits, members, loans."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from .parts import LibraryPartQuerySet, library_link


def first_of_month(day: datetime.date) -> datetime.date:
    """The first day of `day`'s month (no query)."""
    return day.replace(day=1)


class LibraryStatistic(models.Model):
    library = library_link("statistics")
    month = models.DateField(_("month"), help_text=_("Stored as the first day of the month."))
    visits_male = models.PositiveIntegerField(_("visits by men and boys"), default=0)
    visits_female = models.PositiveIntegerField(_("visits by women and girls"), default=0)
    new_members = models.PositiveIntegerField(_("new members"), default=0)
    total_members = models.PositiveIntegerField(_("total members"), default=0)
    loans = models.PositiveIntegerField(_("loans"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Grows with each save of the month, so a save from a stale form is refused.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = LibraryPartQuerySet.as_manager()

    class Meta:
        ordering = ["library_id", "-month"]
        verbose_name = verbose_name_plural = _("monthly statistics")
        constraints = [
            models.UniqueConstraint(fields=["library", "month"], name="library_statistic_one_per_month"),
        ]

    def __str__(self):
        return f"{self.library_id} {self.month:%Y-%m}"

    @property
    def visits(self) -> int:
        return self.visits_male + self.visits_female

    def save(self, *args, **kwargs):
        self.month = first_of_month(self.month)
        super().save(*args, **kwargs)
