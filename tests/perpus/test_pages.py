"""Site-wide pages: language, log in/out, password reset, error pages and the start page."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db

HOME_ID = "Perpustakaan yang mengubah hidup"
HOME_EN = "Libraries that change lives"


def text(response):
    return response.content.decode()


def switch_language(client, language, next_url="/"):
    response = client.post(reverse("people:set_language"), {"language": language, "next": next_url})
    assert response.status_code == 302
    assert response.url == next_url
    return response


# Language --------------------------------------------------------------------


def test_home_is_indonesian_then_english_after_the_switch(client, library):
    page = text(client.get(reverse("home")))
    assert '<html lang="id">' in page
    assert HOME_ID in page and HOME_EN not in page
    assert 'name="language" value="en"' in page  # the switch offers English

    switch_language(client, "en")
    page = text(client.get(reverse("home")))
    assert '<html lang="en">' in page
    assert HOME_EN in page and HOME_ID not in page
    assert 'name="language" value="id"' in page

    switch_language(client, "id")
    assert HOME_ID in text(client.get(reverse("home")))


def test_browser_language_does_not_override_indonesian(client):
    """Phones set to English still get Indonesian until the visitor uses the switch."""
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert HOME_ID in text(response)
    assert response["Content-Language"] == "id"
    assert "Cookie" in response["Vary"]


def test_unknown_language_cookie_falls_back_to_indonesian(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert HOME_ID in text(client.get(reverse("home")))


def test_language_switch_keeps_the_page(client):
    target = reverse("login")
    switch_language(client, "en", next_url=target)
    assert "Log in" in text(client.get(target))


def test_home_figures_count_published_libraries(client, library, regency_library, outside_library):
    regency_library.is_published = False
    regency_library.save()
    sections = {part.key: part.data for part in client.get(reverse("home")).context["sections"]}
    totals = sections["libraries"]["figures"]
    assert totals == {"libraries": 2, "village_libraries": 2, "provinces": 2, "regencies": 2}


# Log in and out ----------------------------------------------------------------


def test_log_in_and_out(client, regency_staff):
    response = client.post(
        reverse("login"), {"username": "staf_balangan", "password": "secret-pass-123"}
    )
    assert response.status_code == 302
    assert response.url == reverse("start")
    assert "Staf Dinas Kabupaten Balangan" in text(client.get(reverse("start")))

    assert client.get(reverse("logout")).status_code == 405  # logging out changes state: POST only
    assert client.get(reverse("start")).status_code == 200  # ... so a GET left us logged in

    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert response.url == reverse("home")
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_wrong_password_shows_a_message_and_does_not_log_in(client, regency_staff):
    response = client.post(reverse("login"), {"username": "staf_balangan", "password": "wrong"})
    assert response.status_code == 200
    # Our wording, not Django's, whose Indonesian reads "nama pengguna nama pengguna".
    assert "Masukkan nama pengguna dan kata sandi yang benar." in text(response)
    assert "nama pengguna nama pengguna" not in text(response)
    assert "_auth_user_id" not in client.session


def test_login_page_sends_signed_in_users_to_their_start_page(login, regency_staff):
    response = login(regency_staff).get(reverse("login"))
    assert response.status_code == 302
    assert response.url == reverse("start")


def test_inactive_user_cannot_log_in(client, regency_staff):
    regency_staff.is_active = False
    regency_staff.save()
    client.post(reverse("login"), {"username": "staf_balangan", "password": "secret-pass-123"})
    assert "_auth_user_id" not in client.session


# Password reset ------------------------------------------------------------------


def test_password_reset_end_to_end(client, regency_staff):
    response = client.post(reverse("password_reset"), {"email": regency_staff.email})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [regency_staff.email]
    assert message.subject == "Perpus: pilih kata sandi baru"
    link = re.search(r"https?://testserver(/\S+)", message.body).group(1)

    # Django swaps the token for a session value and redirects to ".../set-password/".
    response = client.get(link)
    assert response.status_code == 302
    form_url = response.url
    response = client.get(form_url)
    assert response.context["validlink"] is True

    response = client.post(
        form_url, {"new_password1": "Buku-Desa-2026!", "new_password2": "Buku-Desa-2026!"}
    )
    assert response.status_code == 302
    assert response.url == reverse("password_reset_complete")

    assert client.login(username="staf_balangan", password="Buku-Desa-2026!")
    assert not client.login(username="staf_balangan", password="secret-pass-123")

    # The link works only once.
    client.logout()
    response = client.get(link, follow=True)
    assert response.context["validlink"] is False
    assert "Tautan ini tidak berlaku lagi" in text(response)


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, regency_staff):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "Periksa email Anda" in text(response)
    assert mail.outbox == []


def test_password_reset_email_in_english_after_the_switch(client, regency_staff):
    switch_language(client, "en")
    client.post(reverse("password_reset"), {"email": regency_staff.email})
    assert mail.outbox[0].subject == "Perpus: choose a new password"
    assert "Open this link to choose a new password" in mail.outbox[0].body


# Error pages ---------------------------------------------------------------------


ERRORS = {
    # status: (Indonesian, English)
    403: ("Anda tidak boleh melakukan ini", "You may not do this"),
    404: ("Halaman tidak ditemukan", "Page not found"),
    500: ("Terjadi kesalahan", "Something went wrong"),
}


@pytest.fixture
def error_client(client, settings):
    settings.ROOT_URLCONF = "tests.perpus.error_urls"
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("status", sorted(ERRORS))
@pytest.mark.parametrize("language", ["id", "en"])
def test_error_pages_in_both_languages(error_client, status, language):
    if language == "en":
        switch_language(error_client, "en")
    indonesian, english = ERRORS[status]
    response = error_client.get(f"/test-errors/{status}/")
    assert response.status_code == status
    page = text(response)
    assert f'<html lang="{language}">' in page
    expected, other = (indonesian, english) if language == "id" else (english, indonesian)
    assert expected in page
    assert other not in page


def test_unknown_address_gets_the_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in text(response)


def test_expired_form_token_gets_a_friendly_403(regency_staff):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "staf_balangan", "password": "x"})
    assert response.status_code == 403
    assert "Formulir sudah kedaluwarsa" in text(response)


# Start page ------------------------------------------------------------------------


SCOPE_LABELS = {
    "program_admin": ("Admin program, nasional", "Program admin, national"),
    "consultant": (
        "Konsultan Perpusnas untuk Kalimantan Selatan",
        "Perpusnas consultant for Kalimantan Selatan",
    ),
    "province_staff": (
        "Staf Dinas Provinsi Kalimantan Selatan",
        "Agency staff, Kalimantan Selatan province",
    ),
    "regency_staff": ("Staf Dinas Kabupaten Balangan", "Agency staff, Kabupaten Balangan"),
    "library_manager": (
        "Pengelola Perpustakaan Desa Juai",
        "Library manager, Perpustakaan Desa Juai",
    ),
    "no_role_user": (
        "Belum punya peran: minta akses kepada admin program",
        "No role yet: ask the program admin for access",
    ),
}

# role fixture -> libraries listed on the start page of the fixture world
START_LIBRARY_COUNTS = {
    "program_admin": 5,
    "consultant": 4,
    "province_staff": 4,
    "regency_staff": 2,
    "library_manager": 1,
    "no_role_user": 0,
}


@pytest.fixture
def world(library, regency_library, province_library, other_regency_library, outside_library):
    return [library, regency_library, province_library, other_regency_library, outside_library]


@pytest.mark.parametrize("role_fixture", sorted(SCOPE_LABELS))
def test_start_page_says_who_you_are_and_your_scope(
    request, login, world, role_fixture, django_assert_max_num_queries
):
    user = request.getfixturevalue(role_fixture)
    client = login(user)
    indonesian, english = SCOPE_LABELS[role_fixture]

    # A fixed budget: the scope label and the panels of every app, never a query per row.
    with django_assert_max_num_queries(20):
        response = client.get(reverse("start"))
    page = text(response)
    assert f'<p class="lead mb-1" data-testid="scope-label">{indonesian}</p>' in page
    assert response.context["library_count"] == START_LIBRARY_COUNTS[role_fixture]

    switch_language(client, "en")
    assert english in text(client.get(reverse("start")))


def test_start_page_lists_the_consultants_provinces(login, consultant, bali):
    consultant.provinces.add(bali)
    page = text(login(consultant).get(reverse("start")))
    assert "Konsultan Perpusnas untuk Bali, Kalimantan Selatan" in page
    assert "Provinsi: Bali, Kalimantan Selatan" in page


def test_start_page_warns_a_user_without_role(login, no_role_user):
    assert "Akun Anda belum punya peran" in text(login(no_role_user).get(reverse("start")))


def test_start_page_needs_login(client):
    response = client.get(reverse("start"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('start')}"
