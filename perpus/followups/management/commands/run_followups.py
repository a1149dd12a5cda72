from django.core.management.base import BaseCommand

from perpus.followups.services import run_due


class Command(BaseCommand):
    help = "Carry out the follow-ups that are due (cron, every few minutes: nothing is lost if a worker died)."

    def handle(self, *args, **options):
        done = run_due()
        for name, count in sorted(done.items()):
            self.stdout.write(f"{name}: {count}")
