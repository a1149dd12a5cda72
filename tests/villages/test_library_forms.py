"""Registering a library and editing its profile: scope matrix and form narrowing."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import VillageFactory
from villages.models import Library, LibraryLevel, OpeningHours

CREATE = reverse("villages:library_create")


def profile_data(**overrides):
    data = {
        "name": "Perpustakaan Desa Baru",
        "npp": "",
        "description": "Taman baca desa.",
        "address": "Jl. Desa 1",
        "latitude": "-2.305600",
        "longitude": "115.398000",
        "manager_name": "Siti Rahmah",
        "manager_phone": "0812-5555-0101",
        "contact_email": "perpusdes@example.org",
        "floor_area_m2": "60",
        "collection_titles": "1200",
        "collection_copies": "2500",
        "staff_count": "2",
        "computers_in_service": "3",
        "has_internet": "on",
        "internet_kind": "mobile",
        "accreditation": "",
        "facebook_url": "facebook.com/perpusdesbaru",
        "instagram_url": "",
        "youtube_url": "",
        "website_url": "",
        "is_published": "on",
        "mon_opens": "08:00",
        "mon_closes": "14:00",
        "sat_opens": "09:00",
        "sat_closes": "12:00",
    }
    data.update(overrides)
    return data


@pytest.fixture
def lampihong_village(balangan):
    return VillageFactory(code="63.11.05.2005", name="Lampihong Kanan")


@pytest.fixture
def hsu_village(hulu_sungai_utara):
    return VillageFactory(code="63.08.02.2002", name="Desa Utara")


def test_regency_staff_registers_village_library_by_name(login, regency_staff, lampihong_village):
    client = login(regency_staff)
    response = client.post(CREATE, profile_data(level="village", village="lampihong kanan"))
    library = Library.objects.select_related("province", "regency").get(name="Perpustakaan Desa Baru")
    assert response.status_code == 302
    assert response["Location"] == library.get_absolute_url()
    assert library.get_absolute_url() == "/perpustakaan/kalimantan-selatan/kabupaten-balangan/perpustakaan-desa-baru/"
    assert (library.level, library.village_id, library.regency_id, library.province_id) == (
        LibraryLevel.VILLAGE,
        "63.11.05.2005",
        "63.11",
        "63",
    )
    assert library.manager_phone == "0812-5555-0101"
    assert library.facebook_url == "https://facebook.com/perpusdesbaru"
    hours = list(OpeningHours.objects.filter(library=library).order_by("weekday"))
    assert [(h.weekday, h.opens, h.closes, h.minutes) for h in hours] == [
        (0, datetime.time(8), datetime.time(14), 360),
        (5, datetime.time(9), datetime.time(12), 180),
    ]


def test_village_picked_from_search_text_with_code(login, regency_staff, lampihong_village):
    text = "Lampihong Kanan, Juai, Kabupaten Balangan (63.11.05.2005)"
    login(regency_staff).post(CREATE, profile_data(level="village", village=text))
    assert Library.objects.get(name="Perpustakaan Desa Baru").village_id == "63.11.05.2005"


def test_regency_staff_cannot_register_in_other_regency(
    login, regency_staff, lampihong_village, hsu_village
):
    response = login(regency_staff).post(CREATE, profile_data(level="village", village=hsu_village.code))
    assert response.status_code == 200
    assert "village" in response.context["form"].errors
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_regency_staff_form_offers_only_their_levels(login, regency_staff, lampihong_village):
    form = login(regency_staff).get(CREATE).context["form"]
    assert [value for value, _label in form.fields["level"].choices] == ["regency", "village"]
    assert list(form.fields["regency"].queryset.values_list("pk", flat=True)) == ["63.11"]
    assert "province" not in form.fields


def test_regency_staff_registers_regency_library(login, regency_staff, balangan):
    login(regency_staff).post(CREATE, profile_data(level="regency", regency="63.11"))
    library = Library.objects.get(name="Perpustakaan Desa Baru")
    assert (library.level, library.regency_id, library.village_id) == ("regency", "63.11", None)


def test_regency_staff_cannot_pick_other_regency(login, regency_staff, hulu_sungai_utara):
    response = login(regency_staff).post(CREATE, profile_data(level="regency", regency="63.08"))
    assert "regency" in response.context["form"].errors
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_regency_staff_cannot_post_province_level(login, regency_staff, kalsel):
    response = login(regency_staff).post(CREATE, profile_data(level="province", province="63"))
    assert "level" in response.context["form"].errors
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def test_province_staff_registers_province_library_only(login, province_staff, lampihong_village):
    client = login(province_staff)
    form = client.get(CREATE).context["form"]
    assert [value for value, _label in form.fields["level"].choices] == ["province"]
    refused = client.post(CREATE, profile_data(level="village", village=lampihong_village.code))
    assert "level" in refused.context["form"].errors
    client.post(CREATE, profile_data(level="province", province="63"))
    library = Library.objects.get(name="Perpustakaan Desa Baru")
    assert (library.level, library.province_id, library.regency_id) == ("province", "63", None)


@pytest.mark.parametrize("role", ["consultant", "library_manager", "no_role_user"])
def test_other_roles_may_not_register(request, login, role):
    user = request.getfixturevalue(role)
    assert login(user).get(CREATE).status_code == 403


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(CREATE)
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_bad_hours_are_refused_with_message(login, regency_staff, lampihong_village):
    response = login(regency_staff).post(
        CREATE,
        profile_data(level="village", village=lampihong_village.code, mon_closes="07:00", sat_closes=""),
    )
    errors = response.context["form"].errors
    assert "mon_closes" in errors and "sat_closes" in errors
    assert not Library.objects.filter(name="Perpustakaan Desa Baru").exists()


def update_url(library):
    return reverse("villages:library_update", args=[library.pk])


def edit_data(library, **overrides):
    """Profile form data carrying the library's current version, as the form would."""
    library.refresh_from_db(fields=["version"])
    return profile_data(version=str(library.version), **overrides)


def test_manager_edits_own_profile_not_region(login, library_manager, library, other_regency_library):
    data = edit_data(library, name="Perpustakaan Juai Cerdas", level="village", village=other_regency_library.village_id)
    response = login(library_manager).post(update_url(library), data)
    assert response.status_code == 302
    library.refresh_from_db()
    assert library.name == "Perpustakaan Juai Cerdas"
    assert library.village_id == "63.11.01.2001"  # the place is not part of the profile form
    assert library.opening_hours.count() == 2


def test_editing_replaces_opening_hours(login, regency_staff, library):
    client = login(regency_staff)
    assert client.post(update_url(library), edit_data(library)).status_code == 302
    client.post(update_url(library), edit_data(library, mon_opens="", mon_closes="", sat_opens="", sat_closes="", tue_opens="07:30", tue_closes="15:00"))
    assert [(h.weekday, h.minutes) for h in library.opening_hours.all()] == [(1, 450)]


@pytest.mark.parametrize(
    "role, target, status",
    [
        ("library_manager", "other_regency_library", 404),
        ("regency_staff", "other_regency_library", 404),
        ("regency_staff", "outside_library", 404),
        ("consultant", "library", 403),
        ("province_staff", "library", 403),
        ("outside_consultant", "library", 404),
        ("no_role_user", "library", 404),
    ],
)
def test_update_scope_matrix(request, login, role, target, status):
    user = request.getfixturevalue(role)
    library = request.getfixturevalue(target)
    client = login(user)
    assert client.get(update_url(library)).status_code == status
    assert client.post(update_url(library), edit_data(library, name="Hijacked")).status_code == status
    library.refresh_from_db()
    assert library.name != "Hijacked"


def test_province_staff_edits_province_library(login, province_staff, province_library):
    assert login(province_staff).post(update_url(province_library), edit_data(province_library, name="Dispersip Kalsel")).status_code == 302
    province_library.refresh_from_db()
    assert province_library.name == "Dispersip Kalsel"


def test_update_form_is_prefilled_with_hours(login, regency_staff, library):
    client = login(regency_staff)
    assert client.post(update_url(library), edit_data(library)).status_code == 302
    form = client.get(update_url(library)).context["form"]
    assert form["mon_opens"].value() == datetime.time(8)
    assert 'type="time"' in str(form["mon_opens"])
