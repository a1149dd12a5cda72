"""Review steps as POST views, the review queue and bulk verification."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Partnership, RecordEvent
from activities.registry import record_url

from .factories import ActivityFactory

pytestmark = pytest.mark.django_db


def is_login_redirect(response):
    return response.status_code == 302 and reverse("login") in response["Location"]


def url(name, record):
    return record_url(record, name)


def status(record):
    return Activity.objects.get(pk=record.pk).status


# --- the steps: allowed, outsider 404, read-only 403, anonymous, GET 405 ------------------------


def test_submit_view(login, library_manager, draft):
    response = login(library_manager).post(url("submit", draft))
    assert response.status_code == 302 and status(draft) == "submitted"


def test_check_view(login, regency_staff, awaiting_check):
    login(regency_staff).post(url("check", awaiting_check))
    assert status(awaiting_check) == "checked"


def test_verify_view(login, consultant, awaiting_verification):
    response = login(consultant).post(url("verify", awaiting_verification))
    assert response["Location"] == awaiting_verification.get_absolute_url()
    assert status(awaiting_verification) == "verified"


def test_return_view_needs_reason(login, consultant, awaiting_verification):
    client = login(consultant)
    response = client.post(url("return", awaiting_verification), {"reason": ""}, follow=True)
    assert "Sebutkan alasan data dikembalikan" in response.content.decode()
    assert status(awaiting_verification) == "submitted"
    client.post(url("return", awaiting_verification), {"reason": "Jumlah peserta tidak sesuai"})
    row = Activity.objects.get(pk=awaiting_verification.pk)
    assert (row.status, row.return_reason) == ("returned", "Jumlah peserta tidak sesuai")


def test_illegal_step_shows_message_and_changes_nothing(login, consultant, draft):
    # A draft of the consultant's province: visible, but not waiting for verification.
    response = login(consultant).post(url("verify", draft), follow=True)
    assert "tidak sedang menunggu verifikasi" in response.content.decode()
    assert status(draft) == "draft"


def test_check_of_record_needing_none_changes_nothing(login, program_admin, awaiting_verification):
    login(program_admin).post(url("check", awaiting_verification))
    assert status(awaiting_verification) == "submitted"


@pytest.mark.parametrize("step", ["submit", "check", "verify", "return", "delete", "restore"])
def test_steps_are_post_only_and_need_login(client, login, consultant, draft, step):
    assert login(consultant).get(url(step, draft)).status_code == 405
    client.logout()
    assert is_login_redirect(client.post(url(step, draft), {"reason": "x"}))
    assert status(draft) == "draft"


@pytest.mark.parametrize("step", ["submit", "check", "verify", "return"])
def test_steps_outside_scope_are_404(login, outside_consultant, awaiting_check, step):
    response = login(outside_consultant).post(url(step, awaiting_check), {"reason": "x"})
    assert response.status_code == 404
    assert status(awaiting_check) == "submitted"


def test_read_only_users_get_403(login, consultant, regency_staff, draft, awaiting_verification):
    assert login(consultant).post(url("submit", draft)).status_code == 403
    assert login(regency_staff).post(url("verify", awaiting_verification)).status_code == 403
    assert login(regency_staff).post(url("return", awaiting_verification), {"reason": "x"}).status_code == 403
    assert login(consultant).post(url("check", draft)).status_code == 403
    assert status(draft) == "draft" and status(awaiting_verification) == "submitted"


def test_unknown_record_is_404(login, program_admin):
    response = login(program_admin).post(reverse("activities:activity_verify", args=[999999]))
    assert response.status_code == 404


def test_next_redirect_is_kept_on_site(login, consultant, awaiting_verification):
    response = login(consultant).post(url("verify", awaiting_verification), {"next": "https://evil.example/"})
    assert response["Location"] == awaiting_verification.get_absolute_url()


# --- the queue --------------------------------------------------------------------------------


@pytest.fixture
def old_and_new(regency_library, regency_staff):
    now = timezone.now()
    old = ActivityFactory(library=regency_library, status="submitted", needs_check=False, title="Lama",
                          kind="training", training_type="spptik")
    new = ActivityFactory(library=regency_library, status="submitted", needs_check=False, title="Baru")
    Activity.objects.filter(pk=old.pk).update(submitted_at=now - datetime.timedelta(days=3, hours=2))
    Activity.objects.filter(pk=new.pk).update(submitted_at=now - datetime.timedelta(hours=5))
    return old, new


def test_queue_lists_oldest_first_with_wait(login, consultant, old_and_new, awaiting_check, draft):
    response = login(consultant).get(reverse("activities:queue"))
    assert [i.title for i in response.context["items"]] == ["Lama", "Baru"]
    body = response.content.decode()
    assert "3\xa0hari" in body  # waited, in the default language


def test_queue_shows_checks_to_the_regency(login, regency_staff, awaiting_check, old_and_new):
    response = login(regency_staff).get(reverse("activities:queue"))
    assert [i.pk for i in response.context["items"]] == [awaiting_check.pk]
    assert response.context["verifiable"] == 0


def test_queue_includes_every_reviewed_model(login, consultant, old_and_new, regency_library, regency_staff):
    partnership = Partnership.objects.create(
        library=regency_library, province_id="63", regency_id="63.11", created_by=regency_staff,
        title="MoU sekolah", partner_name="SDN 1 Paringin", partner_type="school",
        signed_on=datetime.date(2022, 4, 22), status="submitted", submitted_at=timezone.now(),
    )
    response = login(consultant).get(reverse("activities:queue"))
    assert partnership in response.context["items"]
    response = login(consultant).get(reverse("activities:queue"), {"type": "partnership"})
    assert list(response.context["items"]) == [partnership]


def test_queue_filters(login, consultant, old_and_new, hulu_sungai_utara):
    client = login(consultant)
    assert [i.title for i in client.get(reverse("activities:queue"), {"kind": "training"}).context["items"]] == ["Lama"]
    assert client.get(reverse("activities:queue"), {"regency": "63.08"}).context["items"] == []
    today = timezone.localdate().isoformat()
    items = client.get(reverse("activities:queue"), {"date_from": today}).context["items"]
    assert [i.title for i in items] == ["Baru"] or timezone.localtime().hour < 5


def test_queue_reversed_date_range_is_an_error_and_not_applied(login, consultant, old_and_new):
    """A reversed range listed nothing and said nothing; now its end date says what is wrong,
    it narrows nothing, and the kind filter still applies."""
    client = login(consultant)
    query = {"date_from": "2026-12-10", "date_to": "2026-12-01", "kind": "training"}
    response = client.get(reverse("activities:queue"), query)
    assert response.context["filter_form"].errors == {"date_to": ["Tanggal selesai tidak boleh sebelum tanggal mulai."]}
    assert [i.title for i in response.context["items"]] == ["Lama"]
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in response.content.decode()


def test_queue_needs_login(client):
    assert is_login_redirect(client.get(reverse("activities:queue")))


@pytest.mark.parametrize("count", [1, 20])
def test_queue_queries_are_fixed(login, consultant, regency_library, django_assert_num_queries, count):
    for _ in range(count):
        ActivityFactory(library=regency_library, status="submitted", needs_check=False)
    client = login(consultant)
    # user (the session is read from the cache), consultant's provinces, province and regency
    # choices; then, paged in SQL: the count, the page's keys, the page's activities and the
    # count of what may be verified; the navigation's unread notifications.
    with django_assert_num_queries(9):
        response = client.get(reverse("activities:queue"))
    assert response.context["total"] == count


def test_bulk_verify_selected(login, consultant, old_and_new):
    old, new = old_and_new
    login(consultant).post(reverse("activities:queue_verify"), {"selected": [f"activity:{old.pk}"]})
    assert (status(old), status(new)) == ("verified", "submitted")


def test_bulk_verify_all_respects_the_filters(login, consultant, old_and_new, library):
    old, new = old_and_new
    outside_filter = ActivityFactory(library=library, status="checked", needs_check=True)
    login(consultant).post(reverse("activities:queue_verify"), {"all": "1", "regency": "63.11", "kind": "training"})
    assert (status(old), status(new)) == ("verified", "submitted")
    login(consultant).post(reverse("activities:queue_verify"), {"all": "1"})
    assert status(new) == "verified" and status(outside_filter) == "verified"


def test_bulk_verify_never_touches_what_is_not_shown(login, consultant, old_and_new, outside_library, awaiting_check):
    old, _ = old_and_new
    outside = ActivityFactory(library=outside_library, status="submitted", needs_check=False)
    login(consultant).post(
        reverse("activities:queue_verify"),
        {"selected": [f"activity:{outside.pk}", f"activity:{awaiting_check.pk}", f"activity:{old.pk}"], "kind": "community"},
    )
    # `old` is a training: filtered out; the others are not the consultant's to verify.
    assert (status(outside), status(awaiting_check), status(old)) == ("submitted", "submitted", "submitted")


def test_bulk_verify_is_post_only(login, consultant):
    assert login(consultant).get(reverse("activities:queue_verify")).status_code == 405


def test_bulk_verify_by_regency_staff_verifies_nothing(login, regency_staff, old_and_new):
    login(regency_staff).post(reverse("activities:queue_verify"), {"all": "1"})
    assert {status(r) for r in old_and_new} == {"submitted"}
    assert not RecordEvent.objects.filter(action="verified").exists()


# --- start page -------------------------------------------------------------------------------


def test_start_panel_shows_queue_count_and_drafts(login, consultant, regency_staff, old_and_new, regency_draft):
    response = login(consultant).get(reverse("start"))
    body = response.content.decode()
    assert 'data-testid="queue-count">2<' in body
    body = login(regency_staff).get(reverse("start")).content.decode()
    assert 'data-testid="queue-count">0<' in body
    assert "1 draf" in body


@pytest.mark.parametrize("count", [1, 30])
def test_queue_of_every_type_is_paged_in_sql(login, consultant, regency_library, regency_staff, django_assert_num_queries, count):
    from .records_factories import FACTORIES

    for _ in range(count):
        ActivityFactory(library=regency_library, status="submitted", needs_check=False)
        FACTORIES["partnership"](library=regency_library, status="submitted", needs_check=False, submitted_at=timezone.now())
    client = login(consultant)
    # 4 as above, count and keys of the UNION, one fetch per type on the page, verifiable count,
    # unread notifications.
    with django_assert_num_queries(10):
        response = client.get(reverse("activities:queue"))
    assert response.context["total"] == 2 * count and response.context["verifiable"] == 2 * count
    assert len(response.context["items"]) == min(2 * count, 50)


def test_queue_is_for_reviewers_only(login, library_manager, province_staff):
    for user in (library_manager, province_staff):
        assert login(user).get(reverse("activities:queue")).status_code == 403


# Bulk verification names the records someone else verified meanwhile.


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_bulk_verify_view_names_what_was_already_done(login, consultant, awaiting_verification, monkeypatch):
    from activities.services import queue as queue_module
    from activities.views import review

    real = queue_module.awaiting_verification

    def racing(querysets):
        items = real(querysets)
        Activity.objects.filter(pk=awaiting_verification.pk).update(status="verified")  # a parallel verify
        return items

    monkeypatch.setattr(review, "awaiting_verification", racing)
    response = login(consultant).post(reverse("activities:queue_verify"), {"all": "1"})
    assert response.status_code == 302
    assert any("Rakor kabupaten" in m for m in messages_of(response))
