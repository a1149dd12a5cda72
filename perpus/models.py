"""The portal's user: a person with one role and the scope that role works in."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .scopes import Role, people_q, scope_of
from .uploads import RandomUploadTo


#: The one place field each place-bound role needs, and what to say when it is missing
#: (the model, the people forms and their services all read it).
NEEDED_PLACE = {
    Role.PROVINCE_STAFF: ("province", _("Province staff need a province.")),
    Role.REGENCY_STAFF: ("regency", _("Regency staff need a regency or city.")),
    Role.LIBRARY_MANAGER: ("library", _("Library managers need a library.")),
}


class EmailNotifications(models.TextChoices):
    """How a person wants notifications by e-mail (the portal always lists them)."""

    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("In a daily digest")
    OFF = "off", _("Off")


class UserQuerySet(models.QuerySet):
    def for_user(self, user):
        """Accounts `user` may see and manage on the People pages (lazy, no query)."""
        return self.filter(people_q(scope_of(user)))


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass


class User(AbstractUser):
    Role = Role
    EmailNotifications = EmailNotifications

    objects = UserManager()

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
        indexes = [
            # The People list filters on role and last login.
            models.Index(fields=["role"], name="user_role_idx"),
            models.Index(fields=["last_login"], name="user_last_login_idx"),
        ]
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
        errors = {}
        for role, (field, message) in NEEDED_PLACE.items():
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


class InvitationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Invitations `user` may see and manage (lazy, no query until evaluated)."""
        return self.filter(people_q(scope_of(user), accounts=False))

    def pending(self, now=None):
        """Invitations not yet used, withdrawn or expired (lazy)."""
        from django.utils import timezone

        return self.filter(
            accepted_at__isnull=True, withdrawn_at__isnull=True, expires_at__gt=now or timezone.now()
        )


class Invitation(models.Model):
    """An e-mail invitation to join with a role and scope; its link works once, for 7 days.

    Only the SHA-256 of the link's token is stored (`token_hash`): a copy of the database
    cannot be used to sign up. The token is made when the mail is sent, so resending makes
    a new one and the old link dies.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        EXPIRED = "expired", _("Expired")

    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    province = models.ForeignKey(
        "villages.Province", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("province"),
    )
    regency = models.ForeignKey(
        "villages.Regency", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("regency/city"),
    )
    library = models.ForeignKey(
        "villages.Library", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("library"),
    )
    provinces = models.ManyToManyField(
        "villages.Province", blank=True, related_name="+", verbose_name=_("assigned provinces")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Looked up when a link is opened.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="+", verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("account"),
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [
            # The invitation list, newest first, and "is this e-mail already invited?".
            models.Index(fields=["-created_at"], name="invitation_created_idx"),
            models.Index(fields=["email"], name="invitation_email_idx"),
        ]

    def __str__(self):
        return self.email

    @property
    def status(self) -> str:
        """The invitation's `Status` now (no query)."""
        from django.utils import timezone

        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.withdrawn_at:
            return self.Status.WITHDRAWN
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class AccountEvent(models.Model):
    """One entry of an account's history: who did what to it, when, and what changed."""

    class Action(models.TextChoices):
        INVITED = "invited", _("Invited")
        INVITATION_RESENT = "invitation_resent", _("Invitation resent")
        INVITATION_WITHDRAWN = "invitation_withdrawn", _("Invitation withdrawn")
        JOINED = "joined", _("Accepted the invitation")
        ACCESS_CHANGED = "access_changed", _("Role or scope changed")
        DEACTIVATED = "deactivated", _("Deactivated")
        REACTIVATED = "reactivated", _("Reactivated")
        PROFILE_CHANGED = "profile_changed", _("Own details changed")

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="account_events", verbose_name=_("account"),
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.CASCADE, null=True, blank=True,
        related_name="events", verbose_name=_("invitation"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
        related_name="+", verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    #: {"field": [old, new]}; private values (the phone) are recorded as changed, not shown.
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("account event")
        verbose_name_plural = _("account events")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # An account's history, newest first.
            models.Index(fields=["account", "-created_at"], name="accountevent_account_idx"),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M}"

    def change_rows(self) -> list[tuple[str, str, str]]:
        """Return (field label, old, new) for each change, translated (no query)."""
        labels = {
            "email": _("e-mail"),
            "role": _("role"),
            "province": _("province"),
            "regency": _("regency/city"),
            "library": _("library"),
            "provinces": _("assigned provinces"),
            "is_active": _("active"),
            "first_name": _("first name"),
            "last_name": _("last name"),
            "phone": _("phone"),
            "language": _("interface language"),
            "email_notifications": _("e-mail notifications"),
        }
        choices = {
            "role": dict(Role.choices),
            "language": dict(settings.LANGUAGES),
            "email_notifications": dict(EmailNotifications.choices),
            "is_active": {True: _("yes"), False: _("no")},
        }

        def shown(field, value):
            if field == "phone":
                return "…"
            if field in choices:
                return str(choices[field].get(value, value or "—"))
            return str(value) if value not in (None, "") else "—"

        return [
            (str(labels.get(field, field)), shown(field, old), shown(field, new))
            for field, (old, new) in self.changes.items()
        ]
