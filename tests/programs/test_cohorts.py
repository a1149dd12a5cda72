"""Programs and cohorts: the program admin edits; others read within their scope."""

import pytest
from django.urls import reverse

from programs.models import FundingSource, Participation, Program

from .factories import ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tpbis(db):
    return Program.objects.get(code="tpbis")


def test_tpbis_program_exists_from_migration(tpbis):
    assert tpbis.started_year == 2018


def test_admin_creates_cohort_entry(login, program_admin, library, tpbis):
    client = login(program_admin)
    url = reverse("programs:participation_create") + f"?regency={library.regency_id}"
    page = client.get(url)
    assert library in page.context["form"].fields["library"].queryset
    response = client.post(
        url,
        {
            "library": library.pk,
            "program": tpbis.pk,
            "year": 2022,
            "funding_source": FundingSource.APBD,
            "books_received": 500,
            "computers_received": 2,
            "printer_received": "on",
            "notes": "Replikasi",
        },
    )
    assert response.status_code == 302
    entry = Participation.objects.get(library=library)
    assert (entry.year, entry.funding_source, entry.books_received, entry.printer_received) == (
        2022, FundingSource.APBD, 500, True
    )


def test_library_choices_are_narrowed_to_the_regency(login, program_admin, library, other_regency_library):
    client = login(program_admin)
    page = client.get(reverse("programs:participation_create") + f"?regency={library.regency_id}")
    choices = page.context["form"].fields["library"].queryset
    assert library in choices and other_regency_library not in choices
    # Without a regency only agency libraries are listed, never every village library.
    page = client.get(reverse("programs:participation_create"))
    assert library not in page.context["form"].fields["library"].queryset


def test_duplicate_cohort_entry_is_refused(login, program_admin, library, tpbis):
    ParticipationFactory(library=library, program=tpbis, year=2022)
    response = login(program_admin).post(
        reverse("programs:participation_create") + f"?regency={library.regency_id}",
        {"library": library.pk, "program": tpbis.pk, "year": 2022, "funding_source": "apbn",
         "books_received": 0, "computers_received": 0},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Participation.objects.count() == 1
    # Indonesian by default: a clear message, not Django's "... ini tidak ada".
    page = response.content.decode()
    assert "sudah ada dalam kohort" in page
    assert "tidak ada" not in page


@pytest.mark.parametrize("value", ["%01", "63.11%01", "x", "99.99"])
def test_bad_regency_filter_is_ignored(login, program_admin, library, tpbis, value):
    entry = ParticipationFactory(library=library, program=tpbis)
    client = login(program_admin)
    response = client.get(reverse("programs:participation_create") + f"?regency={value}")
    assert response.status_code == 200
    assert library not in response.context["form"].fields["library"].queryset
    response = client.get(reverse("programs:participation_update", args=[entry.pk]) + f"?regency={value}")
    assert response.status_code == 200
    assert library in response.context["form"].fields["library"].queryset


@pytest.mark.parametrize("param", ["year", "program", "funding"])
def test_list_filters_ignore_nul_and_odd_digits(login, program_admin, param):
    client = login(program_admin)
    for value in ("%01", "%C2%B9", "1%01"):
        assert client.get(reverse("programs:participation_list") + f"?{param}={value}").status_code == 200


def test_list_is_scoped(login, consultant, library, outside_library, tpbis):
    ParticipationFactory(library=library, program=tpbis)
    ParticipationFactory(library=outside_library, program=tpbis)
    response = login(consultant).get(reverse("programs:participation_list"))
    assert [p.library for p in response.context["participations"]] == [library]
    assert response.context["can_create"] is False


def test_others_cannot_create(login, consultant, regency_staff, no_role_user, client):
    url = reverse("programs:participation_create")
    assert login(consultant).get(url).status_code == 403
    assert login(regency_staff).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_update_and_delete_scope(login, program_admin, regency_staff, other_regency_staff, library, tpbis, client):
    entry = ParticipationFactory(library=library, program=tpbis)
    update = reverse("programs:participation_update", args=[entry.pk])
    delete = reverse("programs:participation_delete", args=[entry.pk])
    assert login(other_regency_staff).get(update).status_code == 404
    assert login(regency_staff).get(update).status_code == 403
    assert login(regency_staff).post(delete).status_code == 403
    client.logout()
    assert client.get(update).status_code == 302
    admin = login(program_admin)
    assert admin.get(delete).status_code == 200  # confirmation page
    assert Participation.objects.filter(pk=entry.pk).exists()
    assert admin.post(delete).status_code == 302
    assert not Participation.objects.filter(pk=entry.pk).exists()


def test_program_admin_manages_programs(login, program_admin, consultant, tpbis, client):
    admin = login(program_admin)
    response = admin.post(
        reverse("programs:program_create"), {"code": "csr-bank", "name": "CSR Bank", "is_active": "on"}
    )
    assert response.status_code == 302
    program = Program.objects.get(code="csr-bank")
    admin.post(reverse("programs:program_update", args=[program.pk]), {"code": "csr-bank", "name": "CSR Bank Kalsel"})
    program.refresh_from_db()
    assert program.name == "CSR Bank Kalsel"
    assert admin.post(reverse("programs:program_delete", args=[program.pk])).status_code == 302
    assert not Program.objects.filter(code="csr-bank").exists()
    listing = login(consultant).get(reverse("programs:program_list"))
    assert tpbis in listing.context["programs"] and listing.context["can_edit"] is False
    assert login(consultant).post(reverse("programs:program_create"), {"code": "x", "name": "x"}).status_code == 403
    assert not Program.objects.filter(code="x").exists()


def test_program_with_cohorts_is_not_deleted(login, program_admin, library, tpbis):
    ParticipationFactory(library=library, program=tpbis)
    login(program_admin).post(reverse("programs:program_delete", args=[tpbis.pk]))
    assert Program.objects.filter(pk=tpbis.pk).exists()


def test_program_list_needs_a_role(login, no_role_user, client):
    assert login(no_role_user).get(reverse("programs:program_list")).status_code == 403
    client.logout()
    assert client.get(reverse("programs:program_list")).status_code == 302


def test_nul_bytes_in_the_cohort_form_change_nothing(login, program_admin, library, tpbis):
    url = reverse("programs:participation_create") + f"?regency={library.regency_id}"
    data = {"library": "\x00", "program": f"{tpbis.pk}\x00", "year": "2022\x00", "funding_source": "\x00",
            "books_received": "\x00", "computers_received": "0", "notes": "a\x00b"}
    response = login(program_admin).post(url, data)
    assert response.status_code == 400  # perpus.middleware refuses NUL bytes
    assert not Participation.objects.exists()
