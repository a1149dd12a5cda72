"""The portal's user: a person with one role and the scope that role works in.

The package's other models are importable from here too: invitations and each account's
history (`invitations`), background downloads (`exports`). The user stays in this module
because the migrations name its manager `perpus.models.UserManager`.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from perpus.scopes import Role, people_q, scope_of

from .choices import EmailNotifications
from .exports import Export, ExportQuerySet
from .fields import place_field
from .invitations import AccountEvent, Invitation, InvitationQuerySet

__all__ = [
    "NEEDED_PLACE",
    "AccountEvent",
    "EmailNotifications",
    "Export",
    "ExportQuerySet",
    "Invitation",
    "InvitationQuerySet",
    "User",
    "UserManager",
    "UserQuerySet",
]


#: The one place field each place-bound role needs, and what to say when it is missing
#: (the model, the people forms and their services all read it).
NEEDED_PLACE = {
    Role.PROVINCE_STAFF: ("province", _("Province staff need a province.")),
    Role.REGENCY_STAFF: ("regency", _("Regency staff need a regency or city.")),
    Role.LIBRARY_MANAGER: ("library", _("Library managers need a library.")),
}


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
    province = place_field(
        "villages.Province", "staff", _("province"), help_text=_("For province staff.")
    )
    regency = place_field(
        "villages.Regency", "staff", _("regency/city"), help_text=_("For regency staff.")
    )
    library = place_field(
        "villages.Library", "managers", _("library"), help_text=_("For library managers.")
    )
    provinces = models.ManyToManyField(
        "villages.Province", blank=True, related_name="consultants",
        verbose_name=_("assigned provinces"), help_text=_("For consultants."),
    )
    phone = models.CharField(
        _("phone"), max_length=32, blank=True, help_text=_("Never shown to the public.")
    )
    language = models.CharField(
        _("interface language"), max_length=8, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the portal's pages and e-mails for this person."),
    )
    email_notifications = models.CharField(
        _("e-mail notifications"), max_length=10, choices=EmailNotifications.choices,
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
