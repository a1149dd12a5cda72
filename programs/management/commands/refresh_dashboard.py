"""Rebuild the monitoring dashboards' summary tables (run nightly and after `recompute_stages`)."""

from django.core.management.base import BaseCommand

from ...services.dashboard_summary import refresh_dashboard_summaries


class Command(BaseCommand):
    help = "Rebuild the dashboards' monthly activity and stage summaries and each library's reporting dates."

    def handle(self, *args, **options):
        seconds = refresh_dashboard_summaries()
        self.stdout.write(self.style.SUCCESS(f"Dashboard summaries rebuilt in {seconds:.2f} s."))
