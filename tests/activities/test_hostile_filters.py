"""Control characters in list and queue filters are ignored, never a server error.

A NUL byte never reaches these views: perpus.middleware answers 400 (tests/perpus); other
control characters must not break them either (a NUL once answered 500 on PostgreSQL).
"""

import pytest
from django.urls import reverse

from .factories import ActivityFactory
from .records_factories import FACTORIES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("param", ["province", "regency", "q", "kind", "date_from", "library"])
def test_nul_byte_in_activity_filters_is_ignored(client, login, consultant, library, param):
    ActivityFactory(library=library, status="verified", title="Tampil")
    for c, name in ((client, "activity_public_list"), (login(consultant), "activity_list")):
        response = c.get(reverse(f"activities:{name}"), {param: "63\x01"})
        assert response.status_code == 200
        if param != "q":  # a search for "63\x01" rightly finds nothing
            assert [a.title for a in response.context["activities"]] == ["Tampil"]


@pytest.mark.parametrize("param", ["province", "regency", "type", "kind"])
def test_nul_byte_in_queue_filters_is_ignored(login, consultant, awaiting_verification, param):
    response = login(consultant).get(reverse("activities:queue"), {param: "63\x01"})
    assert response.status_code == 200 and response.context["total"] == 1
    response = login(consultant).post(reverse("activities:queue_verify"), {param: "63\x01", "all": "1"})
    assert response.status_code == 302


@pytest.mark.parametrize("param", ["q", "region", "status", "year"])
def test_nul_byte_in_record_and_public_filters_is_ignored(client, login, regency_staff, library, param):
    FACTORIES["product"](library=library, status="verified")
    assert login(regency_staff).get(reverse("activities:product_list"), {param: "6\x01"}).status_code == 200
    client.logout()
    assert client.get(reverse("activities:product_public_list"), {param: "6\x01"}).status_code == 200
