"""What every reviewed record of the activities app shares.

A record belongs to one library (the organiser, the party of a partnership, the
library a product or story comes from). Its province and regency are copied from
that library when it is saved, so scope filters need no joins. Records move
through draft → submitted → (checked) → verified, or back to the author as
returned; they are never deleted for real (`deleted_at`) and every change is in
their history (`RecordEvent`). `version` grows with each save so that a second
person saving an outdated copy is refused instead of overwriting.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perpus.scopes import (
    EDITABLE_STATUSES,
    ScopedQuerySet,
    ScopePaths,
    checker_q,
    editable_q,
    scope_of,
    verifier_q,
    visible_q,
)
from perpus.trash import SoftDeleteQuerySet

from .choices import ReviewStatus


class RecordQuerySet(SoftDeleteQuerySet, ScopedQuerySet):
    """Reviewed records: scoped, soft-deleted (`alive()`, `deleted()` from perpus.trash)."""

    scope_paths = ScopePaths(province="province_id", regency="regency_id", library="library_id")

    def verified(self):
        """Live verified records: the only ones that count on public pages (lazy)."""
        return self.alive().filter(status=ReviewStatus.VERIFIED)

    def public(self):
        """Records visitors may see: verified, of a published library (lazy).

        Models with consent rules narrow this further.
        """
        return self.verified().filter(library__is_published=True)

    def content_editable_by(self, user):
        """Live records whose content `user` may edit now: the queryset form of
        `perpus.scopes.can_edit_content` (lazy)."""
        qs = self.editable_by(user).alive()
        if scope_of(user).is_national:
            return qs
        return qs.filter(status__in=EDITABLE_STATUSES)

    def restorable_by(self, user):
        """Deleted records `user` may restore: the queryset form of `perpus.scopes.can_restore` (lazy)."""
        scope = scope_of(user)
        if scope.is_national:
            return self.deleted()
        editable = Q(status__in=EDITABLE_STATUSES) & editable_q(scope, self.scope_paths, self.writer_roles)
        verified = (
            Q(status=ReviewStatus.VERIFIED)
            & visible_q(scope, self.scope_paths)
            & verifier_q(scope, self.scope_paths)
        )
        return self.deleted().filter(editable | verified)

    def awaiting_check(self):
        return self.alive().filter(status=ReviewStatus.SUBMITTED, needs_check=True)

    def awaiting_verification(self):
        return self.alive().filter(
            Q(status=ReviewStatus.SUBMITTED, needs_check=False) | Q(status=ReviewStatus.CHECKED)
        )

    def awaiting_review_by(self, user):
        """Records waiting for `user`'s check or verification, oldest first (lazy)."""
        scope = scope_of(user)
        check = Q(status=ReviewStatus.SUBMITTED, needs_check=True) & checker_q(scope, self.scope_paths)
        verify = (
            Q(status=ReviewStatus.SUBMITTED, needs_check=False) | Q(status=ReviewStatus.CHECKED)
        ) & verifier_q(scope, self.scope_paths)
        return self.alive().filter(check | verify).order_by("submitted_at", "pk")


def trash_index(name: str) -> models.Index:
    """An index over the deleted rows only, newest first: what the trash lists."""
    return models.Index(fields=["-deleted_at"], condition=Q(deleted_at__isnull=False), name=name)


def actor_field(verbose_name) -> models.ForeignKey:
    """Who took a step on a record (checked, verified, recorded consent): set only by the
    services, and kept empty rather than lost when that account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=verbose_name,
    )


class ReviewedRecord(models.Model):
    library = models.ForeignKey(
        "villages.Library", on_delete=models.PROTECT, related_name="+",
        verbose_name=_("library or agency"),
    )
    # Copied from `library` by the services; used by the scope filters.
    province = models.ForeignKey(
        "villages.Province", on_delete=models.PROTECT, related_name="+", editable=False
    )
    regency = models.ForeignKey(
        "villages.Regency", on_delete=models.PROTECT, related_name="+", null=True, blank=True,
        editable=False,
    )

    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT,
        editable=False, db_index=True,
    )
    needs_check = models.BooleanField(
        _("needs the regency's check"), default=False, editable=False,
        help_text=_("Village library entries are checked by their regency before verification."),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    checked_by = actor_field(_("checked by"))
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True, editable=False)
    verified_by = actor_field(_("verified by"))
    return_reason = models.TextField(_("reason for returning"), blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False,
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Indexed: the trash lists deletions newest first across every kind.
    # Indexed by `trash_index` (only deleted rows): a plain index on a column that is
    # almost always empty misleads the planner for every "not deleted" list.
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)

    objects = RecordQuerySet.as_manager()

    #: The review bookkeeping, set only by the services: read-only in forms and the admin,
    #: left out of the history's "what changed".
    REVIEW_FIELDS = (
        "status",
        "needs_check",
        "submitted_at",
        "checked_by",
        "verified_at",
        "verified_by",
        "return_reason",
        "created_by",
        "created_at",
        "updated_at",
        "version",
        "deleted_at",
        "province",
        "regency",
    )

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def awaiting(self) -> str:
        """"check", "verification" or "" — whose move it is (no query)."""
        if self.deleted_at is not None:
            return ""
        if self.status == ReviewStatus.SUBMITTED:
            return "check" if self.needs_check else "verification"
        if self.status == ReviewStatus.CHECKED:
            return "verification"
        return ""
