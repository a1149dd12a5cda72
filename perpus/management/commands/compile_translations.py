"""Compile every `.po` catalogue of the project to `.mo`, without GNU gettext."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from perpus.translations import compile_catalogue, find_catalogues


class Command(BaseCommand):
    help = (
        "Compile the project's translation catalogues (locale/ and <app>/locale/) in pure "
        "Python; only catalogues changed since their last compilation unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompile every catalogue.")

    def handle(self, *args, force=False, verbosity=1, **options):
        root = Path(settings.BASE_DIR)
        written = 0
        for path in find_catalogues(root):
            if compile_catalogue(path, force=force):
                written += 1
                if verbosity >= 2:
                    self.stdout.write(f"compiled {path.relative_to(root)}")
        if verbosity >= 1:
            self.stdout.write(f"Translations: {written} catalogue(s) compiled.")
