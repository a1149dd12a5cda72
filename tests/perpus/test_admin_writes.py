"""The Django admin is one more channel: every save and delete it makes of a model people
change goes through that model's service.

The sweep submits the change page of one row of every guarded model as it stands, deletes
one row of each, and runs the bulk delete; the write guard (`tests/write_guard.py`) fails
the test when the admin wrote the row itself. Models registered later are swept too.
"""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from activities.models import ActivityDocument, ActivityPhoto
from programs.models import CriterionKind
from tests.activities.factories import ActivityFactory
from tests.activities.records_factories import FACTORIES
from tests.form_submit import form_data
from tests.programs.factories import AssessmentItemFactory, CriterionFactory, ParticipationFactory
from tests.programs.visit_helpers import VisitFactory
from tests.villages.factories import LibraryPhotoFactory, LibraryStatisticFactory, OpeningHoursFactory
from tests.write_guard import GUARDED

SWEPT = sorted(
    label
    for label in GUARDED
    if apps.get_model(label) in admin.site._registry
)


@pytest.fixture
def superuser(program_admin):
    program_admin.is_superuser = True
    program_admin.save()
    return program_admin


@pytest.fixture
def world(library, regency_staff, consultant):
    """One row of every model people change (a draft of each record type)."""
    OpeningHoursFactory(library=library)
    LibraryPhotoFactory(library=library)
    LibraryStatisticFactory(library=library)
    activity = ActivityFactory(library=library, created_by=regency_staff)
    for make in FACTORIES.values():
        make(library=library, created_by=regency_staff)
    ActivityPhoto.objects.create(activity=activity, image="a.jpg", thumbnail="b.jpg", alt_text="Peserta")
    ActivityDocument.objects.create(activity=activity, file="c.pdf", title="Laporan")
    ParticipationFactory(library=library)
    criterion = CriterionFactory(kind=CriterionKind.ATTESTED, measure="", threshold=None)
    AssessmentItemFactory(assessment__library=library, assessment__author=consultant, criterion=criterion)
    VisitFactory(regency=library.regency, author=consultant, libraries=[library])
    return library


def url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


def model_admin_of(model, user):
    request = RequestFactory().get("/")
    request.user = user
    return admin.site._registry[model], request


def rows(model, superuser):
    """The model's rows, but never the signed-in admin's own account (no query yet)."""
    rows = model._default_manager.all()
    return rows.exclude(pk=superuser.pk) if model is type(superuser) else rows


def errors_of(response) -> str:
    context = response.context or {}
    form = context.get("adminform")
    inlines = context.get("inline_admin_formsets") or []
    return f"{form.form.errors if form else ''} {[i.formset.errors for i in inlines]}"


def test_every_guarded_model_in_the_admin_is_swept():
    assert {"villages.Library", "activities.Activity", "programs.Visit", "perpus.User"} <= set(SWEPT)


@pytest.mark.parametrize("label", SWEPT)
def test_a_change_saved_in_the_admin_goes_through_its_service(client, superuser, world, label):
    model = apps.get_model(label)
    model_admin, request = model_admin_of(model, superuser)
    obj = rows(model, superuser).order_by("pk").first()
    if not model_admin.has_change_permission(request, obj):
        pytest.skip("read-only in the admin")
    client.force_login(superuser)
    page = client.get(url(model, "change", obj.pk))
    response = client.post(url(model, "change", obj.pk), form_data(page.content.decode(), f"{model._meta.model_name}_form"))
    assert response.status_code == 302, errors_of(response)
    assert response.url == url(model, "changelist")


@pytest.mark.parametrize("label", SWEPT)
def test_a_delete_in_the_admin_goes_through_its_service(client, superuser, world, label):
    model = apps.get_model(label)
    model_admin, request = model_admin_of(model, superuser)
    obj = rows(model, superuser).order_by("-pk").first()
    if not model_admin.has_delete_permission(request, obj):
        pytest.skip("never deleted in the admin")
    client.force_login(superuser)
    response = client.post(url(model, "delete", obj.pk), {"post": "yes"})
    # Deleted (or put in the trash), or refused with the reason: never written around the service.
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("label", SWEPT)
def test_a_bulk_delete_in_the_admin_goes_through_its_service(client, superuser, world, label):
    model = apps.get_model(label)
    model_admin, request = model_admin_of(model, superuser)
    actions = model_admin.get_actions(request)
    action = "delete_selected" if "delete_selected" in actions else "soft_delete_selected"
    if action not in actions:
        pytest.skip("no bulk delete")
    pks = list(rows(model, superuser).values_list("pk", flat=True)[:3])
    client.force_login(superuser)
    response = client.post(url(model, "changelist"), {"action": action, "_selected_action": pks, "post": "yes"})
    assert response.status_code in (200, 302)


def test_an_admin_edit_of_a_record_is_in_its_history(client, superuser, world):
    from activities.models import Activity, RecordEvent

    activity = Activity.objects.get()
    client.force_login(superuser)
    page = client.get(url(Activity, "change", activity.pk)).content.decode()
    client.post(url(Activity, "change", activity.pk), form_data(page, "activity_form", title="Rakor literasi"))
    activity.refresh_from_db()
    assert activity.title == "Rakor literasi" and activity.version == 2
    event = RecordEvent.objects.for_record(activity).get()
    assert event.user == superuser and event.changes["title"][1] == "Rakor literasi"


def test_an_admin_edit_from_a_stale_page_is_refused(client, superuser, world):
    from villages.models import Library

    client.force_login(superuser)
    page = client.get(url(Library, "change", world.pk)).content.decode()
    Library.objects.filter(pk=world.pk).update(version=5)  # someone saved meanwhile
    response = client.post(url(Library, "change", world.pk), form_data(page, "library_form", name="Lama"))
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode() or "Orang lain" in response.content.decode()
    world.refresh_from_db()
    assert world.name != "Lama" and world.version == 5


def test_an_admin_library_save_keeps_its_week_and_records_follow_ups(client, superuser, world, recorded_follow_ups):
    from villages.models import Library

    client.force_login(superuser)
    page = client.get(url(Library, "change", world.pk)).content.decode()
    response = client.post(url(Library, "change", world.pk), form_data(page, "library_form", name="Perpustakaan Juai"))
    assert response.status_code == 302
    world.refresh_from_db()
    assert world.name == "Perpustakaan Juai" and world.version == 2
    assert [(h.weekday, h.opens) for h in world.opening_hours.all()] == [(0, datetime.time(8))]
    assert {change for change, _f, _t in recorded_follow_ups()} == {"library.saved", "library.search_text"}


def test_an_account_made_in_the_admin_starts_its_history(client, superuser, kalsel):
    from perpus.models import AccountEvent, User

    client.force_login(superuser)
    data = {
        "username": "konsultan2",
        "password1": "A-long-pass-4321",
        "password2": "A-long-pass-4321",
        "usable_password": "true",
        "role": "consultant",
        "provinces": [kalsel.pk],
    }
    response = client.post(url(User, "add"), data)
    assert response.status_code == 302, errors_of(response)
    account = User.objects.get(username="konsultan2")
    assert list(account.provinces.all()) == [kalsel]
    event = AccountEvent.objects.get(account=account)
    assert event.action == AccountEvent.Action.ADMIN_CREATED and event.actor == superuser
    assert event.changes["role"] == [None, "consultant"]


def test_the_admin_changes_only_what_the_services_allow(client, world, other_regency_staff):
    """A staff account of a regency reaches the admin, but the library service refuses its
    save of a library of another regency: said on the page, nothing saved."""
    from villages.models import Library

    other_regency_staff.is_staff = True
    other_regency_staff.save()
    other_regency_staff.user_permissions.add(*_permissions("villages", "library"))
    client.force_login(other_regency_staff)
    page = client.get(url(Library, "change", world.pk)).content.decode()
    response = client.post(url(Library, "change", world.pk), form_data(page, "library_form", npp="123"), follow=True)
    assert response.redirect_chain[0][0] == url(Library, "change", world.pk)
    world.refresh_from_db()
    assert world.npp != "123" and world.version == 1


def _permissions(app_label, model_name):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label=app_label, content_type__model=model_name)


def add_cases(library, superuser):
    """(model label, the fields typed on its add page, what the service made of the row) for
    the admin's add pages (no query)."""
    from activities.models import RecordEvent
    from tests.activities.records_factories import valid_post
    from tests.programs.visit_helpers import visit_data

    return [
        ("villages.LibraryStatistic", {"library": library.pk, "month": "2024-06-01", "loans": "7"},
         lambda row: row.loans == 7 and row.version == 1),
        ("villages.OpeningHours", {"library": library.pk, "weekday": "3", "opens": "08:00", "closes": "12:00"},
         lambda row: row.minutes == 240 and row.library.version == 2),
        ("activities.Partnership", valid_post("partnership", library),
         lambda row: row.status == "draft" and RecordEvent.objects.for_record(row).get().action == "created"),
        ("programs.Assessment", {"library": library.pk, "visited_on": "2024-01-10", "findings": "Baik."},
         lambda row: row.author == superuser),
        ("programs.Visit", {**visit_data(library.regency), "libraries": [library.pk]},
         lambda row: row.author == superuser and row.province_id == "63" and list(row.libraries.all()) == [library]),
        ("programs.Program", {"code": "csr", "name": "CSR", "is_active": "on"}, lambda row: row.code == "csr"),
    ]


@pytest.mark.parametrize("case", range(6))
def test_a_row_added_in_the_admin_is_made_by_its_service(client, superuser, library, case):
    label, typed, made = add_cases(library, superuser)[case]
    model = apps.get_model(label)
    client.force_login(superuser)
    page = client.get(url(model, "add")).content.decode()
    response = client.post(url(model, "add"), form_data(page, f"{model._meta.model_name}_form", **typed))
    assert response.status_code == 302, errors_of(response)
    assert response.url == url(model, "changelist")
    assert made(model._default_manager.order_by("-pk").first())
