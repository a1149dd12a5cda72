"""Large spreadsheet downloads, built in the background for their owner."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from perpus.uploads import RandomUploadTo


class ExportQuerySet(models.QuerySet):
    def for_owner(self, user):
        """The downloads of `user`, newest first (lazy): a download is only ever its owner's."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user).order_by("-created_at", "-pk")


class Export(models.Model):
    """A large spreadsheet download, built by a background task (`perpus.export_tasks`).

    A list too big to write while the person waits is queued instead: they see it on
    their downloads page (`/exports/`) and fetch the file when it is ready. Only its
    owner may; files are removed after `KEEP_DAYS` days (`manage.py prune_exports`).
    """

    KEEP_DAYS = 7

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Being written")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports", verbose_name=_("owner")
    )
    #: The list's key in `perpus.export_registry` and its filters, as in the list's URL.
    key = models.CharField(_("list"), max_length=50)
    label = models.CharField(_("name"), max_length=200)
    query = models.TextField(_("filters"), blank=True)
    fmt = models.CharField(_("format"), max_length=8)
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=RandomUploadTo("exports"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        indexes = [models.Index(fields=["owner", "-created_at"], name="export_owner_recent")]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"
