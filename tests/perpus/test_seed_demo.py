"""`seed_demo` creates one account per role on real regions, idempotently.

It imports the regions of the five seed provinces (about 12,000 villages), so it runs
once here and is checked thoroughly rather than in many small tests.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from perpus.demo import ACCOUNTS, DEMO_PASSWORD
from villages.models import Library, Village

pytestmark = pytest.mark.django_db

# username -> the start page's Indonesian scope label
EXPECTED_LABELS = {
    "admin": "Admin program, nasional",
    "konsultan": "Konsultan Perpusnas untuk Jawa Timur, Bali, Nusa Tenggara Timur, "
    "Kalimantan Selatan, Maluku Utara",
    "staf_ntt": "Staf Dinas Provinsi Nusa Tenggara Timur",
    "staf_balangan": "Staf Dinas Kabupaten Balangan",
    "pengelola_lampihong": "Pengelola Perpustakaan Desa Lampihong Kanan",
}


def test_seed_demo_gives_each_role_a_start_page_that_states_its_scope(client):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = {
        "users": get_user_model().objects.count(),
        "libraries": Library.objects.count(),
        "villages": Village.objects.count(),
    }
    assert first["users"] == len(ACCOUNTS) == len(EXPECTED_LABELS)
    printed = out.getvalue()
    assert DEMO_PASSWORD in printed
    for username in EXPECTED_LABELS:
        assert username in printed

    # A second run changes nothing that exists.
    before = dict(get_user_model().objects.values_list("username", "password"))
    call_command("seed_demo", stdout=StringIO())
    assert {
        "users": get_user_model().objects.count(),
        "libraries": Library.objects.count(),
        "villages": Village.objects.count(),
    } == first
    assert dict(get_user_model().objects.values_list("username", "password")) == before

    for username, label in EXPECTED_LABELS.items():
        client.logout()
        response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
        assert response.status_code == 302, username
        page = client.get(response.url).content.decode()
        assert f'data-testid="scope-label">{label}</p>' in page, username

    # The library manager's start page lists their library and only it.
    client.logout()
    client.login(username="pengelola_lampihong", password=DEMO_PASSWORD)
    response = client.get(reverse("start"))
    assert [lib.name for lib in response.context["recent_libraries"]] == [
        "Perpustakaan Desa Lampihong Kanan"
    ]


def test_seed_demo_is_not_news(settings, capsys, django_capture_on_commit_callbacks):
    """Seeding reviews records through the services, yet gives no notice and queues no
    mail: the first `make run` prints the accounts, not hundreds of mails."""
    from django_tasks.signals import task_enqueued

    from perpus.notifications.models import Notification

    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"  # as under make run
    enqueued = []

    def record(sender, task_result, **kwargs):
        enqueued.append(task_result.task.module_path)

    task_enqueued.connect(record, dispatch_uid="test-seed-demo-tasks")
    out = StringIO()
    try:
        with django_capture_on_commit_callbacks(execute=True):
            call_command("seed_demo", stdout=out)
    finally:
        task_enqueued.disconnect(dispatch_uid="test-seed-demo-tasks")
    printed = out.getvalue() + capsys.readouterr().out
    assert Notification.objects.count() == 0
    # Only what follows the demo's changes (stages, figures, pages): no mail.
    assert set(enqueued) <= {"perpus.followups.services.run_due_followups"}
    assert "Subject:" not in printed and "@demo.perpus.local" not in printed
    assert len(printed.splitlines()) < 15
    # It ends with the accounts table.
    assert printed.rstrip().splitlines()[-1].split()[0] == "pengelola_lampihong"
