"""Workflow of the records: submit, check, verify, return; illegal steps change nothing."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from activities.models import ReviewStatus
from activities.models import RecordEvent

from .records_factories import FACTORIES, valid_post

pytestmark = pytest.mark.django_db
KEYS = list(FACTORIES)


def post(client, key, record, action, **extra):
    return client.post(reverse(f"activities:{key}_{action}", args=[record.pk]), extra)


@pytest.mark.parametrize("key", KEYS)
def test_village_record_goes_through_check_and_verification(key, login, library_manager, regency_staff, consultant, library):
    record = FACTORIES[key](library=library, created_by=library_manager)
    assert post(login(library_manager), key, record, "submit").status_code == 302
    record.refresh_from_db()
    assert record.status == ReviewStatus.SUBMITTED and record.needs_check
    # The consultant cannot verify before the regency's check: refused with a message.
    response = post(login(consultant), key, record, "verify")
    assert [m.level_tag for m in get_messages(response.wsgi_request)][-1] == "error"
    record.refresh_from_db()
    assert record.status == ReviewStatus.SUBMITTED
    post(login(regency_staff), key, record, "check")
    record.refresh_from_db()
    assert record.status == ReviewStatus.CHECKED and record.checked_by == regency_staff
    post(login(consultant), key, record, "verify")
    record.refresh_from_db()
    assert record.status == ReviewStatus.VERIFIED and record.verified_by == consultant
    actions = [e.action for e in RecordEvent.objects.for_record(record)]
    assert actions == ["verified", "checked", "submitted"]


@pytest.mark.parametrize("key", KEYS)
def test_consultant_returns_with_reason_then_verifies(key, login, regency_staff, consultant, regency_library):
    record = FACTORIES[key](library=regency_library, created_by=regency_staff)
    post(login(regency_staff), key, record, "submit")
    record.refresh_from_db()
    assert record.status == ReviewStatus.SUBMITTED and not record.needs_check
    client = login(consultant)
    # Returning without a reason is refused with a message, and changes nothing.
    response = post(client, key, record, "return", reason="  ")
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == ReviewStatus.SUBMITTED
    assert [m.level_tag for m in get_messages(response.wsgi_request)][-1] == "error"
    post(client, key, record, "return", reason="Lampirkan dokumen MoU.")
    record.refresh_from_db()
    assert record.status == ReviewStatus.RETURNED and record.return_reason == "Lampirkan dokumen MoU."
    detail = login(regency_staff).get(record.get_absolute_url())
    assert "Lampirkan dokumen MoU." in detail.content.decode()
    post(login(regency_staff), key, record, "submit")
    post(login(consultant), key, record, "verify")
    record.refresh_from_db()
    assert record.status == ReviewStatus.VERIFIED


@pytest.mark.parametrize("key", KEYS)
def test_illegal_steps_change_nothing(key, login, regency_staff, consultant, regency_library):
    record = FACTORIES[key](library=regency_library, created_by=regency_staff)
    # A draft cannot be verified, checked or returned.
    for action in ("verify", "check", "return"):
        post(login(consultant), key, record, action, reason="x")
        record.refresh_from_db()
        assert record.status == ReviewStatus.DRAFT
    record.status = ReviewStatus.VERIFIED
    record.save()
    # A verified record cannot be submitted again nor verified twice.
    response = post(login(regency_staff), key, record, "submit")
    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)][-1] == "error"
    post(login(consultant), key, record, "verify")
    record.refresh_from_db()
    assert record.status == ReviewStatus.VERIFIED and record.version == 1
    assert not RecordEvent.objects.for_record(record).exists()


def test_regency_staff_cannot_verify(login, regency_staff, regency_library):
    record = FACTORIES["partnership"](library=regency_library, created_by=regency_staff)
    post(login(regency_staff), "partnership", record, "submit")
    assert post(login(regency_staff), "partnership", record, "verify").status_code == 403
    record.refresh_from_db()
    assert record.status == ReviewStatus.SUBMITTED


def test_partnership_save_and_add_another_keeps_shared_fields(login, regency_staff, regency_library):
    client = login(regency_staff)
    data = valid_post("partnership", regency_library, save_add_another="1", valid_until="2025-04-22")
    response = client.post(reverse("activities:partnership_create"), data)
    first = FACTORIES["partnership"]._meta.model.objects.get()
    assert response["Location"] == reverse("activities:partnership_create") + f"?same_event={first.pk}"
    form = client.get(response["Location"]).context["form"]
    assert form.initial["title"] == first.title and form.initial["signed_at"] == "Paringin"
    assert str(form.initial["signed_on"]) == "2022-04-22" and form.initial["library"] == regency_library.pk
    assert "partner_name" not in form.initial


def test_partnership_valid_until_before_signing_is_refused(login, regency_staff, regency_library):
    data = valid_post("partnership", regency_library, valid_until="2022-04-21")
    response = login(regency_staff).post(reverse("activities:partnership_create"), data)
    assert response.status_code == 200
    assert "valid_until" in response.context["form"].errors
    assert not FACTORIES["partnership"]._meta.model.objects.exists()


def test_support_kind_requires_its_fields(login, regency_staff, regency_library):
    client = login(regency_staff)
    url = reverse("activities:support_create")
    response = client.post(url, valid_post("support", regency_library, amount=""))
    assert "amount" in response.context["form"].errors
    response = client.post(url, valid_post("support", regency_library, kind="regulation"))
    assert "regulation_type" in response.context["form"].errors
    client.post(url, valid_post("support", regency_library, kind="regulation", regulation_type="perdes", number="3 Tahun 2022"))
    record = FACTORIES["support"]._meta.model.objects.get()
    # The budget fields of a regulation are dropped.
    assert record.kind == "regulation" and record.amount is None and record.budget_source == ""


def test_story_consent_records_who_and_when(login, regency_staff, library):
    client = login(regency_staff)
    url = reverse("activities:story_create")
    response = client.post(url, valid_post("story", library, consent_given="on"))
    assert "consent_date" in response.context["form"].errors
    response = client.post(url, valid_post("story", library, name_public="on"))
    assert "name_public" in response.context["form"].errors
    client.post(url, valid_post("story", library, consent_given="on", consent_date="2022-09-15"))
    story = FACTORIES["story"]._meta.model.objects.get()
    assert story.consent_given and story.consent_recorded_by == regency_staff


POST_ACTIONS = ("submit", "check", "verify", "return", "delete", "restore")


@pytest.mark.parametrize("key", KEYS + ["activity"])
def test_one_workflow_url_family_for_every_type(key, client, login, regency_staff, library):
    from activities.registry import record_type

    from .factories import ActivityFactory

    record = ActivityFactory(library=library) if key == "activity" else FACTORIES[key](library=library)
    urls = {action: record_type(key).url(action, record.pk) for action in (*POST_ACTIONS, "history")}
    assert urls["verify"] == f"/activities/{record_type(key).prefix}{record.pk}/verify/"
    staff = login(regency_staff)
    for action in POST_ACTIONS:
        assert staff.get(urls[action]).status_code == 405
    assert staff.get(urls["history"]).status_code == 200
    client.logout()
    for action in (*POST_ACTIONS, "history"):
        response = client.post(urls[action]) if action != "history" else client.get(urls[action])
        assert response.status_code == 302 and reverse("login") in response["Location"]
    record.refresh_from_db()
    assert record.status == ReviewStatus.DRAFT and record.deleted_at is None


def test_trash_shows_a_verified_record_only_to_its_verifiers(login, consultant, regency_staff, library):
    from activities.services import record_delete

    record = FACTORIES["partnership"](library=library, status=ReviewStatus.VERIFIED)
    record_delete(record=record, user=consultant, reason="Dobel")
    trash = reverse("activities:trash")
    assert [i["obj"] for i in login(consultant).get(trash).context["items"]] == [record]
    assert login(regency_staff).get(trash).context["items"] == []
    restore = reverse("activities:partnership_restore", args=[record.pk])
    assert login(regency_staff).post(restore).status_code == 403
    assert login(consultant).post(restore).status_code == 302
    record.refresh_from_db()
    assert record.deleted_at is None
