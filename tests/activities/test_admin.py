"""The admin pages of the activities app render, with the review fields read-only."""

import pytest
from django.urls import reverse

from activities.registry import record_types

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
