"""The scope matrix of every records view: allowed, outsider 404, read-only 403, anonymous, 405."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from activities.models import ReviewStatus
from activities.registry import record_types

from .factories import ActivityFactory
from .records_factories import EDITED_FIELD, FACTORIES, form_data_of, valid_post

KEYS = list(FACTORIES)

pytestmark = pytest.mark.django_db


def make(key, library, **kwargs):
    return FACTORIES[key](library=library, **kwargs)


def is_login_redirect(response):
    return response.status_code == 302 and reverse("login") in response["Location"]


# Lists -----------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_list_shows_only_records_in_scope(key, login, regency_staff, library, other_regency_library):
    mine = make(key, library)
    theirs = make(key, other_regency_library)
    response = login(regency_staff).get(reverse(f"activities:{key}_list"))
    assert response.status_code == 200
    listed = list(response.context["page_obj"])
    assert mine in listed and theirs not in listed


@pytest.mark.parametrize("key", KEYS)
def test_list_hides_deleted_records(key, login, regency_staff, library):
    from django.utils import timezone

    deleted = make(key, library, deleted_at=timezone.now())
    response = login(regency_staff).get(reverse(f"activities:{key}_list"))
    assert deleted not in list(response.context["page_obj"])


@pytest.mark.parametrize("key", KEYS)
def test_list_needs_login(key, client):
    assert is_login_redirect(client.get(reverse(f"activities:{key}_list")))


@pytest.mark.parametrize("key", KEYS)
def test_list_filters_by_status_year_and_region(key, login, program_admin, library, outside_library):
    verified = make(key, library, status=ReviewStatus.VERIFIED)
    draft = make(key, library)
    elsewhere = make(key, outside_library, status=ReviewStatus.VERIFIED)
    client = login(program_admin)
    url = reverse(f"activities:{key}_list")
    listed = list(client.get(url, {"status": "verified"}).context["page_obj"])
    assert verified in listed and elsewhere in listed and draft not in listed
    listed = list(client.get(url, {"region": "63.11"}).context["page_obj"])
    assert verified in listed and draft in listed and elsewhere not in listed
    year = {"partnership": 2022, "support": 2022, "product": 2020, "story": 2022}[key]
    assert len(client.get(url, {"year": year}).context["page_obj"]) == 3
    assert len(client.get(url, {"year": year + 1}).context["page_obj"]) == 0
    # A wrong filter shows its message; the others still apply (the download is refused).
    response = client.get(url, {"status": "verified", "year": "abc"})
    assert response.context["filter_form"].errors["year"]
    listed = list(response.context["page_obj"])
    assert verified in listed and elsewhere in listed and draft not in listed


@pytest.mark.parametrize("key", KEYS)
def test_list_runs_fixed_number_of_queries(key, login, program_admin, library, django_assert_num_queries):
    client = login(program_admin)
    url = reverse(f"activities:{key}_list")
    make(key, library)
    client.get(url)  # warm caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(15):
        make(key, library)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["page_obj"]) == 16


# Detail ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_detail_scope(key, login, client, regency_staff, other_regency_staff, outside_consultant, consultant, library):
    record = make(key, library)
    url = reverse(f"activities:{key}_detail", args=[record.pk])
    assert is_login_redirect(client.get(url))
    assert login(other_regency_staff).get(url).status_code == 404
    assert login(outside_consultant).get(url).status_code == 404
    response = login(consultant).get(url)
    assert response.status_code == 200 and response.context["record"] == record
    assert response.context["actions"]["edit"] is False
    response = login(regency_staff).get(url)
    assert response.status_code == 200
    assert response.context["actions"]["edit"] and response.context["actions"]["submit"]


# Create ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_create_by_staff_saves_a_draft_with_history(key, login, regency_staff, library):
    from activities.models import RecordEvent

    model = FACTORIES[key]._meta.model
    response = login(regency_staff).post(reverse(f"activities:{key}_create"), valid_post(key, library))
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    record = model.objects.get()
    assert record.status == ReviewStatus.DRAFT
    assert record.created_by == regency_staff
    assert record.regency_id == "63.11" and record.province_id == "63"
    assert RecordEvent.objects.for_record(record).get().action == "created"


@pytest.mark.parametrize("key", KEYS)
def test_create_refuses_a_library_outside_scope(key, login, other_regency_staff, library):
    model = FACTORIES[key]._meta.model
    response = login(other_regency_staff).post(reverse(f"activities:{key}_create"), valid_post(key, library))
    assert response.status_code == 200
    assert "library" in response.context["form"].errors
    assert not model.objects.exists()


@pytest.mark.parametrize("key", KEYS)
def test_create_forbidden_to_read_only_roles(key, login, consultant, no_role_user, library):
    model = FACTORIES[key]._meta.model
    url = reverse(f"activities:{key}_create")
    assert login(consultant).post(url, valid_post(key, library)).status_code == 403
    assert login(no_role_user).get(url).status_code == 403
    assert not model.objects.exists()


@pytest.mark.parametrize("key", KEYS)
def test_create_needs_login(key, client, library):
    assert is_login_redirect(client.post(reverse(f"activities:{key}_create"), valid_post(key, library)))
    assert not FACTORIES[key]._meta.model.objects.exists()


@pytest.mark.parametrize("key", KEYS)
def test_create_form_offers_only_editable_libraries_and_defaults_to_own(
    key, login, regency_staff, library, regency_library, other_regency_library
):
    form = login(regency_staff).get(reverse(f"activities:{key}_create")).context["form"]
    choices = set(form.fields["library"].queryset)
    assert choices == {library, regency_library}
    assert form.initial["library"] == regency_library.pk


def test_library_manager_form_defaults_to_own_library(login, library_manager, library):
    form = login(library_manager).get(reverse("activities:product_create")).context["form"]
    assert list(form.fields["library"].queryset) == [library]
    assert form.initial["library"] == library.pk


# Update ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_update_saves_and_bumps_version(key, login, regency_staff, library):
    record = make(key, library)
    name, value = EDITED_FIELD[key]
    url = reverse(f"activities:{key}_update", args=[record.pk])
    response = login(regency_staff).post(url, form_data_of(key, record, **{name: value}))
    assert response.status_code == 302
    record.refresh_from_db()
    assert getattr(record, name) == value and record.version == 2


@pytest.mark.parametrize("key", KEYS)
def test_update_scope(key, login, client, other_regency_staff, consultant, library):
    record = make(key, library)
    name, value = EDITED_FIELD[key]
    url = reverse(f"activities:{key}_update", args=[record.pk])
    data = form_data_of(key, record, **{name: value})
    assert is_login_redirect(client.post(url, data))
    assert login(other_regency_staff).post(url, data).status_code == 404
    assert login(consultant).post(url, data).status_code == 403
    record.refresh_from_db()
    assert getattr(record, name) != value and record.version == 1


@pytest.mark.parametrize("key", KEYS)
def test_update_refused_once_submitted(key, login, regency_staff, library):
    record = make(key, library, status=ReviewStatus.SUBMITTED)
    name, value = EDITED_FIELD[key]
    url = reverse(f"activities:{key}_update", args=[record.pk])
    assert login(regency_staff).post(url, form_data_of(key, record, **{name: value})).status_code == 403
    record.refresh_from_db()
    assert getattr(record, name) != value


@pytest.mark.parametrize("key", KEYS)
def test_stale_save_is_refused_with_a_clear_message(key, login, regency_staff, library):
    record = make(key, library)
    name, value = EDITED_FIELD[key]
    url = reverse(f"activities:{key}_update", args=[record.pk])
    client = login(regency_staff)
    stale = form_data_of(key, record, **{name: value})
    # Someone else saves first.
    assert client.post(url, form_data_of(key, record, **{name: "Versi orang lain"})).status_code == 302
    response = client.post(url, stale)
    assert response.status_code == 409
    assert "Orang lain menyimpan" in str(response.context["form"].non_field_errors())
    record.refresh_from_db()
    assert getattr(record, name) == "Versi orang lain" and record.version == 2


# Transitions -------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_transition_scope(key, login, client, regency_staff, other_regency_staff, consultant, library):
    record = make(key, library)
    url = reverse(f"activities:{key}_submit", args=[record.pk])
    assert login(regency_staff).get(url).status_code == 405
    client.logout()
    assert is_login_redirect(client.post(url))
    assert login(other_regency_staff).post(url).status_code == 404
    assert login(consultant).post(url).status_code == 403
    record.refresh_from_db()
    assert record.status == ReviewStatus.DRAFT
    assert login(regency_staff).post(url).status_code == 302
    record.refresh_from_db()
    assert record.status == ReviewStatus.SUBMITTED


def test_unknown_action_has_no_url(login, regency_staff, library):
    record = make("partnership", library)
    url = reverse("activities:partnership_detail", args=[record.pk]) + "publish/"
    assert login(regency_staff).post(url).status_code == 404


# Read-only views answer POST with 405.


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
