"""Create the demo data: the places of the five seed stories and one account per role.

Idempotent: existing rows are kept as they are. Each app adds its part through
`<app>.demo.seed()`, in the order villages → accounts → programs → activities. Nobody is
notified and no mail is queued (`perpus.demo.without_notices`).
"""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from perpus.demo import DEMO_PASSWORD, seed_accounts, without_notices


class Command(BaseCommand):
    help = "Create demo libraries, one account per role and the seed stories. Safe to re-run."

    def handle(self, *args, **options):
        with without_notices(), transaction.atomic():
            libraries = import_module("villages.demo").seed(self.stdout)
            import_module("villages.demo_profiles").seed_profiles()
            accounts = seed_accounts(libraries)
            for app in ("programs", "activities"):
                try:
                    module = import_module(f"{app}.demo")
                except ModuleNotFoundError:
                    continue
                module.seed(self.stdout)
            # Stages read the activities and results just recorded.
            import_module("programs.services").recompute_progress(monthly_snapshot=True)
            import_module("programs.demo").seed_history(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Accounts (password for all: %s):" % DEMO_PASSWORD))
        for user in accounts:
            self.stdout.write(f"  {user.username:<22} {user.scope_label()}")
