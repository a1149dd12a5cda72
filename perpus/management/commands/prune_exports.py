"""Delete background downloads older than a week, with their files (run daily from cron)."""

from django.core.management.base import BaseCommand

from perpus.export_tasks import prune_exports


class Command(BaseCommand):
    help = "Delete background downloads (and their files) older than a week."

    def handle(self, *args, **options):
        removed = prune_exports()
        if options["verbosity"]:
            self.stdout.write(f"{removed} old download(s) deleted.")
