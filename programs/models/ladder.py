"""The progress ladder: ordered stages, each with computed or attested criteria."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..measures import completed_months, get_measure, measure_label, measure_unit


def in_language(indonesian: str, english: str) -> str:
    """The English text under English when there is one, else the Indonesian (no query).

    The ladder is data the program admin edits, so its names are stored in both
    languages of the interface (not in the translation catalogue, which only knows
    the text it was shipped with).
    """
    if english and (get_language() or "").startswith("en"):
        return english
    return indonesian


class Stage(models.Model):
    order = models.PositiveSmallIntegerField(_("order"), help_text=_("Lower comes first."))
    name = models.CharField(_("name (Indonesian)"), max_length=100)
    name_en = models.CharField(
        _("name (English)"), max_length=100, blank=True, help_text=_("Shown in English; empty: the Indonesian name.")
    )
    description = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_(
            "Kept, with the consultants' verdicts on its criteria, but no longer part of the ladder."
        ),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the current language (no query)."""
        return in_language(self.name, self.name_en)

    @property
    def description_label(self) -> str:
        return in_language(self.description, self.description_en)


class CriterionKind(models.TextChoices):
    COMPUTED = "computed", _("Computed from recorded data")
    ATTESTED = "attested", _("Attested by a consultant")


class Criterion(models.Model):
    stage = models.ForeignKey(
        Stage, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("stage")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    name = models.CharField(_("name (Indonesian)"), max_length=200)
    name_en = models.CharField(
        _("name (English)"), max_length=200, blank=True, help_text=_("Shown in English; empty: the Indonesian name.")
    )
    description = models.TextField(_("description (Indonesian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CriterionKind.choices)
    measure = models.CharField(
        _("measure"),
        max_length=64,
        blank=True,
        help_text=_("For computed criteria: the recorded figure that is compared."),
    )
    threshold = models.DecimalField(
        _("threshold"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Met when the figure is at least this value."),
    )
    window_months = models.PositiveSmallIntegerField(
        _("window (months)"),
        null=True,
        blank=True,
        help_text=_(
            "For measures over time: how many completed months before the current month are counted."
        ),
    )
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("Kept, with the consultants' verdicts on it, but no longer counted by the ladder."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["stage__order", "order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="attested", measure="", threshold__isnull=True)
                | models.Q(kind="computed", threshold__isnull=False) & ~models.Q(measure=""),
                name="criterion_fields_match_kind",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the current language (no query)."""
        return in_language(self.name, self.name_en)

    @property
    def measure_label(self):
        """Label of the criterion's registered measure, else its name (no query)."""
        return measure_label(self.measure) if self.measure else ""

    @property
    def measure_unit(self):
        return measure_unit(self.measure) if self.measure else ""

    @property
    def is_computed(self) -> bool:
        return self.kind == CriterionKind.COMPUTED

    @property
    def measure_info(self):
        """The registered `Measure` of a computed criterion, or None (no query)."""
        return get_measure(self.measure) if self.measure else None

    def window(self, today: date) -> tuple[date | None, date]:
        """(first day, last day) of the data this criterion reads on `today` (no query).

        A measure over time with a number of months reads the completed months before
        `today`'s month (`programs.measures.completed_months`); any other measure reads
        everything recorded up to `today` (first day None).
        """
        measure = self.measure_info
        if measure is not None and measure.windowed and self.window_months:
            return completed_months(today, self.window_months)
        return None, today

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == CriterionKind.COMPUTED:
            # Whether the measure is registered is checked by the form: the default
            # ladder names measures whose data other apps only record later.
            measure = get_measure(self.measure) if self.measure else None
            if not self.measure:
                errors["measure"] = _("A computed criterion needs a measure.")
            if self.threshold is None:
                errors["threshold"] = _("A computed criterion needs a threshold.")
            elif self.threshold < 0:
                errors["threshold"] = _("The threshold cannot be negative.")
            if measure is not None:
                if measure.windowed and not self.window_months:
                    errors["window_months"] = _(
                        "This measure counts over time: give the number of months."
                    )
                elif not measure.windowed and self.window_months:
                    errors["window_months"] = _(
                        "This measure is a current figure: leave the window empty."
                    )
        else:
            if self.measure or self.threshold is not None or self.window_months:
                errors["kind"] = _(
                    "An attested criterion has no measure, threshold or window; "
                    "a consultant confirms it in an assessment."
                )
        if errors:
            raise ValidationError(errors)
