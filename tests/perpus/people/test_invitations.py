"""Invitations: the mail (in the invitee's language, by a task), the one-time link, sign-up,
resend and withdraw, and the pages a dead link shows."""

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from perpus.models import AccountEvent, Invitation
from perpus.people import services
from perpus.people.tasks import send_invitation_mail
from perpus.scopes import Role

from .conftest import link_from_mail

pytestmark = pytest.mark.django_db
User = get_user_model()
STRONG = "Buku-Desa-2026!"


def invite(inviter, library, language="id", email="siti@example.org"):
    return services.invite(
        inviter=inviter, email=email, role=Role.LIBRARY_MANAGER, library=library,
        language=language, base_url="http://testserver/",
    )


def sign_up(client, link, **overrides):
    data = {"first_name": "Siti", "last_name": "Rahmah", "username": "siti",
            "password1": STRONG, "password2": STRONG, **overrides}
    return client.post(link, data)


def test_the_mail_goes_out_by_a_task_in_the_invitees_language(regency_staff, library, monkeypatch):
    queued = []

    class Recorder:
        def enqueue(self, *args):
            queued.append(args)
            return send_invitation_mail.enqueue(*args)

    monkeypatch.setattr(services, "send_invitation_mail", Recorder())
    invite(regency_staff, library, language="en", email="en@example.org")
    invite(regency_staff, library, language="id", email="id@example.org")
    # Only ids and the site's address go into the queue: never the token.
    assert all(isinstance(args[0], int) and args[1] == "http://testserver/" for args in queued)
    english, indonesian = mail.outbox
    assert english.to == ["en@example.org"]
    assert english.subject == "Your invitation to Perpus"
    assert "Library manager" in english.body and "7" not in english.subject
    assert indonesian.subject == "Undangan Anda ke Perpus"
    assert "Pengelola perpustakaan" in indonesian.body
    assert english.alternatives and "text/html" in english.alternatives[0][1]


def test_the_expiry_time_never_ends_a_sentence_with_a_second_period(regency_staff, library):
    """English read "…until Dec. 14, 2026, 4:05 a.m.." (the time ends with a period)."""
    invite(regency_staff, library, language="en", email="en@example.org")
    invite(regency_staff, library, language="id", email="id@example.org")
    english, indonesian = mail.outbox
    for message in (english.body, english.alternatives[0][0]):
        assert "The link expires on " in message and " and works only once." in message
        assert ".." not in message.replace("...", "")
    assert "Tautan ini kedaluwarsa pada " in indonesian.body and " dan hanya berlaku sekali." in indonesian.body


def test_only_a_hash_of_the_token_is_stored(regency_staff, library):
    invitation = invite(regency_staff, library)
    token = link_from_mail().rstrip("/").rsplit("/", 1)[1]
    invitation.refresh_from_db()
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Invitation.objects.filter(pk=invitation.pk).values().get())
    assert invitation.expires_at - timezone.now() > timedelta(days=6, hours=23)


def test_the_invitee_sets_a_password_and_lands_signed_in_on_the_start_page(
    client, regency_staff, library
):
    invitation = invite(regency_staff, library, language="en")
    link = link_from_mail()
    page = client.get(link)
    assert page.status_code == 200 and "siti@example.org" in page.content.decode()

    response = sign_up(client, link)
    assert response.status_code == 302 and response.url == reverse("start")
    user = User.objects.get(username="siti")
    assert (user.role, user.library, user.email, user.language) == (
        Role.LIBRARY_MANAGER, library, "siti@example.org", "en"
    )
    assert user.check_password(STRONG)
    start = client.get(reverse("start"))
    assert start.context["user"] == user
    assert "Library manager, Perpustakaan Desa Juai" in start.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at and invitation.account == user
    # The account's history starts with the invitation.
    assert list(user.account_events.values_list("action", "actor")) == [
        (AccountEvent.Action.JOINED, user.pk), (AccountEvent.Action.INVITED, regency_staff.pk),
    ]

    # Used once: the link now says so, and makes no second account.
    client.logout()
    again = sign_up(client, link, username="siti2")
    assert again.status_code == 410
    assert "sudah dipakai" in again.content.decode()
    assert User.objects.filter(email="siti@example.org").count() == 1


def test_a_consultant_invitation_gives_the_provinces(program_admin, kalsel, bali, client):
    services.invite(
        inviter=program_admin, email="k@example.org", role=Role.CONSULTANT,
        provinces=[kalsel, bali], language="id", base_url="http://testserver/",
    )
    sign_up(client, link_from_mail(), username="konsultan_baru")
    user = User.objects.get(username="konsultan_baru")
    assert set(user.provinces.all()) == {kalsel, bali} and user.role == Role.CONSULTANT


def test_django_password_validators_apply(client, regency_staff, library):
    invite(regency_staff, library)
    link = link_from_mail()
    response = sign_up(client, link, password1="12345678", password2="12345678")
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    mismatch = sign_up(client, link, password2="Another-Pass-2026")
    assert mismatch.context["form"].errors["password2"]
    taken = sign_up(client, link, username=regency_staff.username)
    assert taken.context["form"].errors["username"]
    assert not User.objects.filter(email="siti@example.org").exists()


def test_an_expired_link_says_so(client, regency_staff, library):
    invitation = invite(regency_staff, library)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    response = sign_up(client, link_from_mail())
    assert response.status_code == 410
    assert "kedaluwarsa" in response.content.decode()
    assert not User.objects.filter(email="siti@example.org").exists()


def test_an_unknown_link_gets_a_friendly_page(client, db):
    response = client.get(reverse("people:invitation_accept", args=["not-a-token"]))
    assert response.status_code == 410
    assert "tidak dikenal" in response.content.decode()


def test_resend_makes_a_new_link_and_kills_the_old(login, client, regency_staff, library):
    invitation = invite(regency_staff, library)
    old_link = link_from_mail()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now())
    staff = login(regency_staff)
    response = staff.post(reverse("people:invitation_resend", args=[invitation.pk]))
    assert response.status_code == 302
    new_link = link_from_mail()
    assert new_link != old_link and len(mail.outbox) == 2
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING
    assert AccountEvent.objects.filter(
        invitation=invitation, action=AccountEvent.Action.INVITATION_RESENT, actor=regency_staff
    ).exists()
    staff.logout()
    assert client.get(old_link).status_code == 410
    assert client.get(new_link).status_code == 200


def test_withdraw_kills_the_link(login, client, regency_staff, library):
    invitation = invite(regency_staff, library)
    link = link_from_mail()
    staff = login(regency_staff)
    assert staff.get(reverse("people:invitation_withdraw", args=[invitation.pk])).status_code == 405
    staff.post(reverse("people:invitation_withdraw", args=[invitation.pk]))
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    staff.logout()
    response = client.get(link)
    assert response.status_code == 410 and "ditarik" in response.content.decode()
    # Nothing more to resend.
    staff = login(regency_staff)
    staff.post(reverse("people:invitation_resend", args=[invitation.pk]))
    assert len(mail.outbox) == 1


def test_an_address_with_an_active_account_cannot_be_invited(login, regency_staff, library_manager, library):
    client = login(regency_staff)
    response = client.post(reverse("people:invite"), {
        "email": library_manager.email.upper(), "language": "id",
        "role": Role.LIBRARY_MANAGER, "library": library.pk,
    })
    assert response.status_code == 200
    assert "Sudah ada akun aktif" in str(response.context["form"].errors["email"])
    assert not Invitation.objects.exists() and mail.outbox == []


def test_a_second_pending_invitation_for_one_address_is_refused(regency_staff, library):
    invite(regency_staff, library)
    with pytest.raises(Exception, match="pending invitation|undangan"):
        invite(regency_staff, library)
    assert Invitation.objects.count() == 1


def test_invitation_actions_are_scoped(login, regency_staff, other_regency_staff, library, consultant, client):
    invitation = invite(regency_staff, library)
    url = reverse("people:invitation_withdraw", args=[invitation.pk])
    assert login(other_regency_staff).post(url).status_code == 404
    assert login(consultant).post(url).status_code == 403
    client.logout()
    assert client.post(url).status_code == 302  # to the login page
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_the_invitation_list_shows_the_scopes_invitations(
    login, regency_staff, other_regency_staff, library, django_assert_max_num_queries
):
    invite(regency_staff, library)
    client = login(regency_staff)
    # Session, user, count, page: never a query per invitation.
    # (Session, user, the unread-notification count, the invitations.)
    with django_assert_max_num_queries(5):
        page = client.get(reverse("people:invitation_list"))
    assert [i.email for i in page.context["page_obj"]] == ["siti@example.org"]
    other = login(other_regency_staff).get(reverse("people:invitation_list"))
    assert list(other.context["page_obj"]) == []


def test_the_invite_form_narrows_places_step_by_step(login, program_admin, kalsel, balangan, library, outside_library):
    client = login(program_admin)
    first = client.get(reverse("people:invite"))
    form = first.context["form"]
    assert list(form.fields["regency"].queryset) == [] and list(form.fields["library"].queryset) == []
    refined = client.post(reverse("people:invite"), {
        "email": "x@example.org", "role": Role.LIBRARY_MANAGER, "province": kalsel.pk,
        "regency": balangan.pk, "refine": "1", "language": "id",
    })
    form = refined.context["form"]
    assert not form.is_bound and not Invitation.objects.exists()
    assert list(form.fields["regency"].queryset) == [balangan]
    assert list(form.fields["library"].queryset) == [library]
