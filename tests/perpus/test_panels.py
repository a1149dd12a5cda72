"""The start page shows the panels apps register in `perpus.panels`, with data from the view."""

import pytest
from django.urls import reverse

from perpus import panels


@pytest.fixture
def test_panel(settings, tmp_path):
    folder = tmp_path / "templates" / "tests"
    folder.mkdir(parents=True)
    (folder / "_panel.html").write_text('<p data-testid="test-panel">{{ panel.greeting }}</p>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], str(tmp_path / "templates")]}
    ]
    calls = []

    def selector(user):
        calls.append(user.username)
        return None if user.username == "pengelola" else {"greeting": f"Halo {user.username}"}

    panels.register(panels.StartPanel("test_panel", "tests/_panel.html", selector, order=0))
    yield calls
    panels._PANELS.pop("test_panel", None)


def test_registered_panel_is_shown_with_its_data(login, regency_staff, test_panel):
    html = login(regency_staff).get(reverse("start")).content.decode()
    assert '<p data-testid="test-panel">Halo staf_balangan</p>' in html
    assert test_panel == ["staf_balangan"]


def test_selector_returning_none_leaves_the_panel_out(login, library_manager, test_panel):
    html = login(library_manager).get(reverse("start")).content.decode()
    assert 'data-testid="test-panel"' not in html


def test_every_app_registers_its_panel():
    assert {"villages", "programs", "activities"} <= set(panels._PANELS)


def test_start_page_queries_do_not_grow_with_records(login, regency_staff, library, django_assert_max_num_queries):
    from tests.activities.factories import ActivityFactory

    client = login(regency_staff)
    client.get(reverse("start"))
    for _ in range(5):
        ActivityFactory(library=library, status="submitted", needs_check=True)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("start"))
    assert 'data-testid="queue-count">5<' in response.content.decode()
