"""History page, delete, trash, restore and revert views, generic over reviewed models."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from activities.models import Activity, RecordEvent
from activities.services import record_delete, record_save

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def is_login_redirect(response):
    return response.status_code == 302 and reverse("login") in response["Location"]


def history_url(record):
    return reverse("activities:activity_history", args=[record.pk])


def test_history_shows_who_what_and_why(login, library_manager, regency_staff, draft):
    draft.title = "Pelatihan menganyam purun"
    record_save(record=draft, user=regency_staff, expected_version=1, reason="Judul lebih jelas")
    response = login(library_manager).get(history_url(draft))
    body = response.content.decode()
    assert "Judul lebih jelas" in body
    assert "Pelatihan menganyam purun" in body and "staf_balangan" in body or regency_staff.first_name in body
    assert response.context["rows"][0]["changes"][0]["new"] == "Pelatihan menganyam purun"


def test_history_scope_matrix(login, client, draft, other_regency_staff, consultant):
    assert is_login_redirect(client.get(history_url(draft)))
    assert login(other_regency_staff).get(history_url(draft)).status_code == 404
    # Consultants of the province may read it (read-only users see history).
    assert login(consultant).get(history_url(draft)).status_code == 200


def test_history_of_a_deleted_record_is_visible(login, library_manager, draft):
    record_delete(record=draft, user=library_manager, reason="Dobel")
    response = login(library_manager).get(history_url(draft))
    assert response.status_code == 200 and "Dobel" in response.content.decode()


def test_delete_view_needs_reason_and_scope(login, library_manager, consultant, other_regency_staff, draft):
    url = reverse("activities:activity_delete", args=[draft.pk])
    login(library_manager).post(url, {"reason": ""})
    assert Activity.objects.get(pk=draft.pk).deleted_at is None
    assert login(consultant).post(url, {"reason": "x"}).status_code == 403
    assert login(other_regency_staff).post(url, {"reason": "x"}).status_code == 404
    response = login(library_manager).post(url, {"reason": "Salah input"})
    assert response["Location"] == reverse("activities:trash")
    assert Activity.objects.get(pk=draft.pk).deleted_at is not None
    assert RecordEvent.objects.for_record(draft).first().reason == "Salah input"


def test_trash_lists_deleted_records_of_the_write_scope(login, library_manager, regency_staff, consultant, draft):
    record_delete(record=draft, user=library_manager, reason="x")
    assert [i["obj"] for i in login(regency_staff).get(reverse("activities:trash")).context["items"]] == [draft]
    assert login(consultant).get(reverse("activities:trash")).context["items"] == []


def test_trash_needs_login(client):
    assert is_login_redirect(client.get(reverse("activities:trash")))


def test_restore_view(login, library_manager, regency_staff, consultant, other_regency_staff, draft):
    record_delete(record=draft, user=library_manager, reason="x")
    url = reverse("activities:activity_restore", args=[draft.pk])
    assert login(consultant).post(url).status_code == 403
    assert login(other_regency_staff).post(url).status_code == 404
    assert Activity.objects.get(pk=draft.pk).deleted_at is not None
    response = login(regency_staff).post(url)
    assert response["Location"] == draft.get_absolute_url()
    assert Activity.objects.get(pk=draft.pk).deleted_at is None
    assert RecordEvent.objects.for_record(draft).first().action == "restored"


def test_restore_of_a_live_record_is_404(login, library_manager, draft):
    url = reverse("activities:activity_restore", args=[draft.pk])
    assert login(library_manager).post(url).status_code == 404


def test_revert_view(login, library_manager, consultant, draft):
    draft.title = "Salah ketik"
    record_save(record=draft, user=library_manager, expected_version=1)
    draft.title = "Salah lagi"
    record_save(record=draft, user=library_manager, expected_version=2)
    first_change = RecordEvent.objects.for_record(draft).last()
    url = reverse("activities:activity_revert", args=[draft.pk, first_change.pk])
    assert login(consultant).post(url).status_code == 403
    assert login(library_manager).get(url).status_code == 405
    login(library_manager).post(url)
    assert Activity.objects.get(pk=draft.pk).title == "Salah ketik"


# Who may delete: the author only while the record is editable, a verified record only a verifier.


@pytest.mark.parametrize("status", ["submitted", "checked", "verified"])
def test_author_cannot_delete_a_record_under_review_or_verified(login, library_manager, library, status):
    activity = ActivityFactory(library=library, created_by=library_manager, status=status)
    response = login(library_manager).post(reverse("activities:activity_delete", args=[activity.pk]), {"reason": "x"})
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.deleted_at is None
    with pytest.raises(PermissionDenied):
        record_delete(record=activity, user=library_manager, reason="x")


def test_verified_record_is_deleted_by_a_verifier_with_a_reason(login, consultant, regency_staff, regency_library):
    activity = ActivityFactory(library=regency_library, status="verified")
    assert login(regency_staff).post(reverse("activities:activity_delete", args=[activity.pk]), {"reason": "x"}).status_code == 403
    with pytest.raises(ValidationError):
        record_delete(record=activity, user=consultant, reason="  ")
    response = login(consultant).post(reverse("activities:activity_delete", args=[activity.pk]), {"reason": "Dobel"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.deleted_at is not None
    assert RecordEvent.objects.filter(object_id=activity.pk, action="deleted", reason="Dobel").exists()
