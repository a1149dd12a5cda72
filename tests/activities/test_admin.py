"""The admin pages of the activities app render, with the review fields read-only; records
and attachments deleted there are only soft-deleted."""

import pytest
from django.urls import reverse

from activities.models import Partnership, RecordEvent
from activities.registry import record_types

from .factories import ActivityFactory
from .records_factories import PartnershipFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["activity", "activityphoto", "activitydocument", "recordevent"])
def test_changelists_render(admin_client, draft, model):
    assert admin_client.get(reverse(f"admin:activities_{model}_changelist")).status_code == 200


def test_activity_change_page_keeps_review_fields_read_only(admin_client, draft):
    response = admin_client.get(reverse("admin:activities_activity_change", args=[draft.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "status" not in form.fields and "version" not in form.fields


def test_history_events_cannot_be_added(admin_client):
    assert admin_client.get(reverse("admin:activities_recordevent_add")).status_code == 403


def test_reviewed_models_are_found_from_the_app_registry():
    names = [t.model._meta.model_name for t in record_types()]
    assert "activity" in names and "partnership" in names


# Reviewed records and attachments are never hard-deleted from the Django admin.


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
