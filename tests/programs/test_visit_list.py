"""Monitoring visits: the list, by scope, newest first, filtered and paged.

Scope: program admins everything, consultants their provinces, province and regency
staff their area, library managers and people without a role no visits.
"""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .factories import AssessmentFactory
from .visit_helpers import VisitFactory

pytestmark = pytest.mark.django_db

LIST = reverse("programs:visit_list")


def _ids(response):
    return [v.pk for v in response.context["visits"]]


# The list -----------------------------------------------------------------------


def test_list_by_scope(login, client, program_admin, consultant, province_staff, regency_staff, visit, outside_visit, hulu_sungai_utara):
    hsu_visit = VisitFactory(regency=hulu_sungai_utara)
    assert set(_ids(login(program_admin).get(LIST))) == {visit.pk, outside_visit.pk, hsu_visit.pk}
    assert set(_ids(login(consultant).get(LIST))) == {visit.pk, hsu_visit.pk}
    response = login(province_staff).get(LIST)
    assert set(_ids(response)) == {visit.pk, hsu_visit.pk}
    # Read-only: no button to record one.
    assert reverse("programs:visit_create") not in response.content.decode()
    assert _ids(login(regency_staff).get(LIST)) == [visit.pk]


def test_list_refused_to_library_managers_and_no_role(login, library_manager, no_role_user, visit):
    assert login(library_manager).get(LIST).status_code == 403
    assert login(no_role_user).get(LIST).status_code == 403


def test_list_anonymous_and_post(client, login, consultant):
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response["Location"]
    assert login(consultant).post(LIST).status_code == 405


def test_list_newest_first_and_filters(login, program_admin, balangan, hulu_sungai_utara, badung, kalsel):
    old = VisitFactory(regency=balangan, starts_on=date(2024, 1, 5), ends_on=date(2024, 1, 6))
    new = VisitFactory(regency=balangan, starts_on=date(2025, 6, 1), ends_on=date(2025, 6, 2))
    hsu = VisitFactory(regency=hulu_sungai_utara, starts_on=date(2025, 2, 1), ends_on=date(2025, 2, 1))
    bali = VisitFactory(regency=badung, starts_on=date(2025, 1, 1), ends_on=date(2025, 1, 1))
    client = login(program_admin)
    assert _ids(client.get(LIST)) == [new.pk, hsu.pk, bali.pk, old.pk]
    assert _ids(client.get(LIST, {"province": "63"})) == [new.pk, hsu.pk, old.pk]
    assert _ids(client.get(LIST, {"province": "63", "regency": "63.11"})) == [new.pk, old.pk]
    assert _ids(client.get(LIST, {"date_from": "2025-01-15", "date_to": "2025-03-01"})) == [hsu.pk]
    # The regency filter lists a province's regencies only once the province is chosen.
    assert list(client.get(LIST).context["filter_form"].fields["regency"].queryset) == []
    regencies = client.get(LIST, {"province": "63"}).context["filter_form"].fields["regency"].queryset
    assert {r.pk for r in regencies} == {"63.11", "63.08"}


def test_list_reversed_date_range_is_an_error_and_not_applied(login, program_admin, balangan, hulu_sungai_utara, badung):
    """Reversed dates gave "0 kunjungan" with no word: the end date says what is wrong, the
    range narrows nothing, and the other valid filters still apply."""
    in_balangan = VisitFactory(regency=balangan, starts_on=date(2026, 12, 5), ends_on=date(2026, 12, 5))
    in_hsu = VisitFactory(regency=hulu_sungai_utara, starts_on=date(2025, 2, 1), ends_on=date(2025, 2, 1))
    VisitFactory(regency=badung, starts_on=date(2026, 12, 5), ends_on=date(2026, 12, 5))
    client = login(program_admin)
    reversed_range = {"date_from": "2026-12-10", "date_to": "2026-12-01"}
    response = client.get(LIST, {**reversed_range, "province": "63"})
    form = response.context["filter_form"]
    assert form.errors == {"date_to": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]}
    assert set(_ids(response)) == {in_balangan.pk, in_hsu.pk}
    page = response.content.decode()
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in page
    assert "2 kunjungan" in page
    # The dates stay in the form, to be corrected.
    assert 'value="2026-12-10"' in page and 'value="2026-12-01"' in page
    # A one-day range is not reversed.
    one_day = client.get(LIST, {"date_from": "2026-12-05", "date_to": "2026-12-05", "province": "63"})
    assert not one_day.context["filter_form"].errors and _ids(one_day) == [in_balangan.pk]


def test_list_consultant_cannot_filter_outside(login, consultant, outside_visit, visit):
    response = login(consultant).get(LIST, {"regency": "51.03"})
    # Not a choice: the filter is refused and nothing outside the scope shows.
    assert "regency" in response.context["filter_form"].errors
    assert _ids(response) == [visit.pk]
    # One province: no province to choose, its regencies listed at once.
    fields = response.context["filter_form"].fields
    assert "province" not in fields
    assert {r.province_id for r in fields["regency"].queryset} == {"63"}


def test_list_paginated_with_fixed_queries(login, program_admin, balangan, library):
    client = login(program_admin)
    VisitFactory(regency=balangan, libraries=[library])
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for day in range(30):
        visit = VisitFactory(regency=balangan, starts_on=date(2024, 1, 1) + timedelta(days=day), ends_on=date(2024, 1, 1) + timedelta(days=day), libraries=[library])
        AssessmentFactory(library=library, visit=visit)
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert len(many) == len(few)
    assert len(response.context["visits"]) == 25
    assert response.context["paginator"].count == 31
    assert response.context["visits"][1].library_count == 1
    assert response.context["visits"][1].assessment_count == 1
    assert len(client.get(LIST, {"page": 2}).context["visits"]) == 6
