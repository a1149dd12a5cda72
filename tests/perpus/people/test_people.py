"""The People pages: the scoped, filtered list; an account's page and history; changing
access; deactivating and reactivating."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from perpus.models import AccountEvent
from perpus.scopes import Role
from tests.factories import LibraryFactory, UserFactory, VillageFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def everyone(program_admin, consultant, outside_consultant, province_staff, regency_staff,
             other_regency_staff, library_manager, other_regency_library, outside_library):
    """Accounts across the world; returns the extra library managers by name."""
    return {
        "neighbour_manager": UserFactory(
            username="pengelola_tetangga", role=Role.LIBRARY_MANAGER, library=other_regency_library
        ),
        "bali_manager": UserFactory(
            username="pengelola_bali", role=Role.LIBRARY_MANAGER, library=outside_library
        ),
    }


def names(response):
    return sorted(person.username for person in response.context["page_obj"])


def test_each_role_lists_only_the_people_it_manages(login, everyone, program_admin, province_staff,
                                                    regency_staff):
    assert names(login(regency_staff).get(reverse("people:person_list"))) == ["pengelola"]
    assert names(login(province_staff).get(reverse("people:person_list"))) == [
        "pengelola", "pengelola_tetangga", "staf_balangan", "staf_hsu",
    ]
    assert len(names(login(program_admin).get(reverse("people:person_list")))) == User.objects.count()


@pytest.mark.parametrize("role_fixture", ["consultant", "library_manager", "no_role_user"])
def test_roles_that_invite_nobody_get_403(request, login, role_fixture):
    client = login(request.getfixturevalue(role_fixture))
    assert client.get(reverse("people:person_list")).status_code == 403
    assert client.get(reverse("people:invite")).status_code == 403


def test_anonymous_is_sent_to_log_in(client, library_manager):
    for url in [reverse("people:person_list"), reverse("people:person_detail", args=[library_manager.pk]),
                reverse("people:my_account")]:
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_an_account_out_of_scope_is_404(login, everyone, regency_staff, province_staff):
    bali = everyone["bali_manager"]
    neighbour = everyone["neighbour_manager"]
    client = login(regency_staff)
    for name in ["person_detail", "person_access"]:
        assert client.get(reverse(f"people:{name}", args=[neighbour.pk])).status_code == 404
    assert client.post(reverse("people:person_deactivate", args=[neighbour.pk])).status_code == 404
    # Province staff see neither Bali nor their peers and superiors.
    client = login(province_staff)
    assert client.get(reverse("people:person_detail", args=[bali.pk])).status_code == 404
    assert client.get(reverse("people:person_detail", args=[province_staff.pk])).status_code == 404
    neighbour.refresh_from_db()
    assert neighbour.is_active


def test_filters_by_role_province_regency_and_last_login(login, everyone, program_admin, kalsel,
                                                         balangan, consultant, library_manager):
    client = login(program_admin)
    url = reverse("people:person_list")
    assert names(client.get(url, {"role": Role.CONSULTANT})) == ["konsultan", "konsultan_bali"]
    assert names(client.get(url, {"province": kalsel.pk})) == [
        "konsultan", "pengelola", "pengelola_tetangga", "staf_balangan", "staf_hsu", "staf_prov",
    ]
    assert names(client.get(url, {"province": kalsel.pk, "regency": balangan.pk})) == [
        "pengelola", "staf_balangan",
    ]
    User.objects.filter(pk=consultant.pk).update(last_login=timezone.now() - timedelta(days=40))
    User.objects.filter(pk=library_manager.pk).update(last_login=timezone.now() - timedelta(days=2))
    never = names(client.get(url, {"last_login": "never"}))
    assert "konsultan" not in never and "pengelola" not in never and "pengelola_bali" in never
    stale = names(client.get(url, {"last_login": "30"}))
    assert "konsultan" in stale and "pengelola" not in stale and "pengelola_bali" in stale
    # A bad value is ignored with the form's message, not a server error.
    assert client.get(url, {"last_login": "soon", "province": "xx"}).status_code == 200


def test_the_list_runs_a_fixed_number_of_queries(login, program_admin, kalsel, bali,
                                                 django_assert_max_num_queries):
    for n in range(30):
        village = VillageFactory()
        UserFactory(role=Role.LIBRARY_MANAGER, library=LibraryFactory(village=village))
        UserFactory(role=Role.CONSULTANT, assigned_provinces=[kalsel, bali])
    client = login(program_admin)
    # Session, user, provinces for the filter, count, page, the page's consultants' provinces.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("people:person_list"))
    assert len(response.context["page_obj"]) == 25
    assert response.context["page_obj"].paginator.count == 61


def test_regency_staff_change_a_managers_library_within_their_regency(
    login, regency_staff, library_manager, library, juai_village, other_regency_library
):
    second = LibraryFactory(village=VillageFactory(code="63.11.01.2002", regency=juai_village.regency,
                                                   district=juai_village.district,
                                                   province=juai_village.province))
    client = login(regency_staff)
    url = reverse("people:person_access", args=[library_manager.pk])
    # Out of their regency: the choice is not offered, nothing changes.
    refused = client.post(url, {"role": Role.LIBRARY_MANAGER, "library": other_regency_library.pk})
    assert refused.status_code == 200 and refused.context["form"].errors["library"]
    # A higher role is not offered either.
    refused = client.post(url, {"role": Role.REGENCY_STAFF, "library": second.pk})
    assert refused.context["form"].errors["role"]
    library_manager.refresh_from_db()
    assert library_manager.library == library

    response = client.post(url, {"role": Role.LIBRARY_MANAGER, "library": second.pk})
    assert response.status_code == 302
    library_manager.refresh_from_db()
    assert library_manager.library == second
    event = AccountEvent.objects.get(account=library_manager)
    assert event.actor == regency_staff and event.action == AccountEvent.Action.ACCESS_CHANGED
    assert event.changes == {"library": [str(library), str(second)]}


def test_admin_turns_a_manager_into_province_staff_and_the_history_shows_it(
    login, program_admin, library_manager, kalsel
):
    client = login(program_admin)
    client.post(reverse("people:person_access", args=[library_manager.pk]),
                {"role": Role.PROVINCE_STAFF, "province": kalsel.pk})
    library_manager.refresh_from_db()
    assert (library_manager.role, library_manager.province, library_manager.library) == (
        Role.PROVINCE_STAFF, kalsel, None
    )
    page = client.get(reverse("people:person_detail", args=[library_manager.pk])).content.decode()
    assert "Peran atau wilayah diubah" in page and "Staf dinas provinsi" in page
    assert "Kalimantan Selatan" in page


def test_deactivate_and_reactivate(login, client, regency_staff, library_manager):
    staff = login(regency_staff)
    url = reverse("people:person_deactivate", args=[library_manager.pk])
    assert staff.get(url).status_code == 405
    assert staff.post(url).status_code == 302
    library_manager.refresh_from_db()
    assert not library_manager.is_active
    staff.post(reverse("people:person_reactivate", args=[library_manager.pk]))
    library_manager.refresh_from_db()
    assert library_manager.is_active
    assert list(
        AccountEvent.objects.filter(account=library_manager).values_list("action", "actor")
    ) == [(AccountEvent.Action.REACTIVATED, regency_staff.pk),
          (AccountEvent.Action.DEACTIVATED, regency_staff.pk)]


def test_nobody_deactivates_themselves(login, program_admin):
    client = login(program_admin)
    client.post(reverse("people:person_deactivate", args=[program_admin.pk]))
    program_admin.refresh_from_db()
    assert program_admin.is_active and not AccountEvent.objects.exists()


def test_the_nav_links_people_for_those_who_invite(login, regency_staff, library_manager):
    people = reverse("people:person_list")
    assert people in login(regency_staff).get(reverse("start")).content.decode()
    page = login(library_manager).get(reverse("start")).content.decode()
    assert people not in page and reverse("people:my_account") in page
