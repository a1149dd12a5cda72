"""One write path per action: the services are the only way in, whatever the channel.

The write guard (`tests/write_guard.py`, switched on for every test by `tests/conftest.py`)
catches a view, form, admin page or command that saves or deletes a model people change
outside its service. These tests check the guard itself, that every service it names is
one (`perpus.writes.service`), and, since bulk writes send no signal the guard could hear,
that the channels' code holds none.
"""

import ast
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from perpus.writes import current_service, service
from tests.form_submit import form_data
from tests.write_guard import EXEMPT_COMMANDS, GUARDED, ROOT, channel

#: Where people's changes come in: views, forms, the admin, commands, the trash.
CHANNELS = (
    "*/views/*.py", "*/views.py", "*/forms/*.py", "*/forms.py", "*/admin.py",
    "*/management/commands/*.py", "*/trash.py", "perpus/*/views.py", "perpus/*/forms.py",
    "perpus/*/admin.py", "perpus/*/management/commands/*.py", "perpus/admin_services.py",
    "perpus/mixins.py", "perpus/export_views.py",
)
#: Bulk writes the channels may make, each with its reason.
BULK_ALLOWED = {
    # The official region list, loaded in bulk (an exempt loader, tests/write_guard.py).
    ("villages/management/commands/import_regions.py", "bulk_create"),
    ("villages/management/commands/import_regions.py", "bulk_update"),
}
BULK = {"bulk_create", "bulk_update", "raw", "execute", "executemany"}


def channel_files() -> list[Path]:
    found = {path for pattern in CHANNELS for path in ROOT.glob(pattern)}
    return sorted(p for p in found if ".venv" not in p.parts and "tests" not in p.parts)


def bulk_writes(source: str, name: str) -> list[tuple[str, int, str]]:
    """(name, line, method) of each bulk write in the Python `source`: a bulk insert or
    update, raw SQL, or a queryset's `update(field=…)` (keyword arguments only; not a
    widget's attributes)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        keyword_update = (
            method == "update" and node.keywords and not node.args
            and not ast.unparse(node.func.value).endswith("attrs")
        )
        if method in BULK or keyword_update:
            found.append((name, node.lineno, method))
    return found


def test_the_channels_make_no_bulk_write():
    """`QuerySet.update`, `bulk_create`, `bulk_update` and raw SQL pass no model signal: in
    a view, form, admin or command they would write around the services unseen."""
    files = channel_files()
    assert len(files) > 30
    found = [
        write
        for path in files
        for write in bulk_writes(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        if (write[0], write[2]) not in BULK_ALLOWED
    ]
    assert not found, "Bulk writes outside the services (call the model's service):\n" + "\n".join(
        f"{file}:{line} .{method}()" for file, line, method in found
    )


def test_the_static_check_finds_bulk_writes_and_not_a_widgets_attributes():
    source = (
        "def view(request):\n"
        "    Library.objects.filter(pk=1).update(name='x')\n"
        "    Library.objects.bulk_create([])\n"
        "    form.fields['n'].widget.attrs.update(min=0)\n"
        "    context.update({'a': 1})\n"
    )
    assert [(line, method) for _n, line, method in bulk_writes(source, "views.py")] == [
        (2, "update"), (3, "bulk_create")
    ]


def test_every_guarded_model_names_services_that_are_services():
    for label, services in GUARDED.items():
        apps.get_model(label)  # the model exists
        for dotted in services:
            module, name = dotted.rsplit(".", 1)
            function = getattr(import_module(module), name)
            assert getattr(function, "is_service", False), f"{dotted} is not a @service"


def test_a_service_runs_in_a_transaction_and_says_it_is_running(library):
    @service
    def rename(library, name):
        assert transaction.get_connection().in_atomic_block
        library.name = name
        library.save()
        return current_service()

    assert current_service() is None
    assert rename.__name__ == "rename" and rename.is_service
    assert rename(library, "Baru").endswith("rename")
    assert current_service() is None


def test_the_guard_catches_a_write_outside_a_service_in_a_channel(write_guard, library):
    with channel("a test request"):
        library.name = "Ditulis langsung"
        library.save()
    assert [(v.model, v.action) for v in write_guard.violations] == [("villages.Library", "saved")]
    assert "test_write_paths.py" in write_guard.report()
    write_guard.violations.clear()


def test_the_guard_lets_a_service_write_and_leaves_test_setup_free(write_guard, library):
    @service
    def rename(library):
        library.save()

    with channel("a test request"):
        rename(library)
    library.save()  # a test's own setup, outside every channel
    assert write_guard.violations == []


def test_a_relation_is_written_by_the_model_that_declares_it(write_guard, library):
    with channel("a test request"):
        library.visits.clear()  # the visits' libraries, from the library's side
    assert [(v.model, v.action) for v in write_guard.violations] == [("programs.Visit", "clear (visit_libraries)")]
    write_guard.violations.clear()


def test_the_guard_catches_a_request_that_writes_around_the_service(write_guard, client, library, monkeypatch):
    """A view that saves the model itself (simulated by a profile view whose service is
    replaced by a plain save) fails the test that sends the request."""
    from villages import services
    from villages.views import libraries

    def plain_save(*, library, opening_hours, user, expected_version=None):
        library.save()
        return library

    monkeypatch.setattr(services, "library_save", plain_save)
    assert libraries.services is services
    manager = _manager(library)
    client.force_login(manager)
    page = client.get(f"/libraries/{library.pk}/edit/")
    assert page.status_code == 200
    response = client.post(f"/libraries/{library.pk}/edit/", form_data(page.content.decode(), "library-form"))
    assert response.status_code == 302, response.context["form"].errors
    assert [v.model for v in write_guard.violations] == ["villages.Library"]
    assert "POST" in write_guard.violations[0].channel
    write_guard.violations.clear()


def _manager(library):
    from tests.factories import UserFactory

    return UserFactory(username="pengelola_uji", role="library_manager", library=library)


def test_commands_are_checked_and_bulk_loaders_are_exempt(write_guard, library):
    assert set(EXEMPT_COMMANDS) == {"seed_demo", "seed_scale", "import_regions"}
    call_command("rebuild_search_text", verbosity=0)
    assert write_guard.violations == []

