"""Invitations to join with a role and scope, and every account's history."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from perpus.scopes import Role, people_q, scope_of

from .choices import EmailNotifications
from .fields import newest_first, place_field


class InvitationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Invitations `user` may see and manage (lazy, no query until evaluated)."""
        return self.filter(people_q(scope_of(user), accounts=False))

    def pending(self, now=None):
        """Invitations not yet used, withdrawn or expired (lazy)."""
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
    province = place_field("villages.Province", "+", _("province"))
    regency = place_field("villages.Regency", "+", _("regency/city"))
    library = place_field("villages.Library", "+", _("library"))
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
        ADMIN_CREATED = "admin_created", _("Created in the admin")
        ADMIN_CHANGED = "admin_changed", _("Changed in the admin")

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
        ordering = newest_first("created_at")
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
            "username": _("username"),
            "is_staff": _("staff status"),
            "is_superuser": _("superuser status"),
        }
        choices = {
            "role": dict(Role.choices),
            "language": dict(settings.LANGUAGES),
            "email_notifications": dict(EmailNotifications.choices),
            "is_active": {True: _("yes"), False: _("no")},
            "is_staff": {True: _("yes"), False: _("no")},
            "is_superuser": {True: _("yes"), False: _("no")},
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
