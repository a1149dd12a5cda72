"""Monitoring visits: a visit's page, recording, editing and deleting one (the list: test_visit_list.py).

Scope: program admins everything, consultants their provinces (and they write),
province and regency staff read their area, library managers and people without a
role have no visits.
"""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programs.models import Visit

from ..factories import LibraryFactory, UserFactory, VillageFactory
from .factories import AssessmentFactory
from .visit_helpers import visit_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


LIST = reverse("programs:visit_list")
CREATE = reverse("programs:visit_create")


def _ids(response):
    return [v.pk for v in response.context["visits"]]


# Recording ------------------------------------------------------------------------


def test_picker_province_then_regency(login, program_admin, kalsel, balangan, hulu_sungai_utara, badung):
    client = login(program_admin)
    page = client.get(CREATE)
    assert page.templates[0].name == "programs/visit_regency_pick.html"
    assert {p.pk for p in page.context["provinces"]} == {"63", "51"}
    page = client.get(CREATE, {"pick": 1, "province": "63"})
    assert {r.pk for r in page.context["regencies"]} == {"63.11", "63.08"}


def test_picker_single_province_goes_to_regencies(login, consultant, balangan, hulu_sungai_utara, badung):
    page = login(consultant).get(CREATE)
    assert {r.pk for r in page.context["regencies"]} == {"63.11", "63.08"}
    # A regency outside the scope is not taken: the picker shows again.
    page = login(consultant).get(CREATE, {"regency": "51.03"})
    assert page.templates[0].name == "programs/visit_regency_pick.html"


def test_form_choices_narrowed(login, consultant, second_consultant, outside_consultant, province_staff, regency_staff, other_regency_staff, library, regency_library, other_regency_library, outside_library, library_manager):
    page = login(consultant).get(CREATE, {"regency": "63.11"})
    form = page.context["form"]
    assert set(form.fields["libraries"].queryset) == {library, regency_library}
    assert set(form.fields["visitors"].queryset) == {consultant, second_consultant, province_staff, regency_staff}
    assert page.context["regency"].pk == "63.11"


def test_form_defaults_and_library_preselected_from_library_page(login, consultant, library, balangan):
    page = login(consultant).get(CREATE, {"regency": "63.11", "library": library.pk})
    html = page.content.decode()
    assert f'value="{date.today().isoformat()}"' in html
    assert [str(pk) for pk in page.context["form"]["libraries"].value()] == [str(library.pk)]
    assert "checked" in html.split('name="libraries" value="%d"' % library.pk)[1].split(">")[0]


def test_consultant_records_visit(login, consultant, second_consultant, balangan, library, regency_library):
    response = login(consultant).post(
        CREATE, visit_data(balangan, libraries=[library.pk, regency_library.pk], visitors=[second_consultant.pk])
    )
    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    assert visit.province_id == "63" and visit.author == consultant and visit.version == 1
    assert set(visit.libraries.all()) == {library, regency_library}
    assert list(visit.visitors.all()) == [second_consultant]
    assert (visit.users_interviewed, visit.non_users_interviewed) == (12, 8)


def test_library_of_another_regency_refused(login, consultant, balangan, library, other_regency_library):
    response = login(consultant).post(CREATE, visit_data(balangan, libraries=[library.pk, other_regency_library.pk]))
    assert response.status_code == 200 and response.context["form"].errors["libraries"]
    assert not Visit.objects.exists()


def test_outside_consultant_cannot_record_in_other_province(login, outside_consultant, balangan, library):
    response = login(outside_consultant).post(CREATE, visit_data(balangan, libraries=[library.pk]))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "bad_regency"
    assert not Visit.objects.exists()


@pytest.mark.parametrize("fixture", ["province_staff", "regency_staff", "library_manager", "no_role_user"])
def test_readers_cannot_record(request, login, fixture, balangan, library):
    client = login(request.getfixturevalue(fixture))
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, visit_data(balangan, libraries=[library.pk])).status_code == 403
    assert not Visit.objects.exists()


def test_record_anonymous(client, balangan):
    response = client.post(CREATE, visit_data(balangan))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Visit.objects.exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"ends_on": "2025-03-01"}, "ends_on"),
        ({"starts_on": (date.today() + timedelta(days=2)).isoformat(), "ends_on": (date.today() + timedelta(days=3)).isoformat()}, "starts_on"),
        ({"users_interviewed": "-1"}, "users_interviewed"),
        ({"findings": ""}, "findings"),
    ],
)
def test_bad_input_refused(login, consultant, balangan, changes, field):
    response = login(consultant).post(CREATE, visit_data(balangan, **changes))
    assert response.status_code == 200 and field in response.context["form"].errors
    assert not Visit.objects.exists()


# The report -------------------------------------------------------------------------


def _post_report(login, user, regency, upload):
    return login(user).post(CREATE, visit_data(regency, report=upload))


def test_pdf_report_stored_privately(login, consultant, province_staff, outside_consultant, library_manager, balangan):
    _post_report(login, consultant, balangan, SimpleUploadedFile("Laporan Budi.pdf", b"%PDF-1.4 laporan"))
    visit = Visit.objects.get()
    assert visit.report.name.startswith("visits/") and "Budi" not in visit.report.name
    url = reverse("programs:visit_report", args=[visit.pk])
    response = login(province_staff).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 laporan"
    assert response["Cache-Control"].startswith("private") and response["X-Content-Type-Options"] == "nosniff"
    assert login(outside_consultant).get(url).status_code == 404
    assert login(library_manager).get(url).status_code == 404
    assert login(consultant).post(url).status_code == 405


def test_office_report_is_a_download(login, consultant, balangan):
    _post_report(login, consultant, balangan, SimpleUploadedFile("laporan.docx", b"PK\x03\x04rest-of-zip"))
    visit = Visit.objects.get()
    response = login(consultant).get(reverse("programs:visit_report", args=[visit.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    "name, content",
    [("foto.jpg", None), ("palsu.pdf", b"<html>not a pdf"), ("skrip.exe", b"MZ"), ("palsu.docx", b"not a zip")],
)
def test_wrong_report_refused(login, consultant, balangan, name, content):
    from .visit_helpers import jpeg_bytes

    response = _post_report(login, consultant, balangan, SimpleUploadedFile(name, content or jpeg_bytes()))
    assert response.status_code == 200 and "report" in response.context["form"].errors
    assert not Visit.objects.exists()


def test_no_report_is_404(login, consultant, visit):
    assert login(consultant).get(reverse("programs:visit_report", args=[visit.pk])).status_code == 404


# A visit's page -------------------------------------------------------------------


def test_detail_shows_everything(login, consultant, second_consultant, visit, library):
    visit.visitors.set([second_consultant])
    assessment = AssessmentFactory(library=library, visit=visit, author=consultant)
    response = login(consultant).get(visit.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert library.get_absolute_url() in page and assessment.get_absolute_url() in page
    assert reverse("programs:assessment_create", args=[library.pk]) + f"?visit={visit.pk}" in page
    assert reverse("programs:visit_update", args=[visit.pk]) in page
    assert second_consultant.get_full_name() in page


def test_detail_read_only_for_staff(login, province_staff, regency_staff, visit, library):
    for user in (province_staff, regency_staff):
        page = login(user).get(visit.get_absolute_url()).content.decode()
        assert reverse("programs:visit_update", args=[visit.pk]) not in page
        assert reverse("programs:assessment_create", args=[library.pk]) not in page


def test_detail_scope(client, login, outside_consultant, other_regency_staff, library_manager, consultant, visit):
    for user in (outside_consultant, other_regency_staff, library_manager):
        assert login(user).get(visit.get_absolute_url()).status_code == 404
    assert login(consultant).post(visit.get_absolute_url()).status_code == 405
    client.logout()
    response = client.get(visit.get_absolute_url())
    assert response.status_code == 302 and "login" in response["Location"]


def test_detail_fixed_queries(login, consultant, visit, balangan):
    client = login(consultant)
    with CaptureQueriesContext(connection) as few:
        client.get(visit.get_absolute_url())
    for n in range(8):
        other = LibraryFactory(village=VillageFactory(code=f"63.11.02.20{n:02d}", regency=balangan))
        visit.libraries.add(other)
        AssessmentFactory(library=other, visit=visit, author=consultant)
        visit.visitors.add(UserFactory())
    with CaptureQueriesContext(connection) as many:
        response = client.get(visit.get_absolute_url())
    assert len(response.context["assessments"]) == 8
    assert len(many) == len(few)


# Editing --------------------------------------------------------------------------


def _edit(login, user, visit, **changes):
    data = visit_data(visit.regency, version=visit.version, libraries=[lib.pk for lib in visit.libraries.all()])
    data.update(changes)
    return login(user).post(reverse("programs:visit_update", args=[visit.pk]), data)


def test_consultant_edits(login, consultant, visit):
    response = _edit(login, consultant, visit, findings="Sudah membaik.")
    visit.refresh_from_db()
    assert response.status_code == 302
    assert visit.findings == "Sudah membaik." and visit.version == 2


def test_stale_edit_refused_with_409(login, consultant, second_consultant, visit):
    _edit(login, second_consultant, visit, findings="Versi kedua.")
    response = _edit(login, consultant, visit, findings="Versi basi.")
    assert response.status_code == 409
    assert response.context["form"].non_field_errors().as_data()[0].code == "concurrent_edit"
    visit.refresh_from_db()
    assert visit.findings == "Versi kedua." and visit.version == 2


def test_change_regency_moves_province_and_libraries(login, program_admin, visit, badung, outside_library):
    response = _edit(login, program_admin, visit, regency="51.03", libraries=[outside_library.pk])
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.province_id == "51" and list(visit.libraries.all()) == [outside_library]


def test_edit_picker_and_preselected_regency(login, consultant, visit, hulu_sungai_utara, other_regency_library):
    url = reverse("programs:visit_update", args=[visit.pk])
    assert login(consultant).get(url, {"pick": 1}).templates[0].name == "programs/visit_regency_pick.html"
    form = login(consultant).get(url, {"regency": "63.08"}).context["form"]
    assert list(form.fields["libraries"].queryset) == [other_regency_library]


def test_edit_access(client, login, province_staff, regency_staff, outside_consultant, visit):
    url = reverse("programs:visit_update", args=[visit.pk])
    assert login(province_staff).get(url).status_code == 403
    assert _edit(login, regency_staff, visit, findings="X").status_code == 403
    assert _edit(login, outside_consultant, visit, findings="X").status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    visit.refresh_from_db()
    assert visit.findings == "Layanan berjalan." and visit.version == 1


def test_replacing_and_removing_report_deletes_old_file(login, consultant, visit, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _edit(login, consultant, visit, report=SimpleUploadedFile("a.pdf", b"%PDF-1.4 a"))
    visit.refresh_from_db()
    first = visit.report.name
    storage = visit.report.storage
    assert storage.exists(first)
    with django_capture_on_commit_callbacks(execute=True):
        _edit(login, consultant, visit, report=SimpleUploadedFile("b.pdf", b"%PDF-1.4 b"))
    visit.refresh_from_db()
    assert visit.report.name != first and storage.exists(visit.report.name)
    assert not storage.exists(first)
    second = visit.report.name
    with django_capture_on_commit_callbacks(execute=True):
        _edit(login, consultant, visit, clear_report="on")
    visit.refresh_from_db()
    assert not visit.report and not storage.exists(second)


# Deleting -------------------------------------------------------------------------


def test_delete_puts_visit_in_trash_and_restore_brings_it_back(login, consultant, second_consultant, outside_consultant, province_staff, visit, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _edit(login, consultant, visit, report=SimpleUploadedFile("a.pdf", b"%PDF-1.4 a"))
    visit.refresh_from_db()
    name, storage = visit.report.name, visit.report.storage
    url = reverse("programs:visit_delete", args=[visit.pk])
    page = login(consultant).get(url)
    assert page.status_code == 200 and Visit.objects.alive().filter(pk=visit.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(consultant).post(url)
    assert response.status_code == 302 and response["Location"] == LIST
    visit.refresh_from_db()
    assert visit.deleted_at is not None and visit.deleted_by == consultant
    # Hidden everywhere; the report's file stays while the visit may come back.
    assert storage.exists(name)
    assert _ids(login(consultant).get(LIST)) == []
    assert login(consultant).get(visit.get_absolute_url()).status_code == 404
    assert login(consultant).get(reverse("programs:visit_report", args=[visit.pk])).status_code == 404
    from programs.selectors.visits import library_visits_section

    assert library_visits_section(library, consultant)["visits"] == []
    # In the trash of those who may change it, not of readers or outsiders.
    trash = reverse("activities:trash")
    assert str(visit) in login(second_consultant).get(trash).content.decode()
    assert str(visit) not in login(province_staff).get(trash).content.decode()
    restore = reverse("activities:trash_restore", args=["visit", visit.pk])
    assert login(outside_consultant).post(restore).status_code == 404
    assert login(consultant).post(restore).status_code == 302
    visit.refresh_from_db()
    assert visit.deleted_at is None
    assert _ids(login(consultant).get(LIST)) == [visit.pk]


def test_visit_with_assessments_is_kept(login, consultant, visit, library):
    AssessmentFactory(library=library, visit=visit)
    url = reverse("programs:visit_delete", args=[visit.pk])
    page = login(consultant).get(url)
    assert page.context["assessment_count"] == 1 and b'type="submit"' not in page.content.split(b"<main")[-1]
    response = login(consultant).post(url, follow=True)
    assert Visit.objects.alive().filter(pk=visit.pk).exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_delete_access(client, login, province_staff, outside_consultant, visit):
    url = reverse("programs:visit_delete", args=[visit.pk])
    assert login(province_staff).post(url).status_code == 403
    assert login(outside_consultant).post(url).status_code == 404
    client.logout()
    assert client.post(url).status_code == 302
    assert Visit.objects.alive().filter(pk=visit.pk).exists()


# Guards behind the forms --------------------------------------------------------------


def test_report_anonymous_goes_to_login(client, visit):
    response = client.get(reverse("programs:visit_report", args=[visit.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_edit_to_regency_outside_scope_refused(login, consultant, visit, badung, outside_library):
    response = _edit(login, consultant, visit, regency="51.03", libraries=[outside_library.pk])
    assert response.status_code == 200
    assert response.context["form"].non_field_errors().as_data()[0].code == "bad_regency"
    visit.refresh_from_db()
    assert visit.regency_id == "63.11" and visit.version == 1


def test_services_refuse_what_forms_would(consultant, outside_consultant, visit, balangan, badung, other_regency_library):
    from django.core.exceptions import PermissionDenied, ValidationError

    from programs.services.visits import visit_create, visit_delete

    with pytest.raises(ValidationError):
        visit_create(visit=Visit(regency=balangan, starts_on=date(2025, 1, 1), ends_on=date(2025, 1, 1), team="T", findings="F"), user=consultant, libraries=[other_regency_library])
    with pytest.raises(PermissionDenied):
        visit_create(visit=Visit(regency=badung, starts_on=date(2025, 1, 1), ends_on=date(2025, 1, 1), team="T", findings="F"), user=consultant)
    with pytest.raises(PermissionDenied):
        visit_delete(visit=visit, user=outside_consultant)
    assert Visit.objects.count() == 1 and Visit.objects.alive().count() == 1


def test_refused_save_stores_no_report(consultant, balangan, settings):
    import os

    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    from programs.services.visits import visit_create

    bad = Visit(regency=balangan, starts_on=date(2025, 1, 2), ends_on=date(2025, 1, 1), team="T", findings="F")
    with pytest.raises(ValidationError):
        visit_create(visit=bad, user=consultant, report=ContentFile(b"%PDF-1.4 x", name="x.pdf"))
    stored = [name for _dir, _dirs, names in os.walk(settings.MEDIA_ROOT) for name in names]
    assert stored == [] and not Visit.objects.exists()
