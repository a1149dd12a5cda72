"""Recompute every library's stage (or one library's) and record the monthly snapshot."""

from django.core.management.base import BaseCommand, CommandError

from villages.models import Library

from ...services import stages_recompute


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
        summary = stages_recompute(library_ids=ids, monthly_snapshot=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Recomputed {summary.libraries} libraries in {summary.seconds:.2f} s: "
                f"{summary.changed} changed stage, {summary.first} computed for the first time, "
                f"{summary.snapshots} snapshots written."
            )
        )
