"""Recompute every library's stage (or one library's) and record the monthly snapshot."""

from django.core.management.base import BaseCommand, CommandError

from perpus.followups.services import due
from villages.models import Library

from ...services import recompute_progress


class Command(BaseCommand):
    help = (
        "Recompute the progress stage of all libraries (or one with --library), write stage "
        "snapshots on changes and once a month, and print how long it took."
    )

    def add_arguments(self, parser):
        parser.add_argument("--library", type=int, help="Only this library (its id).")

    def handle(self, *args, library=None, **options):
        ids = None
        if library is not None:
            if not Library.objects.filter(pk=library).exists():
                raise CommandError(f"No library with id {library}.")
            ids = [library]
        summary = recompute_progress(library_ids=ids, monthly_snapshot=True)
        # Their summaries and pages show the stages.
        due("stages.recomputed", library_ids=ids or (), everything=ids is None)
        self.stdout.write(
            self.style.SUCCESS(
                f"Recomputed {summary.libraries} libraries in {summary.seconds:.2f} s: "
                f"{summary.changed} changed stage, {summary.first} computed for the first time, "
                f"{summary.snapshots} snapshots written."
            )
        )
