"""Defects of issue #7 in the activities app, each with the test that caught it."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from activities.models import Activity, Partnership, RecordEvent
from activities.registry import record_types
from activities.services import record_bulk_verify, record_delete, record_save, record_verify

from .factories import ActivityFactory
from .records_factories import FACTORIES, PartnershipFactory, valid_post

pytestmark = pytest.mark.django_db


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# The list said "0 peserta" where the page says the number was not recorded.


def test_activity_list_says_participants_not_recorded(login, regency_staff, library):
    ActivityFactory(library=library, status="verified", participants_male=0, participants_female=0, title="Tanpa")
    ActivityFactory(library=library, status="verified", participants_male=1, participants_female=2, title="Dengan")
    for client in (login(regency_staff),):
        html = client.get(reverse("activities:activity_list")).content.decode()
        assert "0 peserta" not in html.replace("3 peserta", "") and "peserta tidak dicatat" in html
        assert "3 peserta" in html


# Bulk verify while someone verifies some of the same records one by one.


def test_bulk_verify_goes_on_past_records_verified_meanwhile(consultant, program_admin, awaiting_verification, regency_library):
    other = ActivityFactory(library=regency_library, status="submitted", needs_check=False, title="Yang lain")
    stale = [Activity.objects.get(pk=awaiting_verification.pk), Activity.objects.get(pk=other.pk)]
    # Someone else verifies the first one after the queue was loaded.
    record_verify(record=awaiting_verification, user=program_admin)
    result = record_bulk_verify(records=stale, user=consultant)
    assert [r.pk for r in result.verified] == [other.pk]
    assert [r.pk for r in result.already_done] == [awaiting_verification.pk]
    other.refresh_from_db()
    assert other.status == "verified" and other.verified_by == consultant
    awaiting_verification.refresh_from_db()
    assert awaiting_verification.verified_by == program_admin
    assert RecordEvent.objects.filter(object_id=awaiting_verification.pk, action="verified").count() == 1


def test_bulk_verify_view_names_what_was_already_done(login, consultant, awaiting_verification, monkeypatch):
    from activities.services import queue as queue_module
    from activities.views import review

    real = queue_module.awaiting_verification

    def racing(querysets):
        items = real(querysets)
        Activity.objects.filter(pk=awaiting_verification.pk).update(status="verified")  # a parallel verify
        return items

    monkeypatch.setattr(review, "awaiting_verification", racing)
    response = login(consultant).post(reverse("activities:queue_verify"), {"all": "1"})
    assert response.status_code == 302
    assert any("Rakor kabupaten" in m for m in messages_of(response))


# A library manager could delete a record they may no longer edit.


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


# Django admin: reviewed records and attachments are never hard-deleted.


def test_admin_delete_is_a_soft_delete(admin_client, library):
    activity = ActivityFactory(library=library, status="verified")
    url = reverse("admin:activities_activity_delete", args=[activity.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    activity.refresh_from_db()
    assert activity.deleted_at is not None
    assert RecordEvent.objects.filter(object_id=activity.pk, action="deleted").exists()


def test_admin_bulk_actions_soft_delete_and_restore(admin_client, library):
    partnerships = [PartnershipFactory(library=library) for _ in range(2)]
    changelist = reverse("admin:activities_partnership_changelist")
    page = admin_client.get(changelist).content.decode()
    assert 'value="delete_selected"' not in page
    ids = [p.pk for p in partnerships]
    admin_client.post(changelist, {"action": "soft_delete_selected", "_selected_action": ids})
    assert Partnership.objects.filter(pk__in=ids, deleted_at__isnull=False).count() == 2
    admin_client.post(changelist, {"action": "restore_selected", "_selected_action": ids})
    assert Partnership.objects.filter(pk__in=ids, deleted_at__isnull=True).count() == 2
    assert RecordEvent.objects.filter(object_id__in=ids, action="restored").count() == 2


def test_admin_photo_delete_keeps_the_row(admin_client, draft):
    from activities.models import ActivityPhoto

    photo = ActivityPhoto.objects.create(activity=draft, image="a.jpg", thumbnail="b.jpg", alt_text="x")
    admin_client.post(reverse("admin:activities_activityphoto_delete", args=[photo.pk]), {"post": "yes"})
    photo.refresh_from_db()
    assert photo.is_deleted


# A tampered version re-rendered the form with no message.


@pytest.mark.parametrize("key", [t.key for t in record_types()])
@pytest.mark.parametrize("version", ["abc", ""])
def test_tampered_version_gets_a_clear_message(key, version, login, regency_staff, regency_library):
    if key == "activity":
        record = ActivityFactory(library=regency_library, created_by=regency_staff, level="regency")
        data = {
            "title": "Diubah", "kind": "community", "level": "regency", "library": regency_library.pk,
            "start_date": "2024-03-05", "end_date": "2024-03-05", "participants_male": 1, "participants_female": 1,
            **{f"participants_{g}": 0 for g in ("children", "youth", "adults", "elderly", "disabled", "umkm")},
        }
    else:
        record = FACTORIES[key](library=regency_library, created_by=regency_staff)
        data = valid_post(key, regency_library)
    data["version"] = version
    response = login(regency_staff).post(reverse(f"activities:{key}_update", args=[record.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors and "diubah" in str(errors).lower()
    assert "diubah" in response.content.decode().lower()
    record.refresh_from_db()
    assert record.version == 1


# Read-only views answered POST with 200.


def _read_only_urls(activity, partnership, product, story):
    names = [reverse("activities:activity_public_list"), reverse("activities:queue"), reverse("activities:trash")]
    for record_type in record_types():
        names.append(record_type.url("list"))
    names += [
        reverse("activities:activity_detail", args=[activity.pk]),
        reverse("activities:activity_history", args=[activity.pk]),
        reverse("activities:partnership_detail", args=[partnership.pk]),
        reverse("activities:partnership_file", args=[partnership.pk, "document"]),
        reverse("activities:product_public_list"),
        reverse("activities:product_public_detail", args=[product.pk]),
        reverse("activities:story_public_list"),
        reverse("activities:story_public_detail", args=[story.pk]),
        reverse("activities:activity_photo_file", args=[1, "small"]),
        reverse("activities:activity_document_file", args=[1]),
    ]
    return names


def test_read_only_views_refuse_post(login, program_admin, library):
    activity = ActivityFactory(library=library, status="verified")
    partnership = FACTORIES["partnership"](library=library, status="verified")
    partnership.document.save("mou.pdf", ContentFile(b"%PDF-1.4"), save=True)
    product = FACTORIES["product"](library=library, status="verified")
    story = FACTORIES["story"](library=library, status="verified", consent_given=True, consent_date="2022-01-01")
    client = login(program_admin)
    for url in _read_only_urls(activity, partnership, product, story):
        assert client.post(url).status_code == 405, url


# A NUL byte in a filter answered 500 (on PostgreSQL).
# A NUL byte never reaches these views: perpus.middleware answers 400 (tests/perpus).
# Other control characters must not break them either.


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


# A replaced or cleared file stayed on disk unreferenced; files follow rows.


def test_replaced_file_is_kept_while_history_names_it_and_deleted_when_nothing_does(
    regency_staff, regency_library, django_capture_on_commit_callbacks
):
    from activities.services import record_create

    partnership = FACTORIES["partnership"].build(library=regency_library)
    partnership.document.save("a.pdf", ContentFile(b"%PDF-1.4 a"), save=False)
    partnership = record_create(record=partnership, user=regency_staff)
    first = partnership.document.name
    storage = partnership.document.storage
    # Replaced: the creation's snapshot names the first file, so a revert can bring it back.
    partnership.document.save("b.pdf", ContentFile(b"%PDF-1.4 b"), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        record_save(record=partnership, user=regency_staff, expected_version=1)
    assert storage.exists(first)
    # Once no version names it (history pruned, or a row written outside the services), it goes.
    second = partnership.document.name
    RecordEvent.objects.filter(object_id=partnership.pk, snapshot__document=second).update(snapshot={})
    partnership.document = ""
    with django_capture_on_commit_callbacks(execute=True):
        record_save(record=partnership, user=regency_staff, expected_version=2)
    assert not storage.exists(second) and storage.exists(first)
