"""The notification pages: the list, marking read, the e-mail choice, the navigation badge."""

import pytest
from django.urls import reverse

from perpus.notifications.kinds import Kind
from perpus.notifications.models import Notification
from perpus.notifications.services import notify

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")
PARAMS = {"model": "activities.activity", "title": "Pelatihan menganyam"}


def give(user, n=1, **params):
    for _ in range(n):
        notify([user], Kind.RECORD_VERIFIED, url="/activities/7/", **{**PARAMS, **params})
    return Notification.objects.filter(recipient=user).first()


def test_the_list_shows_only_my_notices(login, library_manager, regency_staff):
    give(library_manager, title="Milik saya")
    give(regency_staff, title="Milik orang lain")
    response = login(library_manager).get(LIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Milik saya" in page and "Milik orang lain" not in page
    assert 'data-testid="nav-unread"' in page


def test_the_list_runs_a_fixed_number_of_queries(login, library_manager, django_assert_num_queries):
    client = login(library_manager)
    give(library_manager, 2)
    # user (the session is read from the cache), unread count, page count, page
    with django_assert_num_queries(4) as few:
        client.get(LIST)
    give(library_manager, 30, title="Lagi")
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(LIST + "?page=2")
    assert len(response.context["notices"]) == 12


def test_unread_filter(login, library_manager):
    read = give(library_manager, title="Sudah dibaca")
    Notification.objects.filter(pk=read.pk).update(read_at="2026-11-02T08:00:00+07:00")
    give(library_manager, title="Belum dibaca")
    page = login(library_manager).get(LIST + "?show=unread").content.decode()
    assert "Belum dibaca" in page and "Sudah dibaca" not in page


def test_open_marks_read_and_goes_to_the_record(login, library_manager):
    notice = give(library_manager)
    response = login(library_manager).post(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/activities/7/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_open_never_redirects_off_site(login, library_manager):
    notice = give(library_manager)
    Notification.objects.filter(pk=notice.pk).update(url="https://evil.example/")
    response = login(library_manager).post(reverse("notifications:open", args=[notice.pk]))
    assert response["Location"] == LIST


def test_mark_read_and_unread(login, library_manager):
    notice = give(library_manager)
    client = login(library_manager)
    url = reverse("notifications:read", args=[notice.pk])
    response = client.post(url, {"read": "1", "next": LIST + "?page=1"})
    assert response.status_code == 302 and response["Location"] == LIST + "?page=1"
    notice.refresh_from_db()
    assert notice.read_at is not None
    client.post(url, {"read": "0", "next": "https://evil.example/"})
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_read_touches_only_mine(login, library_manager, regency_staff):
    give(library_manager, 3)
    theirs = give(regency_staff)
    response = login(library_manager).post(reverse("notifications:read_all"))
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=library_manager, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize("name", ["open", "read"])
def test_someone_elses_notice_is_not_found(login, library_manager, regency_staff, name):
    theirs = give(regency_staff)
    response = login(library_manager).post(reverse(f"notifications:{name}", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


@pytest.mark.parametrize(
    "name, args",
    [("open", [1]), ("read", [1]), ("read_all", [])],
)
def test_post_only_views(client, login, library_manager, name, args):
    give(library_manager)
    url = reverse(f"notifications:{name}", args=[Notification.objects.get().pk] if args else [])
    anonymous = client.post(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    assert login(library_manager).get(url).status_code == 405
    assert Notification.objects.get().read_at is None


@pytest.mark.parametrize("url", [LIST, reverse("notifications:settings")])
def test_anonymous_visitors_go_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_email_choice_is_saved(login, library_manager):
    client = login(library_manager)
    url = reverse("notifications:settings")
    assert "checked" in client.get(url).content.decode()
    response = client.post(url, {"email_notifications": "daily"})
    assert response.status_code == 302
    library_manager.refresh_from_db()
    assert library_manager.email_notifications == "daily"


def test_a_wrong_email_choice_changes_nothing(login, library_manager):
    response = login(library_manager).post(reverse("notifications:settings"), {"email_notifications": "hourly"})
    assert response.status_code == 200 and response.context["form"].errors
    library_manager.refresh_from_db()
    assert library_manager.email_notifications == "immediate"


def test_public_pages_run_no_notification_query(client, django_assert_max_num_queries, library_manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    give(library_manager)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("home"))
    assert not any("notifications_notification" in q["sql"] for q in queries.captured_queries)


def test_the_badge_counts_unread_and_caps_at_99(login, library_manager):
    from perpus.notifications.services import create_notices, Notice

    create_notices([Notice(library_manager.pk, Kind.RECORD_VERIFIED, PARAMS) for _ in range(120)])
    page = login(library_manager).get(reverse("start")).content.decode()
    assert "99+" in page
    Notification.objects.update(read_at="2026-11-02T08:00:00+07:00")
    page = login(library_manager).get(reverse("start")).content.decode()
    assert 'data-testid="nav-unread"' not in page


def test_on_a_phone_the_unread_count_shows_beside_the_folded_menu(login, library_manager):
    # The menu is folded away below the `lg` breakpoint, so its bell is out of sight there;
    # a second link outside the menu, shown only on small screens, keeps the count visible.
    client = login(library_manager)
    assert 'data-testid="nav-unread-phone"' not in client.get(reverse("start")).content.decode()
    give(library_manager, 3)
    page = client.get(reverse("start")).content.decode()
    menu_at = page.index('id="nav-main"')
    phone_at = page.index('data-testid="nav-unread-phone"')
    assert phone_at < menu_at
    phone_link = page[phone_at:page.index("</a>", phone_at)]
    assert 'class="d-lg-none' in page[page.rindex("<a", 0, phone_at):phone_at]
    assert f'href="{LIST}"' in page[page.rindex("<a", 0, phone_at):phone_at]
    assert ">3<" in phone_link
