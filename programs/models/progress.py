"""The computed stage of each library and its history."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from perpus.scopes import ScopedQuerySet, ScopePaths

from .ladder import Stage

_LIBRARY_PATHS = ScopePaths(
    province="library__province_id", regency="library__regency_id", library="library_id"
)


class ProgressQuerySet(ScopedQuerySet):
    scope_paths = _LIBRARY_PATHS
    # Written only by the stage computation, never by a form.
    writer_roles = frozenset()


def _library_link(field_class, related_name: str):
    """The library a row is about: the row goes with it."""
    return field_class(
        "villages.Library", on_delete=models.CASCADE, related_name=related_name, verbose_name=_("library")
    )


def _stage_link(verbose_name):
    """The stage a row records; a deleted stage empties it rather than taking the row along."""
    return models.ForeignKey(
        Stage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=verbose_name
    )


class LibraryProgress(models.Model):
    library = _library_link(models.OneToOneField, "progress")
    stage = _stage_link(_("current stage"))
    computed_at = models.DateTimeField(_("computed at"))
    #: {criterion id: {"value": "14", "met": true, "missing": false}}; values as strings.
    criteria = models.JSONField(_("criteria figures"), default=dict, blank=True)

    objects = ProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("library progress")
        verbose_name_plural = _("library progress")

    def __str__(self):
        return f"{self.library_id}: {self.stage or '-'}"


class SnapshotReason(models.TextChoices):
    FIRST = "first", _("First computation")
    CHANGE = "change", _("Stage changed")
    MONTHLY = "monthly", _("Monthly record")


class StageSnapshot(models.Model):
    library = _library_link(models.ForeignKey, "stage_snapshots")
    stage = _stage_link(_("stage"))
    #: Order of the stage when recorded, so history survives a stage being deleted.
    stage_order = models.PositiveSmallIntegerField(_("stage level"), default=0)
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=10, choices=SnapshotReason.choices)

    objects = ProgressQuerySet.as_manager()

    class Meta:
        ordering = ["library", "date"]
        verbose_name = _("stage snapshot")
        verbose_name_plural = _("stage snapshots")
        constraints = [
            models.UniqueConstraint(fields=["library", "date"], name="stage_snapshot_one_per_day")
        ]
        indexes = [models.Index(fields=["date", "reason"])]

    def __str__(self):
        return f"{self.library_id} {self.date}: {self.stage or '-'}"
