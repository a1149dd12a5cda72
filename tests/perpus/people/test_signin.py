"""Sign-in protection: django-axes throttles failed sign-ins per account and per address,
the lockout page says when to try again, and password reset reveals no account."""

import pytest
from django.core import mail
from django.test import RequestFactory, override_settings
from django.urls import reverse

import perpus.settings as real_settings
from perpus.people.security import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "secret-pass-123"  # tests.factories.UserFactory's


def sign_in(client, username, password, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip
    )


def test_axes_is_on_in_the_real_settings():
    assert getattr(real_settings, "AXES_ENABLED", True) is True
    assert "axes" in real_settings.INSTALLED_APPS
    assert real_settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert real_settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert real_settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert real_settings.AXES_FAILURE_LIMIT == 5
    assert real_settings.AXES_COOLOFF_TIME == 0.25  # hours: 15 minutes


@override_settings(AXES_ENABLED=True)
def test_an_account_is_paused_after_five_failures_from_any_address(client, regency_staff, library_manager):
    for n in range(5):
        response = sign_in(client, regency_staff.username, "wrong", ip=f"10.0.1.{n}")
        assert response.status_code in (200, 429)
    locked = sign_in(client, regency_staff.username, PASSWORD, ip="10.0.2.1")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Coba lagi dalam 15 menit" in page
    assert "_auth_user_id" not in client.session
    # Another account from another address is not affected.
    assert sign_in(client, library_manager.username, PASSWORD, ip="10.0.3.1").status_code == 302


@override_settings(AXES_ENABLED=True)
def test_an_address_is_paused_after_five_failures_on_any_account(client, regency_staff, library_manager):
    for n in range(5):
        sign_in(client, f"nobody{n}", "wrong", ip="10.9.9.9")
    assert sign_in(client, regency_staff.username, PASSWORD, ip="10.9.9.9").status_code == 429
    assert sign_in(client, library_manager.username, PASSWORD, ip="10.9.9.8").status_code == 302


@override_settings(AXES_ENABLED=True)
def test_the_lockout_page_speaks_the_visitors_language(client, regency_staff):
    client.cookies["django_language"] = "en"
    for _ in range(6):
        response = sign_in(client, regency_staff.username, "wrong")
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()


@override_settings(AXES_ENABLED=True)
def test_a_success_clears_the_count(client, regency_staff):
    for _ in range(4):
        sign_in(client, regency_staff.username, "wrong")
    assert sign_in(client, regency_staff.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        sign_in(client, regency_staff.username, "wrong")
    assert sign_in(client, regency_staff.username, PASSWORD).status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8")
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.2"
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "5.6.7.8"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")) == "10.0.0.2"


def test_password_reset_never_says_whether_an_account_exists(client, regency_staff):
    unknown = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    known = client.post(reverse("password_reset"), {"email": regency_staff.email})
    assert unknown.status_code == known.status_code == 302
    assert unknown.url == known.url == reverse("password_reset_done")
    assert [message.to for message in mail.outbox] == [[regency_staff.email]]
