"""`ScaleSeeder`: every step of the national dataset, as bulk inserts.

The steps are in `places`, `records` and `programs`; `run()` takes them in order.
"""

from __future__ import annotations

import datetime
import random
import time

from django.core.management import call_command
from django.utils import timezone

from villages.models import Village

from .data import YEARS
from .inserts import SeedReport
from .places import PlaceSteps
from .programs import ProgramSteps
from .records import RecordSteps


class ScaleSeeder(PlaceSteps, RecordSteps, ProgramSteps):
    """Builds the dataset; `run()` returns a `SeedReport`. Every step is bulk inserts."""

    def __init__(self, *, fraction: float = 1.0, seed: int = 2018, log=print):
        self.fraction = fraction
        self.random = random.Random(seed)
        self.log = log
        self.today = timezone.localdate()
        self.start = self.today - datetime.timedelta(days=365 * YEARS)
        self.report = SeedReport()

    def run(self) -> SeedReport:
        if not Village.objects.exists():
            self._step("regions", lambda: call_command("import_regions", verbosity=0) or Village.objects.count())
        for label, step in self.steps().items():
            self._step(label, step)
        return self.report

    def steps(self) -> dict:
        """Every step after the regions, in order: its label in the log → the method that
        makes its rows and returns how many."""
        return {
            "accounts": self.accounts,
            "libraries": self.libraries,
            "cohorts": self.cohorts,
            "monthly statistics": self.statistics,
            "activities and their history": self.activities,
            "partnerships, support, products, stories": self.records,
            "monitoring visits": self.visits,
            "assessments": self.assessments,
            "stage history": self.stage_history,
            "current stages": self.current_stages,
            "dashboard summaries": self.dashboard_summaries,
            "planner statistics": self.analyze,
        }

    def _step(self, label, function) -> None:
        started = time.perf_counter()
        rows = function()
        seconds = time.perf_counter() - started
        self.report.add(label, rows, seconds)
        self.log(f"  {label}: {rows:,} rows in {seconds:.1f} s")
