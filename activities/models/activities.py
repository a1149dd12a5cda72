"""Activities: meetings, trainings, community activities, mobile library trips, advocacy.

An activity is a reviewed record (`ReviewedRecord`): its `library` is the
organiser (the agency's library or the village library). Other libraries and
regencies involved are many-to-many. Its photos and documents are in `attachments`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from perpus.models.fields import newest_first
from perpus.textsearch import matching, normalise
from villages.models import library_search_text

from .base import RecordQuerySet, ReviewedRecord, trash_index
from .choices import ActivityKind, ActivityLevel, FundingSource, TrainingType


#: Kinds whose decisions and follow-ups are recorded.
MEETING_KINDS = frozenset(
    {
        ActivityKind.SOCIALISATION,
        ActivityKind.COORDINATION,
        ActivityKind.PEER_LEARNING,
        ActivityKind.STAKEHOLDER,
        ActivityKind.ADVOCACY,
    }
)
#: Kinds the "community activities" measures count.
COMMUNITY_KINDS = frozenset({ActivityKind.COMMUNITY, ActivityKind.MOBILE_LIBRARY})


#: The participant fields by target group, in display order.
TARGET_GROUP_FIELDS = (
    "participants_children",
    "participants_youth",
    "participants_adults",
    "participants_elderly",
    "participants_disabled",
    "participants_umkm",
)
TRAINING_FIELDS = ("training_type", "training_method", "training_hours", "follow_up_plan")
MEETING_FIELDS = ("decisions", "follow_ups")


def _count(label):
    return models.PositiveIntegerField(label, default=0)


def _amount(label, max_digits: int, decimal_places: int) -> models.DecimalField:
    """An amount that cannot be negative, empty when not known."""
    return models.DecimalField(
        label,
        max_digits=max_digits,
        decimal_places=decimal_places,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


class ActivityQuerySet(RecordQuerySet):
    def search(self, query: str):
        """Activities whose title, kind, venue, texts, organiser or its places hold every word
        of `query` (lazy; `perpus.textsearch`: full-text GIN index on PostgreSQL)."""
        return matching(self, query)

    def with_related(self):
        """Load what lists show: organiser and its places (lazy, joins only)."""
        return self.select_related("library", "province", "regency")

    def involving(self, library_ids):
        """Activities organised by or involving any of `library_ids` (lazy, no repeated rows).

        A UNION of two indexed lookups (organiser; the "libraries involved" table): an OR
        across the join would make the database scan every activity.
        """
        ids = list(library_ids)
        organised = Activity.objects.filter(library_id__in=ids).order_by().values("pk")
        involved = Activity.libraries.through.objects.filter(library_id__in=ids).order_by().values("activity_id")
        return self.filter(pk__in=organised.union(involved))


class Activity(ReviewedRecord):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    level = models.CharField(_("level"), max_length=10, choices=ActivityLevel.choices)
    libraries = models.ManyToManyField(
        "villages.Library", blank=True, related_name="involved_activities",
        verbose_name=_("other libraries involved"),
    )
    regions = models.ManyToManyField(
        "villages.Regency", blank=True, related_name="activities",
        verbose_name=_("regencies/cities involved"),
    )
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    speakers = models.TextField(
        _("speakers (narasumber)"), blank=True, help_text=_("One per line, with their role.")
    )

    participants_male = _count(_("male participants"))
    participants_female = _count(_("female participants"))
    participants_children = _count(_("children"))
    participants_youth = _count(_("youth"))
    participants_adults = _count(_("adults"))
    participants_elderly = _count(_("elderly"))
    participants_disabled = _count(_("people with disabilities"))
    participants_umkm = _count(_("small businesses (UMKM)"))

    funding_source = models.CharField(
        _("funding source"), max_length=10, choices=FundingSource.choices, blank=True,
        help_text=_("Leave empty when it is not known."),
    )
    funding_amount = _amount(_("amount (Rp)"), max_digits=15, decimal_places=0)
    outputs = models.TextField(
        _("outputs"), blank=True, help_text=_("What came out of it: products, plans, agreements.")
    )
    partnership = models.ForeignKey(
        "activities.Partnership", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="activities", verbose_name=_("partnership carried out"),
    )

    # Trainings.
    training_type = models.CharField(
        _("training type"), max_length=20, choices=TrainingType.choices, blank=True
    )
    training_method = models.CharField(_("training method"), max_length=200, blank=True)
    training_hours = _amount(_("training hours"), max_digits=5, decimal_places=1)
    follow_up_plan = models.TextField(
        _("follow-up plan (RTL)"), blank=True,
        help_text=_("Rencana tindak lanjut: what the participants will do next."),
    )
    # Meetings.
    decisions = models.TextField(_("decisions"), blank=True)
    follow_ups = models.TextField(_("follow-ups"), blank=True)

    #: What visitors can read about the activity, normalised for search (`perpus.textsearch`):
    #: title, kind (both languages), venue, summary, outputs, organiser and its places.
    #: Written by `save()` and by the bulk seeders; never holds speakers or private data.
    search_text = models.TextField(editable=False, blank=True, default="")

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = newest_first("start_date")
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="activity_end_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "kind", "start_date"], name="activity_status_kind"),
            # Lists show the newest first and stop after a page: these let the database walk
            # the dates in order instead of sorting a million rows (public list, staff lists).
            # (The conditions have no parameters, so SQLite's planner can use them too.)
            models.Index(
                fields=["status", "-start_date", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="activity_status_recent",
            ),
            models.Index(
                fields=["-start_date", "-id"], condition=Q(deleted_at__isnull=True), name="activity_alive_recent"
            ),
            models.Index(
                fields=["province", "-start_date"], condition=Q(deleted_at__isnull=True), name="activity_province_recent"
            ),
            models.Index(
                fields=["regency", "-start_date"], condition=Q(deleted_at__isnull=True), name="activity_regency_recent"
            ),
            models.Index(fields=["library", "status", "-start_date"], name="activity_library_recent"),
            # What the ladder's measures count: verified, live activities by library, kind, date.
            models.Index(
                fields=["library", "kind", "start_date"],
                condition=Q(status="verified", deleted_at__isnull=True),
                name="activity_counted",
            ),
            # The review queue: what waits for a check or a verification, oldest first.
            models.Index(
                fields=["submitted_at", "id"],
                # Covering (PostgreSQL): the queue's counts read the index alone.
                include=["status", "needs_check"],
                condition=Q(status__in=["submitted", "checked"], deleted_at__isnull=True),
                name="activity_pending",
            ),
            trash_index("activity_trash"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or SEARCHED_FIELDS.intersection(update_fields):
            self.search_text = activity_search_text(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("activities:activity_detail", args=[self.pk])

    @property
    def participants_total(self) -> int:
        """Men plus women: every participant once (no query)."""
        return (self.participants_male or 0) + (self.participants_female or 0)

    @property
    def target_groups_total(self) -> int:
        return sum(getattr(self, name) or 0 for name in TARGET_GROUP_FIELDS)

    @property
    def is_training(self) -> bool:
        return self.kind == ActivityKind.TRAINING

    @property
    def is_meeting(self) -> bool:
        return self.kind in MEETING_KINDS

    @property
    def is_spptik(self) -> bool:
        return self.is_training and self.training_type == TrainingType.SPPTIK

    @property
    def days(self) -> int:
        """How many days the activity lasted, both ends included (no query)."""
        if not (self.start_date and self.end_date):
            return 0
        return (self.end_date - self.start_date).days + 1

    def target_groups(self):
        """(label, count) pairs of the target groups (no query)."""
        return [(self._meta.get_field(n).verbose_name, getattr(self, n)) for n in TARGET_GROUP_FIELDS]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        total, groups = self.participants_total, self.target_groups_total
        if groups > total:
            errors["participants_children"] = _(
                "The target groups add up to %(groups)s, more than the %(total)s participants "
                "(men plus women)."
            ) % {"groups": groups, "total": total}
        if self.is_training:
            if not self.training_type:
                errors["training_type"] = _("Say what kind of training this was.")
        else:
            # Fields of another kind are hidden in the form: never keep stale values.
            self.training_type = self.training_method = self.follow_up_plan = ""
            self.training_hours = None
        if not self.is_meeting:
            self.decisions = self.follow_ups = ""
        if self.funding_source == FundingSource.NONE and self.funding_amount:
            errors["funding_amount"] = _("An activity without funding has no amount.")
        if errors:
            raise ValidationError(errors)


SEARCHED_FIELDS = frozenset({"title", "kind", "venue", "summary", "outputs", "library"})


def kind_search_text(kind: str) -> str:
    """The kind's labels in Indonesian and English, normalised (no query)."""
    label = ActivityKind(kind).label if kind in ActivityKind.values else kind
    with translation.override("id"):
        indonesian = str(label)
    with translation.override("en"):
        english = str(label)
    return normalise(indonesian, english)


def activity_search_text(activity, library_text: str | None = None) -> str:
    """The normalised search text of `activity`. `library_text` is its organiser's
    `search_text`; without it the library is read (a query if not loaded yet)."""
    if library_text is None:
        library = activity.library
        library_text = library.search_text or library_search_text(library)
    own = normalise(activity.title, activity.venue, activity.summary, activity.outputs)
    return own + kind_search_text(activity.kind) + library_text
