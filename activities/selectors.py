"""Reads of more than one query that other apps' pages show (through `villages.sections`)."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from perpus.scopes import can_view

from .models import Activity, ImpactStory, Partnership, Product, SupportRecord

#: How many of each kind a library's page shows.
SECTION_LIMIT = 5


def _shown(model, library, user):
    """The verified records of `library` the page may show `user` (lazy).

    Visitors see what is public; staff in the library's scope also see the verified
    records of a library not yet published (stories still need consent).
    """
    if library.is_published or not can_view(user, library):
        return model.objects.public()
    # What is public, plus the verified records of the user's own scope: an activity that
    # involves this library but is organised by a library outside the scope stays hidden
    # unless it is public.
    qs = model.objects.public() | model.objects.for_user(user).verified()
    return qs.with_consent() if model is ImpactStory else qs


def library_section(library, user, request=None) -> dict | None:
    """What a library's page shows of its activities and results, or None if there is nothing.

    Recent verified activities (organised by or involving the library), partnerships in
    force, support won, products and stories: five queries, whatever the numbers.
    """
    today = timezone.localdate()
    activities = list(
        _shown(Activity, library, user)
        .involving([library.pk])
        .order_by("-start_date", "-pk")
        .only(
            "pk", "title", "kind", "start_date", "end_date", "participants_male", "participants_female"
        )[:SECTION_LIMIT]
    )
    section = {
        "library": library,
        "activities": activities,
        "activities_url": f"{reverse('activities:activity_public_list')}?library={library.pk}",
        "partnerships": list(
            _shown(Partnership, library, user)
            .active_on(today)
            .filter(library=library)
            .order_by("-signed_on", "-pk")[:SECTION_LIMIT]
        ),
        "support": list(
            _shown(SupportRecord, library, user).filter(library=library).order_by("-year", "-pk")[:SECTION_LIMIT]
        ),
        "products": list(
            _shown(Product, library, user).filter(library=library).order_by("-reported_on", "-pk")[:SECTION_LIMIT]
        ),
        "stories": list(
            _shown(ImpactStory, library, user)
            .filter(library=library)
            .order_by("-happened_on", "-pk")[:SECTION_LIMIT]
        ),
    }
    if not any(section[name] for name in ("activities", "partnerships", "support", "products", "stories")):
        return None
    return section


def start_panel(user) -> dict:
    """The start page's activities panel for `user`: what waits for their review and their
    drafts and returned records. One count query per record type for each part shown."""
    from perpus.scopes import has_ability

    from .services.queue import my_record_counts, queue_count

    review = has_ability(user, "review")
    enter_data = has_ability(user, "enter_data")
    return {
        "review": review,
        "waiting": queue_count(user) if review else 0,
        "enter_data": enter_data,
        "drafts": my_record_counts(user) if enter_data else [],
    }
