"""Rewrite the search text of every library and activity (after renamed regions or libraries)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from activities.models import Activity
from activities.search_text import fill_activities
from villages.models import Library
from villages.search_text import fill_libraries


class Command(BaseCommand):
    help = (
        "Rewrite the normalised search text of every library and activity. Run it after "
        "import_regions renamed regions, or after libraries were renamed in bulk."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            libraries = fill_libraries(Library)
            activities = fill_activities(Activity, Library)
        self.stdout.write(f"Search text rewritten: {libraries} libraries, {activities} activities.")
