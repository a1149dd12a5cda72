"""What the public pages of places (home, province, regency) show of the activities app.

Registered in `ActivitiesConfig.ready()` as a `perpus.public_sections` part. Every read goes
through the `public()` querysets: verified records of published libraries, stories only
with consent.
"""

from __future__ import annotations

from django.db.models import Count, Sum
from django.utils import timezone

from perpus.public_sections import Place

from .models import Activity, ImpactStory, Partnership, Product

#: Latest activities, stories and products shown.
LATEST = 5
FEATURED = 3


def place_section(place: Place) -> dict:
    """This year's activities and participants, partnerships in force, the latest verified
    activities, and featured stories and products of `place` (five queries)."""
    today = timezone.localdate()
    lookup = place.lookup()
    activities = Activity.objects.public().filter(**lookup)
    figures = activities.filter(start_date__year=today.year).aggregate(
        activities=Count("pk"), male=Sum("participants_male"), female=Sum("participants_female")
    )
    return {
        "year": today.year,
        "activities_this_year": figures["activities"],
        "participants_this_year": (figures["male"] or 0) + (figures["female"] or 0),
        "partnerships": Partnership.objects.public().active_on(today).filter(**lookup).count(),
        "latest": list(
            activities.order_by("-start_date", "-pk").only("pk", "title", "kind", "start_date")[:LATEST]
        ),
        "stories": list(
            ImpactStory.objects.public().filter(**lookup).order_by("-happened_on", "-pk").only("pk", "title", "happened_on")[:FEATURED]
        ),
        "products": list(
            Product.objects.public()
            .filter(**lookup)
            .order_by("-reported_on", "-pk")
            .only("pk", "name", "group_name", "price", "sales_url")[:FEATURED]
        ),
    }
