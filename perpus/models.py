"""The portal's user: a person with one role and the scope that role works in."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .scopes import Role, scope_of
from .uploads import RandomUploadTo


class EmailNotifications(models.TextChoices):
    """How a person wants notifications by e-mail (the portal always lists them)."""

    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Off")


class User(AbstractUser):
    Role = Role
    EmailNotifications = EmailNotifications

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    province = models.ForeignKey(
        "villages.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("province"),
        help_text=_("For province staff."),
    )
    regency = models.ForeignKey(
        "villages.Regency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("regency/city"),
        help_text=_("For regency staff."),
    )
    library = models.ForeignKey(
        "villages.Library",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="managers",
        verbose_name=_("library"),
        help_text=_("For library managers."),
    )
    provinces = models.ManyToManyField(
        "villages.Province",
        blank=True,
        related_name="consultants",
        verbose_name=_("assigned provinces"),
        help_text=_("For consultants."),
    )
    phone = models.CharField(
        _("phone"), max_length=32, blank=True, help_text=_("Never shown to the public.")
    )
    language = models.CharField(
        _("interface language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the portal's pages and e-mails for this person."),
    )
    email_notifications = models.CharField(
        _("e-mail notifications"),
        max_length=10,
        choices=EmailNotifications.choices,
        default=EmailNotifications.IMMEDIATE,
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # Each role carries exactly the scope field it needs, and no other.
            models.CheckConstraint(
                condition=(
                    Q(
                        role=Role.PROVINCE_STAFF,
                        province__isnull=False,
                        regency__isnull=True,
                        library__isnull=True,
                    )
                    | Q(
                        role=Role.REGENCY_STAFF,
                        province__isnull=True,
                        regency__isnull=False,
                        library__isnull=True,
                    )
                    | Q(
                        role=Role.LIBRARY_MANAGER,
                        province__isnull=True,
                        regency__isnull=True,
                        library__isnull=False,
                    )
                    | Q(
                        role__in=[Role.ADMIN, Role.CONSULTANT, ""],
                        province__isnull=True,
                        regency__isnull=True,
                        library__isnull=True,
                    )
                ),
                name="user_scope_matches_role",
            ),
        ]

    def clean(self):
        super().clean()
        needed = {
            Role.PROVINCE_STAFF: ("province", _("Province staff need a province.")),
            Role.REGENCY_STAFF: ("regency", _("Regency staff need a regency or city.")),
            Role.LIBRARY_MANAGER: ("library", _("Library managers need a library.")),
        }
        errors = {}
        for role, (field, message) in needed.items():
            if self.role == role and not getattr(self, f"{field}_id"):
                errors[field] = message
            elif self.role != role and getattr(self, f"{field}_id"):
                errors[field] = _("Only for the role “%(role)s”; leave it empty.") % {
                    "role": role.label
                }
        if errors:
            raise ValidationError(errors)

    @property
    def scope(self):
        """The user's `perpus.scopes.Scope` (one query for consultants, cached)."""
        return scope_of(self)

    @property
    def effective_role(self) -> str:
        """The role the scope rules use: superusers count as program admins."""
        return scope_of(self).role

    def scope_label(self) -> str:
        """Say who the user is and where they work, e.g. "Staf Dinas Kabupaten Balangan".

        Reads the related province, regency or library (one query each unless loaded).
        """
        role = self.effective_role
        if role == Role.ADMIN:
            return gettext("Program admin, national")
        if role == Role.CONSULTANT:
            names = ", ".join(p.name for p in self.provinces.all()) or gettext("no province yet")
            return gettext("Perpusnas consultant for %(provinces)s") % {"provinces": names}
        if role == Role.PROVINCE_STAFF:
            return gettext("Agency staff, %(province)s province") % {"province": self.province.name}
        if role == Role.REGENCY_STAFF:
            return gettext("Agency staff, %(regency)s") % {"regency": self.regency.name}
        if role == Role.LIBRARY_MANAGER:
            return gettext("Library manager, %(library)s") % {"library": self.library.name}
        return gettext("No role yet: ask the program admin for access")


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

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        indexes = [models.Index(fields=["owner", "-created_at"], name="export_owner_recent")]

    def __str__(self):
        return f"{self.label} ({self.get_status_display()})"
