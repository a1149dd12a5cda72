"""Give the day's scheduled notices and queue the daily digests; cron runs it once a day.

    15 6 * * *  cd /srv/perpus && .venv/bin/python manage.py send_notices

Idempotent: every scheduled notice has a key unique per person (a second run the same
day gives nothing twice) and a person gets at most one digest a day. The mails go out
through the task queue (`python manage.py db_worker` in production).
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from activities.notices import SCHEDULED
from perpus.notifications.services import create_notices, digests_enqueue


class Command(BaseCommand):
    help = (
        "Give the scheduled notices of today: records waiting for review (to their checkers "
        "and verifiers, once a day), partnerships ending in 90 and 30 days, village "
        "libraries silent for 60 days (to their regency's staff, else their province's, else "
        "the province's consultants), last month's missing "
        "statistics (to managers and regency staff, once a month); then queue the daily "
        "digests. Running it twice the same day sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as on this day (YYYY-MM-DD); default today.")
        parser.add_argument(
            "--only", choices=[*SCHEDULED, "digests"], action="append", help="Run only these steps."
        )

    def handle(self, *args, date=None, only=None, **options):
        self.verbosity = options["verbosity"]
        try:
            today = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        steps = only or [*SCHEDULED, "digests"]
        for name, build in SCHEDULED.items():
            if name in steps:
                with transaction.atomic():
                    given = create_notices(build(today))
                self._say(f"{name}: {given} notices")
        if "digests" in steps:
            with transaction.atomic():
                queued = digests_enqueue(day=today)
            self._say(f"digests: {queued} queued")

    def _say(self, text):
        if self.verbosity:
            self.stdout.write(self.style.SUCCESS(text))
