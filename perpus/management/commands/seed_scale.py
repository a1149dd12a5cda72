"""Create the national-scale dataset used by `make bench` (see perpus/scale.py)."""

from django.core.management.base import BaseCommand, CommandError

from perpus.scale import seed_scale


class Command(BaseCommand):
    help = (
        "Create ~12,000 libraries and ~1,000,000 activities over five years (with records, history, "
        "statistics, assessments and stage history) for benchmarks. Does nothing if they exist."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fraction", type=float, default=1.0, help="Share of the full size (e.g. 0.1).")
        parser.add_argument("--seed", type=int, default=2018, help="Random seed (same seed, same data).")

    def handle(self, *args, fraction, seed, **options):
        if not 0 < fraction <= 1:
            raise CommandError("--fraction must be more than 0 and at most 1.")
        seed_scale(fraction=fraction, seed=seed, log=self.stdout.write)
