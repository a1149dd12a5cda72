"""Activity pages: lists, detail, entry form; the scope matrix and the concurrent-edit refusal."""

import datetime

import pytest
from django.urls import reverse

from activities.models import Activity, RecordEvent

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def is_login_redirect(response):
    return response.status_code == 302 and reverse("login") in response["Location"]


def form_data(library, **overrides):
    data = {
        "title": "Pelatihan kerajinan",
        "kind": "community",
        "level": "village",
        "library": library.pk,
        "start_date": "2024-06-01",
        "end_date": "2024-06-02",
        "venue": "Balai desa",
        "participants_male": "4",
        "participants_female": "6",
        "participants_children": "0",
        "participants_youth": "3",
        "participants_adults": "7",
        "participants_elderly": "0",
        "participants_disabled": "0",
        "participants_umkm": "0",
        "funding_source": "dana_desa",
        "funding_amount": "500000",
    }
    data.update(overrides)
    return data


# --- lists -------------------------------------------------------------------------------


def test_scope_list_shows_drafts_of_the_scope_only(login, library_manager, draft, other_regency_library):
    other = ActivityFactory(library=other_regency_library, title="Tetangga")
    response = login(library_manager).get(reverse("activities:activity_list"))
    assert list(response.context["activities"]) == [draft]
    assert other.title not in response.content.decode()


def test_scope_list_needs_login(client):
    assert is_login_redirect(client.get(reverse("activities:activity_list")))


def test_public_list_shows_verified_only(client, library, draft):
    verified = ActivityFactory(library=library, status="verified", title="Sudah diverifikasi")
    response = client.get(reverse("activities:activity_public_list"))
    assert list(response.context["activities"]) == [verified]
    assert draft.title not in response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"kind": "training"}, {"training"}),
        ({"level": "regency"}, {"regency"}),
        ({"status": "verified"}, {"verified"}),
        ({"regency": "63.08"}, {"hsu"}),
        ({"province": "51"}, {"bali"}),
        ({"date_from": "2024-02-01", "date_to": "2024-02-28"}, {"february"}),
    ],
)
def test_list_filters(login, program_admin, library, regency_library, other_regency_library, outside_library, query, expected):
    ActivityFactory(library=library, title="training", kind="training", training_type="spptik")
    ActivityFactory(library=regency_library, title="regency", level="regency")
    ActivityFactory(library=library, title="verified", status="verified")
    ActivityFactory(library=other_regency_library, title="hsu")
    ActivityFactory(library=outside_library, title="bali")
    ActivityFactory(library=library, title="february", start_date=datetime.date(2024, 2, 10))
    response = login(program_admin).get(reverse("activities:activity_list"), query)
    assert {a.title for a in response.context["activities"]} == expected


@pytest.mark.parametrize("public", [False, True])
def test_reversed_date_range_is_an_error_and_not_applied(client, login, program_admin, library, outside_library, public):
    """`?date_from=2026-12-10&date_to=2026-12-01` showed "0 kegiatan" with no word. The end date
    now says what is wrong, the range narrows nothing, and the other valid filters apply."""
    ActivityFactory(library=library, title="Desember", status="verified", start_date=datetime.date(2026, 12, 5))
    ActivityFactory(library=library, title="Februari", status="verified", start_date=datetime.date(2025, 2, 1))
    ActivityFactory(library=outside_library, title="Bali", status="verified", start_date=datetime.date(2026, 12, 5))
    query = {"date_from": "2026-12-10", "date_to": "2026-12-01", "province": "63"}
    if public:
        response = client.get(reverse("activities:activity_public_list"), query)
    else:
        response = login(program_admin).get(reverse("activities:activity_list"), query)
    assert response.context["filter_form"].errors == {"date_to": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]}
    assert {a.title for a in response.context["activities"]} == {"Desember", "Februari"}
    page = response.content.decode()
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in page and "2 kegiatan" in page


def test_reversed_date_range_error_in_english(client, library):
    from tests.languages import use_language

    response = use_language(client, "en").get(
        reverse("activities:activity_public_list"), {"date_from": "2026-12-10", "date_to": "2026-12-01"}
    )
    assert "The end date cannot be before the start date." in response.content.decode()


@pytest.mark.parametrize("page_size", [1, 20])
def test_list_queries_do_not_grow_with_page_size(login, program_admin, library, regency_library, django_assert_num_queries, page_size):
    for _ in range(25):
        ActivityFactory(library=library)
        ActivityFactory(library=regency_library)
    client = login(program_admin)
    # user (the session is read from the cache), chosen province, count, page, province and
    # regency choices of the filters, the navigation's unread notifications
    with django_assert_num_queries(7):
        response = client.get(reverse("activities:activity_list"), {"per_page": page_size, "province": "63"})
    assert len(response.context["activities"]) == page_size


@pytest.mark.parametrize("page_size", [1, 20])
def test_public_list_queries_do_not_grow(client, library, django_assert_num_queries, page_size):
    for _ in range(25):
        ActivityFactory(library=library, status="verified")
    with django_assert_num_queries(3):
        response = client.get(reverse("activities:activity_public_list"), {"per_page": page_size})
    assert len(response.context["activities"]) == page_size


# --- detail ------------------------------------------------------------------------------


def test_detail_in_scope_shows_draft_and_actions(login, library_manager, draft):
    response = login(library_manager).get(reverse("activities:activity_detail", args=[draft.pk]))
    body = response.content.decode()
    assert response.context["in_scope"]
    assert reverse("activities:activity_submit", args=[draft.pk]) in body
    assert reverse("activities:activity_update", args=[draft.pk]) in body


def test_detail_of_draft_is_404_outside_scope(login, other_regency_staff, draft):
    assert login(other_regency_staff).get(reverse("activities:activity_detail", args=[draft.pk])).status_code == 404


def test_detail_of_draft_sends_anonymous_to_login(client, draft):
    assert is_login_redirect(client.get(reverse("activities:activity_detail", args=[draft.pk])))


def test_verified_detail_is_public_without_actions(client, library):
    activity = ActivityFactory(library=library, status="verified")
    response = client.get(reverse("activities:activity_detail", args=[activity.pk]))
    assert response.status_code == 200 and not response.context["in_scope"]
    assert "/submit/" not in response.content.decode()
    assert reverse("activities:activity_history", args=[activity.pk]) not in response.content.decode()


def test_reviewer_sees_verify_and_return_only_when_allowed(login, consultant, regency_staff, awaiting_verification):
    url = reverse("activities:activity_detail", args=[awaiting_verification.pk])
    verify = reverse("activities:activity_verify", args=[awaiting_verification.pk])
    ret = reverse("activities:activity_return", args=[awaiting_verification.pk])
    body = login(consultant).get(url).content.decode()
    assert verify in body and ret in body
    body = login(regency_staff).get(url).content.decode()
    assert verify not in body and ret not in body


# --- create --------------------------------------------------------------------------------


def test_create_form_defaults_to_the_users_agency(login, regency_staff, regency_library, library):
    response = login(regency_staff).get(reverse("activities:activity_create"))
    form = response.context["form"]
    assert form.initial["library"] == regency_library.pk
    assert form.initial["level"] == "regency"
    assert form.initial["regions"] == ["63.11"]
    body = response.content.decode()
    assert 'type="date"' in body and 'id="participants-total"' in body and 'data-kinds="training"' in body


def test_create_form_defaults_for_library_manager_and_province(login, library_manager, library, province_staff, province_library):
    form = login(library_manager).get(reverse("activities:activity_create")).context["form"]
    assert (form.initial["library"], form.initial["level"]) == (library.pk, "village")
    assert list(form.fields["library"].queryset) == [library]
    form = login(province_staff).get(reverse("activities:activity_create")).context["form"]
    assert (form.initial["library"], form.initial["level"]) == (province_library.pk, "province")


def test_create_saves_a_draft_with_history(login, regency_staff, regency_library, library):
    response = login(regency_staff).post(
        reverse("activities:activity_create"), form_data(regency_library, libraries=[library.pk], regions=["63.11"])
    )
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert (activity.status, activity.created_by, activity.participants_total) == ("draft", regency_staff, 10)
    assert list(activity.libraries.all()) == [library]
    assert RecordEvent.objects.for_record(activity).get().action == "created"


def test_create_refuses_a_library_outside_scope(login, regency_staff, regency_library, other_regency_library):
    response = login(regency_staff).post(reverse("activities:activity_create"), form_data(other_regency_library))
    assert response.status_code == 200 and "library" in response.context["form"].errors
    response = login(regency_staff).post(
        reverse("activities:activity_create"), form_data(regency_library, libraries=[other_regency_library.pk])
    )
    assert "libraries" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_create_shows_errors_next_to_fields(login, regency_staff, regency_library):
    response = login(regency_staff).post(
        reverse("activities:activity_create"),
        form_data(regency_library, end_date="2024-05-01", participants_umkm="50", kind="training"),
    )
    errors = response.context["form"].errors
    assert {"end_date", "participants_children", "training_type"} <= set(errors)
    assert not Activity.objects.exists()


def test_create_is_403_for_consultants_and_login_for_anonymous(login, consultant, client):
    assert is_login_redirect(client.get(reverse("activities:activity_create")))
    assert login(consultant).get(reverse("activities:activity_create")).status_code == 403


# --- update --------------------------------------------------------------------------------


def test_update_changes_the_record(login, library_manager, draft, library):
    url = reverse("activities:activity_update", args=[draft.pk])
    response = login(library_manager).post(url, form_data(library, title="Judul baru", version=1))
    assert response.status_code == 302
    row = Activity.objects.get(pk=draft.pk)
    assert (row.title, row.version) == ("Judul baru", 2)


def test_update_scope_matrix(login, client, draft, other_regency_staff, consultant):
    url = reverse("activities:activity_update", args=[draft.pk])
    assert is_login_redirect(client.get(url))
    assert login(other_regency_staff).get(url).status_code == 404
    assert login(consultant).get(url).status_code == 403


def test_stale_save_is_refused_with_a_clear_message(login, library_manager, regency_staff, draft, library):
    url = reverse("activities:activity_update", args=[draft.pk])
    version = login(library_manager).get(url).context["form"]["version"].value()
    assert login(regency_staff).post(url, form_data(library, title="Versi staf", version=version)).status_code == 302
    response = login(library_manager).post(url, form_data(library, title="Versi pengelola", version=version))
    assert response.status_code == 409
    assert "Orang lain menyimpan data ini" in response.content.decode()
    row = Activity.objects.get(pk=draft.pk)
    assert (row.title, row.version) == ("Versi staf", version + 1)


def test_submitted_record_cannot_be_edited(login, regency_staff, awaiting_verification):
    url = reverse("activities:activity_update", args=[awaiting_verification.pk])
    client = login(regency_staff)
    assert client.get(url).status_code == 403
    assert client.post(url, {"title": "Diubah"}).status_code == 403
    awaiting_verification.refresh_from_db()
    assert awaiting_verification.title == "Rakor kabupaten"


# The list says the number of participants was not recorded, as the page does (not "0 peserta").


def test_activity_list_says_participants_not_recorded(login, regency_staff, library):
    ActivityFactory(library=library, status="verified", participants_male=0, participants_female=0, title="Tanpa")
    ActivityFactory(library=library, status="verified", participants_male=1, participants_female=2, title="Dengan")
    for client in (login(regency_staff),):
        html = client.get(reverse("activities:activity_list")).content.decode()
        assert "0 peserta" not in html.replace("3 peserta", "") and "peserta tidak dicatat" in html
        assert "3 peserta" in html
