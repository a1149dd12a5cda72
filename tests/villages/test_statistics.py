"""Monthly statistics: one row per month, re-entering updates it, scope matrix."""

import datetime
import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from villages.models import LibraryStatistic

from .factories import LibraryStatisticFactory


def url(library):
    return reverse("villages:library_statistic_edit", args=[library.pk])


def figures(month="2024-05", **overrides):
    data = {
        "month": month,
        "visits_male": "40",
        "visits_female": "65",
        "new_members": "7",
        "total_members": "130",
        "loans": "90",
    }
    data.update(overrides)
    return data


def test_manager_enters_month(login, library_manager, library):
    response = login(library_manager).post(url(library), figures())
    assert response.status_code == 302
    row = LibraryStatistic.objects.get(library=library)
    assert (row.month, row.visits, row.loans) == (datetime.date(2024, 5, 1), 105, 90)


def test_entering_a_month_already_entered_changes_nothing_and_says_where_to_look(login, regency_staff, library):
    client = login(regency_staff)
    client.post(url(library), figures())
    response = client.post(url(library), figures(visits_female="70"))
    assert response.status_code == 409
    assert "Angka untuk Mei 2024 sudah pernah diisi" in response.content.decode()
    row = LibraryStatistic.objects.get(library=library)
    assert LibraryStatistic.objects.count() == 1
    assert row.visits_female != 70


def test_full_date_is_stored_as_first_of_month(login, regency_staff, library):
    login(regency_staff).post(url(library), figures(month="2024-05-17"))
    assert LibraryStatistic.objects.get().month == datetime.date(2024, 5, 1)


def test_existing_month_prefills_form(login, regency_staff, library):
    LibraryStatisticFactory(library=library, month=datetime.date(2024, 3, 1), loans=33)
    response = login(regency_staff).get(url(library) + "?month=2024-03")
    assert response.context["form"]["loans"].value() == 33
    assert 'value="2024-03"' in response.content.decode()


@pytest.mark.parametrize(
    "overrides, field",
    [({"month": "2999-01"}, "month"), ({"month": "bulan lalu"}, "month"), ({"loans": "-3"}, "loans")],
)
def test_bad_input_changes_nothing(login, regency_staff, library, overrides, field):
    response = login(regency_staff).post(url(library), figures(**overrides))
    assert field in response.context["form"].errors
    assert not LibraryStatistic.objects.exists()


def test_database_refuses_two_rows_for_one_month(library):
    LibraryStatisticFactory(library=library)
    with pytest.raises(IntegrityError), transaction.atomic():
        LibraryStatistic.objects.create(library=library, month=datetime.date(2024, 5, 1))


@pytest.mark.parametrize(
    "role, target, status",
    [
        ("consultant", "library", 403),
        ("province_staff", "library", 403),
        ("other_regency_staff", "library", 404),
        ("library_manager", "other_regency_library", 404),
        ("outside_consultant", "library", 404),
        ("no_role_user", "library", 404),
    ],
)
def test_scope_matrix(request, login, role, target, status):
    client = login(request.getfixturevalue(role))
    library = request.getfixturevalue(target)
    assert client.get(url(library)).status_code == status
    assert client.post(url(library), figures()).status_code == status
    assert not LibraryStatistic.objects.exists()


def test_anonymous_redirected(client, library):
    response = client.post(url(library), figures())
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not LibraryStatistic.objects.exists()


def test_consultant_reads_statistics_on_page(login, consultant, library):
    LibraryStatisticFactory(library=library, loans=4321)
    html = login(consultant).get(library.get_absolute_url()).content.decode()
    assert "4.321" in html or "4,321" in html
    assert url(library) not in html


# On a phone (390 px) the hidden "Actions" header stays inside the table's scrolling wrapper.


def test_hidden_actions_header_is_inside_a_positioned_scrolling_wrapper(login, regency_staff, library):
    LibraryStatisticFactory(library=library, month=datetime.date(2024, 5, 1))
    html = login(regency_staff).get(library.get_absolute_url()).content.decode()
    wrapper = re.search(r'<div class="([^"]*)" id="statistics-table">(.*?)</table>', html, re.S)
    assert wrapper, "the statistics table has its wrapper"
    classes = wrapper.group(1).split()
    # A visually hidden label is absolutely positioned: its containing block must be
    # inside the overflow wrapper, or it widens the page (browser test: test_phone_width_browser).
    assert "table-responsive" in classes and "position-relative" in classes
    assert 'class="visually-hidden"' in wrapper.group(2)
