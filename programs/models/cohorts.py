"""Programs (TPBIS and its replications) and their yearly cohorts of libraries."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from perpus.scopes import PROGRAM_ADMIN_ROLES
from villages.models import LibraryPartQuerySet, library_link


class Program(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    started_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")

    def __str__(self):
        return self.name


class FundingSource(models.TextChoices):
    APBN = "apbn", _("APBN (national budget)")
    APBD = "apbd", _("APBD replication (regional budget)")
    DANA_DESA = "dana_desa", _("Dana Desa (village fund)")
    CSR = "csr", _("CSR (company)")
    OTHER = "other", _("Other")


class ParticipationQuerySet(LibraryPartQuerySet):
    # Only the program admin configures programs, cohorts and the ladder.
    writer_roles = PROGRAM_ADMIN_ROLES


class Participation(models.Model):
    """One library's entry in one program's cohort of a year, with the aid it received."""

    library = library_link("participations")
    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="participations", verbose_name=_("program")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    funding_source = models.CharField(
        _("funding source"), max_length=16, choices=FundingSource.choices, default=FundingSource.APBN
    )
    books_received = models.PositiveIntegerField(_("books received"), default=0)
    computers_received = models.PositiveSmallIntegerField(_("computers received"), default=0)
    printer_received = models.BooleanField(_("printer received"), default=False)
    internet_received = models.BooleanField(_("internet access received"), default=False)
    training_received = models.BooleanField(_("training received"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "library__name"]
        verbose_name = _("cohort entry")
        verbose_name_plural = _("cohort entries")
        constraints = [
            models.UniqueConstraint(
                fields=["library", "program", "year"], name="participation_unique_per_year"
            )
        ]

    def __str__(self):
        return f"{self.library} · {self.program} {self.year}"

    def get_absolute_url(self):
        return reverse("programs:participation_update", args=[self.pk])
