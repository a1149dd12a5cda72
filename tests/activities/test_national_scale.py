"""What keeps activity pages fast with a million rows: no full counts, indexed lookups."""

import pytest
from django.urls import reverse

from activities.models import Activity
from perpus.pagination import CappedPaginator
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_involving_finds_organised_and_involved_activities_once(library, other_regency_library):
    organised = ActivityFactory(library=library, title="Diselenggarakan")
    involved = ActivityFactory(library=other_regency_library, title="Melibatkan")
    involved.libraries.add(library)
    both = ActivityFactory(library=library, title="Keduanya")
    both.libraries.add(library, other_regency_library)
    ActivityFactory(library=other_regency_library, title="Lain")
    found = list(Activity.objects.involving([library.pk]).order_by("title").values_list("title", flat=True))
    assert found == ["Diselenggarakan", "Keduanya", "Melibatkan"]
    assert organised.title in found


def test_capped_paginator_counts_at_most_the_cap(library):
    for _ in range(7):
        ActivityFactory(library=library)
    paginator = CappedPaginator(Activity.objects.order_by("pk"), 2, cap=5)
    assert paginator.count == 5 and paginator.capped and paginator.num_pages == 3
    exact = CappedPaginator(Activity.objects.order_by("pk"), 2, cap=50)
    assert exact.count == 7 and not exact.capped


def test_a_long_list_says_there_are_more_pages_than_counted(client, library, monkeypatch):
    monkeypatch.setitem(CappedPaginator.__init__.__kwdefaults__, "cap", 3)
    for _ in range(5):
        ActivityFactory(library=library, status="verified")
    response = client.get(reverse("activities:activity_public_list"), {"per_page": 1})
    assert response.context["page_obj"].paginator.capped
    assert "lebih dari" in response.content.decode()


def test_admin_filters_activities_by_year_without_a_date_hierarchy(client, django_user_model, library):
    from datetime import date

    ActivityFactory(library=library, start_date=date(2022, 3, 1), end_date=date(2022, 3, 1), title="Dulu")
    ActivityFactory(library=library, start_date=date(2025, 3, 1), end_date=date(2025, 3, 1), title="Baru")
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw-12345678"))
    page = client.get(reverse("admin:activities_activity_changelist"))
    html = page.content.decode()
    assert "?year=2022" in html and "?year=2025" in html and "?year=2023" in html
    filtered = client.get(reverse("admin:activities_activity_changelist"), {"year": "2022"})
    assert [a.title for a in filtered.context["cl"].result_list] == ["Dulu"]


def test_paging_several_types_says_when_the_count_is_capped(library, monkeypatch):
    from activities.services.pages import Source, union_page
    from tests.activities.records_factories import PartnershipFactory

    for _ in range(3):
        ActivityFactory(library=library, status="verified")
        PartnershipFactory(library=library, status="verified")
    sources = [
        Source(key, model.objects.all(), "created_at", lambda pks, m=model: m.objects.filter(pk__in=pks))
        for key, model in (("activity", Activity), ("partnership", PartnershipFactory._meta.model))
    ]
    monkeypatch.setitem(CappedPaginator.__init__.__kwdefaults__, "cap", 4)
    page = union_page(sources, number=1, per_page=2, newest_first=True)
    assert page.paginator.count == 4 and page.paginator.capped
    assert len(page.object_list) == 2


def test_verify_all_verifies_a_bounded_batch_oldest_first_and_says_what_is_left(login, consultant, library, monkeypatch):
    from datetime import timedelta

    from django.utils import timezone

    monkeypatch.setattr("activities.services.queue.BULK_VERIFY_LIMIT", 2)
    monkeypatch.setattr("activities.views.review.BULK_VERIFY_LIMIT", 2)
    now = timezone.now()
    records = [
        ActivityFactory(library=library, status="submitted", needs_check=False, submitted_at=now - timedelta(days=d))
        for d in (5, 4, 3)
    ]
    client = login(consultant)
    page = client.get(reverse("activities:queue")).content.decode()
    assert "2 terlama dari 3" in page or "oldest 2 of the 3" in page
    response = client.post(reverse("activities:queue_verify"), {"all": "1"}, follow=True)
    statuses = {a.pk: a.status for a in Activity.objects.filter(pk__in=[r.pk for r in records])}
    assert [statuses[r.pk] for r in records] == ["verified", "verified", "submitted"]
    assert any("1" in str(m) for m in response.context["messages"])
