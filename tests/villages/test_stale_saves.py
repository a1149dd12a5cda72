"""Two people saving one library profile, or one month of figures: the stale save is refused (409)."""

import datetime

import pytest
from django.urls import reverse

from villages.models import LibraryStatistic

from .factories import LibraryStatisticFactory
from .test_library_forms import edit_data, profile_data

STALE_PROFILE = "Orang lain menyimpan profil perpustakaan ini saat Anda sedang mengubahnya."
STALE_MONTH = "Orang lain menyimpan angka Mei 2024 saat Anda sedang mengubahnya."
BAD_VERSION = "Formulir ini telah diubah atau sudah kedaluwarsa, jadi tidak ada yang disimpan."


def update_url(library):
    return reverse("villages:library_update", args=[library.pk])


def test_second_profile_save_from_a_stale_form_is_refused(client, django_user_model, login, regency_staff, library_manager, library):
    opened = edit_data(library)  # both open the form at version 1
    assert login(regency_staff).post(update_url(library), {**opened, "name": "Versi dinas"}).status_code == 302
    response = login(library_manager).post(update_url(library), {**opened, "name": "Versi pengelola"})
    assert response.status_code == 409
    assert STALE_PROFILE in response.content.decode()
    library.refresh_from_db()
    assert (library.name, library.version) == ("Versi dinas", 2)
    # Opened again, the form carries the new version and saves.
    assert login(library_manager).post(update_url(library), edit_data(library, name="Versi pengelola")).status_code == 302
    library.refresh_from_db()
    assert (library.name, library.version) == ("Versi pengelola", 3)


def test_the_form_carries_the_version_hidden(login, regency_staff, library):
    html = login(regency_staff).get(update_url(library)).content.decode()
    assert 'type="hidden" name="version" value="1"' in html


@pytest.mark.parametrize("version", ["abc", "", "0", "-1", "1\x01", "99999999999999"], ids=repr)
def test_tampered_or_missing_profile_version_gets_a_clear_message(login, regency_staff, library, version):
    response = login(regency_staff).post(update_url(library), profile_data(name="Diubah", version=version))
    assert response.status_code == 200
    assert BAD_VERSION in response.content.decode()
    library.refresh_from_db()
    assert library.name != "Diubah" and library.version == 1


def test_registering_needs_no_version(login, regency_staff, juai_village):
    response = login(regency_staff).post(
        reverse("villages:library_create"), profile_data(level="village", village=juai_village.code)
    )
    assert response.status_code == 302


# Monthly figures ---------------------------------------------------------------------


def stat_url(library, month="2024-05"):
    return reverse("villages:library_statistic_edit", args=[library.pk]) + (f"?month={month}" if month else "")


def figures(**overrides):
    data = {"month": "2024-05", "visits_male": "40", "visits_female": "65", "new_members": "7", "total_members": "130", "loans": "90"}
    data.update(overrides)
    return data


@pytest.fixture
def may(library):
    return LibraryStatisticFactory(library=library, month=datetime.date(2024, 5, 1), loans=80)


def test_second_save_of_one_month_from_a_stale_form_is_refused(login, regency_staff, library_manager, library, may):
    opened = login(library_manager).get(stat_url(library))
    assert 'type="hidden" name="version" value="1"' in opened.content.decode()
    assert login(regency_staff).post(stat_url(library), figures(loans="91", version="1")).status_code == 302
    response = login(library_manager).post(stat_url(library), figures(loans="55", version="1"))
    assert response.status_code == 409
    assert STALE_MONTH in response.content.decode()
    may.refresh_from_db()
    assert (may.loans, may.version) == (91, 2)


@pytest.mark.parametrize("version", ["x", "", "2.5"], ids=repr)
def test_tampered_month_version_gets_a_clear_message(login, regency_staff, library, may, version):
    response = login(regency_staff).post(stat_url(library), figures(loans="1", version=version))
    assert response.status_code == 200
    assert BAD_VERSION in response.content.decode()
    may.refresh_from_db()
    assert (may.loans, may.version) == (80, 1)


def test_month_opened_on_existing_figures_is_fixed(login, regency_staff, library, may):
    response = login(regency_staff).post(stat_url(library), figures(month="2024-04", loans="12", version="1"))
    assert response.status_code == 302
    assert list(LibraryStatistic.objects.values_list("month", "loans")) == [(datetime.date(2024, 5, 1), 12)]


def test_blank_form_for_a_month_entered_meanwhile_is_refused(login, regency_staff, library, may):
    response = login(regency_staff).post(stat_url(library, month=None), figures(loans="7"))
    assert response.status_code == 409
    may.refresh_from_db()
    assert (may.loans, may.version) != (7, 2) and may.version == 1
