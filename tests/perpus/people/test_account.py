"""My account: own details, interface language and notifications; the saved language wins."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from perpus.models import AccountEvent

pytestmark = pytest.mark.django_db

HOME_EN = "Libraries that change lives"


def details(user, **changes):
    data = {
        "first_name": user.first_name, "last_name": user.last_name, "email": user.email,
        "phone": user.phone, "language": user.language,
        "email_notifications": user.email_notifications,
    }
    return {**data, **changes}


def test_my_account_saves_details_language_and_notifications(login, library_manager):
    client = login(library_manager)
    page = client.get(reverse("people:my_account"))
    assert page.status_code == 200
    assert reverse("password_change") in page.content.decode()
    response = client.post(reverse("people:my_account"), details(
        library_manager, phone="0812 3456 789", language="en", email_notifications="daily",
    ))
    assert response.status_code == 302
    library_manager.refresh_from_db()
    assert (library_manager.phone, library_manager.language, library_manager.email_notifications) == (
        "0812 3456 789", "en", "daily"
    )
    # The page now speaks English.
    assert "My account" in client.get(reverse("people:my_account")).content.decode()
    event = AccountEvent.objects.get(account=library_manager)
    assert event.actor == library_manager and event.action == AccountEvent.Action.PROFILE_CHANGED
    # The phone is personal data: the history says it changed, not what it is.
    assert event.changes["phone"] == ["", ""]
    assert event.changes["language"] == ["id", "en"]


def test_an_email_of_another_active_account_is_refused(login, library_manager, regency_staff):
    client = login(library_manager)
    response = client.post(reverse("people:my_account"), details(library_manager, email=regency_staff.email))
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    library_manager.refresh_from_db()
    assert library_manager.email != regency_staff.email


def test_the_saved_language_wins_over_the_cookie_for_a_signed_in_person(login, library_manager, client):
    library_manager.language = "en"
    library_manager.save()
    client = login(library_manager)
    client.cookies["django_language"] = "id"
    assert HOME_EN in client.get("/").content.decode()
    client.logout()
    assert HOME_EN not in client.get("/").content.decode()


def test_the_switch_saves_the_language_for_a_signed_in_person(login, library_manager):
    client = login(library_manager)
    response = client.post(reverse("people:set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    library_manager.refresh_from_db()
    assert library_manager.language == "en"
    assert HOME_EN in client.get("/").content.decode()


def test_the_switch_still_works_for_visitors(client, db):
    client.post(reverse("people:set_language"), {"language": "en", "next": "/"})
    assert HOME_EN in client.get("/").content.decode()
    assert client.get(reverse("people:set_language")).status_code == 405


def test_reading_the_language_costs_no_query(login, library_manager, django_assert_num_queries):
    client = login(library_manager)
    with CaptureQueriesContext(connection) as indonesian:
        client.get(reverse("start"))
    library_manager.language = "en"
    library_manager.save(update_fields=["language"])
    # The saved language comes with the user the page loads anyway: not one query more.
    with django_assert_num_queries(len(indonesian.captured_queries)):
        response = client.get(reverse("start"))
    assert '<html lang="en">' in response.content.decode()