"""The program pages (new, edit, delete) write through `program_save`/`program_delete`:
the program admin succeeds, everyone else is refused, and a refusal changes nothing."""

import pytest
from django.urls import reverse

from programs.models import Program

from .factories import ParticipationFactory, ProgramFactory


@pytest.fixture
def program(db):
    return ProgramFactory(code="replikasi", name="Replikasi APBD")


def pages(program):
    return {
        "create": reverse("programs:program_create"),
        "update": reverse("programs:program_update", args=[program.pk]),
        "delete": reverse("programs:program_delete", args=[program.pk]),
    }


def test_the_program_admin_creates_changes_and_deletes(login, program_admin, program, recorded_follow_ups):
    client = login(program_admin)
    urls = pages(program)
    assert client.post(urls["create"], {"code": "csr", "name": "CSR", "is_active": "on"}).status_code == 302
    assert client.post(urls["update"], {"code": "replikasi", "name": "Replikasi"}).status_code == 302
    assert Program.objects.get(pk=program.pk).name == "Replikasi"
    assert client.post(urls["delete"]).status_code == 302
    assert set(Program.objects.values_list("code", flat=True)) == {"tpbis", "csr"}
    assert {change for change, _f, _t in recorded_follow_ups()} == {"program"}


@pytest.mark.parametrize("who", ["consultant", "regency_staff", "library_manager"])
def test_other_roles_are_refused(request, login, program, who):
    client = login(request.getfixturevalue(who))
    for url in pages(program).values():
        assert client.get(url).status_code == 403
        assert client.post(url, {"code": "x", "name": "x"}).status_code == 403
    assert Program.objects.get(pk=program.pk).name == "Replikasi APBD"
    assert not Program.objects.filter(code="x").exists()


def test_anonymous_visitors_are_sent_to_log_in(client, program):
    for url in pages(program).values():
        response = client.post(url, {"code": "x", "name": "x"})
        assert response.status_code == 302 and "login" in response.url
    assert Program.objects.count() == 2


def test_a_used_code_and_a_program_with_cohorts_are_refused_with_the_reason(login, program_admin, program, library):
    client = login(program_admin)
    response = client.post(pages(program)["create"], {"code": "replikasi", "name": "Lagi"})
    assert response.status_code == 200 and response.context["form"].errors["code"]
    ParticipationFactory(library=library, program=program)
    response = client.post(pages(program)["delete"], follow=True)
    assert Program.objects.filter(pk=program.pk).exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
