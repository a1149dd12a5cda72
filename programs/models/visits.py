"""Monitoring and evaluation visits: a team's visit to a regency and several of its libraries.

A consultant or a Perpusnas team visits a regency, meets the agency, goes to some of
its village libraries, interviews users and non-users, and writes findings,
recommendations and a report. Assessments made during the visit point to it
(`Assessment.visit`). The team may include people who have no account (names in
`team`), besides the portal users in `visitors`.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.scopes import ASSESSOR_ROLES, ScopedQuerySet, ScopePaths, editable_q, scope_of
from perpus.trash import SoftDeletable, SoftDeleteQuerySet
from perpus.uploads import RandomUploadTo


class VisitQuerySet(SoftDeleteQuerySet, ScopedQuerySet):
    # A visit belongs to a regency; library managers see none (it is about many libraries).
    scope_paths = ScopePaths(province="province_id", regency="regency_id")
    writer_roles = ASSESSOR_ROLES

    def for_user(self, user):
        """Visits `user` may see, not in the trash (lazy, no query until evaluated)."""
        return super().for_user(user).alive()

    def editable_by(self, user):
        """Visits `user` may change, not in the trash (lazy)."""
        return super().editable_by(user).alive()

    def deleted_editable_by(self, user):
        """Visits in the trash that `user` could change, so may restore (lazy)."""
        return self.deleted().filter(editable_q(scope_of(user), self.scope_paths, self.writer_roles))


class Visit(SoftDeletable):
    """A monitoring visit. Deleting one puts it in the trash (restorable); its report stays."""

    regency = models.ForeignKey(
        "villages.Regency", on_delete=models.PROTECT, related_name="visits", verbose_name=_("regency or city")
    )
    # Copied from `regency` by the services; used by the scope filters.
    province = models.ForeignKey("villages.Province", on_delete=models.PROTECT, related_name="+", editable=False)
    starts_on = models.DateField(_("first day"), db_index=True)
    ends_on = models.DateField(_("last day"))
    team = models.TextField(
        _("team"), help_text=_("Who visited: one person per line, with their role and institution.")
    )
    visitors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="visits", verbose_name=_("team members with an account")
    )
    libraries = models.ManyToManyField(
        "villages.Library", blank=True, related_name="visits", verbose_name=_("libraries visited")
    )
    purpose = models.TextField(_("purpose"), blank=True)
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True)
    users_interviewed = models.PositiveIntegerField(_("library users interviewed"), default=0)
    non_users_interviewed = models.PositiveIntegerField(_("non-users interviewed"), default=0)
    survey_summary = models.TextField(_("survey summary"), blank=True)
    report = models.FileField(_("report"), upload_to=RandomUploadTo("visits"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = newest_first("starts_on")
        verbose_name = _("monitoring visit")
        verbose_name_plural = _("monitoring visits")
        indexes = [models.Index(fields=["regency", "-starts_on"], name="visit_regency_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="visit_ends_after_start",
                violation_error_message=_("The last day cannot be before the first day."),
            )
        ]

    def __str__(self):
        return f"{self.regency} · {self.starts_on:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("programs:visit_detail", args=[self.pk])

    @property
    def people_interviewed(self) -> int:
        return self.users_interviewed + self.non_users_interviewed
