"""Precomputed figures of the monitoring dashboards.

A national dashboard would otherwise aggregate a million activities and every stage
snapshot on each request. These tables hold the same figures per regency and month
(and per library for the completeness board); `programs.services.dashboard_summary`
rebuilds them for the libraries whose data changed (with the stage recompute) and
entirely with `manage.py refresh_dashboard` (nightly, and after `recompute_stages`).
`DashboardRefresh` says when the last full rebuild ran, so the page can say how old
a figure can be.

Each row also carries the `cohort` key of the libraries it counts (`LibraryCohortKey`):
a dashboard filtered by program or cohort year sums the rows whose key holds the
choice, instead of reading a million records.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


#: The `cohort` of summary rows counting libraries in no program.
NO_COHORT = ""


def cohort_key(pairs) -> str:
    """The cohort key of a library in these (program id, year) pairs: ",1:2021,2:2023,"
    (sorted; "" for none). No query."""
    pairs = sorted(set(pairs))
    return "," + ",".join(f"{program}:{year}" for program, year in pairs) + "," if pairs else NO_COHORT


def cohort_token(program_id: int | None, year: int | None) -> str:
    """The part of a cohort key that marks a library of this program and/or year (no query):
    ",1:2021," for both, ",1:" for a program, ":2021," for a year."""
    if program_id is None:
        return f":{year},"
    return f",{program_id}:{year}," if year is not None else f",{program_id}:"


def place_indexes(province_name: str, regency_name: str) -> list[models.Index]:
    """The indexes of a summary read by province (and regency) and by regency alone."""
    return [
        models.Index(fields=["province", "regency"], name=province_name),
        models.Index(fields=["regency"], name=regency_name),
    ]


def month_indexes(prefix: str) -> list[models.Index]:
    """The indexes of a monthly summary read by month across provinces, and by regency month
    by month (named `<prefix>_month_province`, `<prefix>_regency_month`)."""
    return [
        models.Index(fields=["month", "province"], name=f"{prefix}_month_province"),
        models.Index(fields=["regency", "month"], name=f"{prefix}_regency_month"),
    ]


class LibraryCohortKey(models.Model):
    """The cohorts a library is in, as the one key the summaries group by (no row: none)."""

    library = models.OneToOneField(
        "villages.Library", on_delete=models.CASCADE, primary_key=True, related_name="cohort_key"
    )
    key = models.TextField(_("cohorts"))

    class Meta:
        verbose_name = _("library cohort key")
        verbose_name_plural = _("library cohort keys")


class ActivityMonthSummary(models.Model):
    """Live activities of one regency (or a province's own agencies), cohort key, month and kind."""

    province = models.ForeignKey("villages.Province", on_delete=models.CASCADE, related_name="+")
    # Null for activities of province-level libraries, and on the province totals.
    regency = models.ForeignKey("villages.Regency", on_delete=models.CASCADE, null=True, related_name="+")
    #: A province's total over all its rows, which the national level reads (38 rows a month, not 500).
    is_total = models.BooleanField(default=False)
    month = models.DateField(_("month"))
    kind = models.CharField(_("kind"), max_length=20)
    #: The `LibraryCohortKey` of the libraries counted (`NO_COHORT` for none).
    cohort = models.TextField(_("cohorts"), blank=True, default=NO_COHORT)
    verified = models.PositiveIntegerField(_("verified"), default=0)
    #: Submitted or checked: waiting for a reviewer.
    waiting = models.PositiveIntegerField(_("waiting for review"), default=0)
    # Participants of the verified activities.
    male = models.PositiveIntegerField(default=0)
    female = models.PositiveIntegerField(default=0)
    children = models.PositiveIntegerField(default=0)
    youth = models.PositiveIntegerField(default=0)
    adults = models.PositiveIntegerField(default=0)
    elderly = models.PositiveIntegerField(default=0)
    disabled = models.PositiveIntegerField(default=0)
    umkm = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("monthly activity summary")
        verbose_name_plural = _("monthly activity summaries")
        indexes = [
            models.Index(fields=["is_total", "month"], name="actsum_total_month"),
            *month_indexes("actsum"),
        ]


class StageMonthSummary(models.Model):
    """Village libraries of one regency and cohort key per stage at the end of a month (their
    last snapshot in it)."""

    province = models.ForeignKey("villages.Province", on_delete=models.CASCADE, related_name="+")
    regency = models.ForeignKey("villages.Regency", on_delete=models.CASCADE, null=True, related_name="+")
    month = models.DateField(_("month"))
    #: The `LibraryCohortKey` of the libraries counted (`NO_COHORT` for none).
    cohort = models.TextField(_("cohorts"), blank=True, default=NO_COHORT)
    stage_order = models.PositiveSmallIntegerField(_("stage level"))
    libraries = models.PositiveIntegerField(_("libraries"), default=0)

    class Meta:
        verbose_name = _("monthly stage summary")
        verbose_name_plural = _("monthly stage summaries")
        indexes = month_indexes("stagesum")


class LibraryReportSummary(models.Model):
    """When a library last reported: its latest activity entry and monthly statistics."""

    library = models.OneToOneField(
        "villages.Library", on_delete=models.CASCADE, primary_key=True, related_name="report_summary"
    )
    province = models.ForeignKey("villages.Province", on_delete=models.CASCADE, related_name="+")
    regency = models.ForeignKey("villages.Regency", on_delete=models.CASCADE, null=True, related_name="+")
    #: When its latest live activity was entered, and the latest activity's date.
    last_entry_at = models.DateTimeField(_("last activity entered"), null=True)
    last_activity_on = models.DateField(_("last activity date"), null=True)
    #: Latest month with statistics and when statistics were last saved.
    last_statistic_month = models.DateField(_("last statistics month"), null=True)
    last_statistic_at = models.DateTimeField(_("statistics last saved"), null=True)

    class Meta:
        verbose_name = _("library reporting summary")
        verbose_name_plural = _("library reporting summaries")
        indexes = place_indexes("libsum_province_regency", "libsum_regency")


class BacklogSummary(models.Model):
    """Records of one regency and cohort key waiting for check or verification, per type and
    day submitted (a month ago or more: the oldest day, one row for all of them)."""

    province = models.ForeignKey("villages.Province", on_delete=models.CASCADE, related_name="+")
    regency = models.ForeignKey("villages.Regency", on_delete=models.CASCADE, null=True, related_name="+")
    record_type = models.CharField(_("type"), max_length=20)
    #: "check" or "verification".
    awaiting = models.CharField(_("waiting for"), max_length=12)
    submitted_on = models.DateField(_("submitted"), null=True)
    records = models.PositiveIntegerField(_("records"), default=0)
    #: The `LibraryCohortKey` of the libraries counted (`NO_COHORT` for none).
    cohort = models.TextField(_("cohorts"), blank=True, default=NO_COHORT)

    class Meta:
        verbose_name = _("review backlog summary")
        verbose_name_plural = _("review backlog summaries")
        indexes = place_indexes("backlogsum_place", "backlogsum_regency")


class DashboardRefresh(models.Model):
    """One row: when the dashboard summaries were last rebuilt entirely."""

    refreshed_at = models.DateTimeField(_("refreshed at"))
    seconds = models.FloatField(_("seconds taken"), default=0)
    #: The summaries' layout it built (`services.dashboard_summary.LAYOUT`): an older one is
    #: rebuilt after `migrate`.
    layout = models.PositiveSmallIntegerField(_("layout"), default=1)

    class Meta:
        verbose_name = _("dashboard refresh")
        verbose_name_plural = _("dashboard refreshes")
