"""Settings fail loudly outside development, pass Django's deploy check, and stay in sync.

Start-up is tried in a subprocess with a controlled environment, so the test does not
depend on the developer's shell or `.env` (an empty variable counts as missing and
is never overridden by `.env`).
"""

import os
import re
import secrets
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from perpus.settings import env_bool, env_list, load_env_file

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION = {
    "DEBUG": "",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "perpus.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://perpus.example.org",
}


def start_up(code="import django; django.setup()", *, argv=None, **env):
    """Run `code` (or manage.py `argv`) with the production environment updated by `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION
        and not key.startswith(("SECURE_", "SESSION_", "CSRF_"))
        # Set by tests/conftest.py for the browser tests; the deploy check rightly flags it.
        and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(PRODUCTION, DJANGO_SETTINGS_MODULE="perpus.settings", **env)
    command = [sys.executable, *(["manage.py", *argv] if argv else ["-c", code])]
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


def test_production_environment_starts():
    result = start_up()
    assert result.returncode == 0, result.stderr


def test_missing_secret_key_stops_start_up_with_a_clear_message():
    result = start_up(SECRET_KEY="")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set. Set a long random value." in result.stderr


def test_missing_allowed_hosts_stops_start_up_with_a_clear_message():
    result = start_up(ALLOWED_HOSTS=" , ")
    assert result.returncode != 0
    assert "ImproperlyConfigured: ALLOWED_HOSTS is not set." in result.stderr


def test_unreadable_debug_value_is_an_error_not_a_guess():
    result = start_up(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false, not 'maybe'" in result.stderr


def test_development_needs_neither_secret_key_nor_allowed_hosts():
    result = start_up(
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.ALLOWED_HOSTS)",
        DEBUG="1",
        SECRET_KEY="",
        ALLOWED_HOSTS="",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['127.0.0.1', 'localhost', '[::1]']"


def test_deploy_check_is_clean_under_production_settings():
    result = start_up(argv=["check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_catches_a_weak_secret_key():
    """The check above is meaningful: it fails on what production must not have."""
    result = start_up(argv=["check", "--deploy", "--fail-level", "WARNING"], SECRET_KEY="short")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


def test_database_url_chooses_postgresql():
    result = start_up(
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])",
        DATABASE_URL="postgres://perpus:pw@db.internal:5432/perpus",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "perpus", "db.internal"]


def test_env_example_lists_every_variable_the_settings_read():
    source = (ROOT / "perpus" / "settings.py").read_text(encoding="utf-8")
    read = set(
        re.findall(
            r"""(?:os\.environ(?:\.get)?[\[(]|env_(?:bool|list|required)\()\s*["']([A-Z_][A-Z0-9_]*)["']""",
            source,
        )
    )
    assert {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"} <= read
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#?\s*([A-Z_][A-Z0-9_]*)=", example, flags=re.MULTILINE))
    assert read - listed == set(), "add these to .env.example"
    assert listed - read == set(), ".env.example lists variables the settings do not read"


def test_env_file_never_overrides_the_real_environment(tmp_path, monkeypatch):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment\nPERPUS_TEST_A=from-file\nPERPUS_TEST_B='quoted value'\n\nnot a line\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PERPUS_TEST_A", "from-shell")
    monkeypatch.delenv("PERPUS_TEST_B", raising=False)
    load_env_file(env_file)
    assert os.environ["PERPUS_TEST_A"] == "from-shell"
    assert os.environ["PERPUS_TEST_B"] == "quoted value"
    monkeypatch.delenv("PERPUS_TEST_B")


@pytest.mark.parametrize(
    "raw, expected", [("1", True), ("true", True), ("On", True), ("0", False), ("no", False), ("", False)]
)
def test_env_bool(monkeypatch, raw, expected):
    monkeypatch.setenv("PERPUS_FLAG", raw)
    assert env_bool("PERPUS_FLAG") is expected


def test_env_list_drops_blanks(monkeypatch):
    monkeypatch.setenv("PERPUS_HOSTS", " a.org, ,b.org ,")
    assert env_list("PERPUS_HOSTS") == ["a.org", "b.org"]


def test_language_and_time_zone_settings(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert [code for code, _ in settings.LANGUAGES] == ["id", "en"]
    assert settings.USE_TZ is True


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    """Fails when a model was changed without `makemigrations` (exit status 1)."""
    try:
        call_command("makemigrations", check=True, dry_run=True, verbosity=0)
    except SystemExit as exit_:
        pytest.fail(f"missing migrations (makemigrations --check exited {exit_.code}); run makemigrations")


def test_collectstatic_works_with_the_production_storage(settings, tmp_path):
    """Production's manifest storage fails on a CSS file that points at a missing file.

    Django's ManifestStaticFilesStorage does the part that can fail; WhiteNoise's
    subclass adds only compression, which is slow and cannot fail, so it is left out.
    """
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    assert (tmp_path / "staticfiles.json").is_file()
    assert (tmp_path / "css" / "perpus.css").is_file()


@pytest.mark.django_db
def test_sqlite_checks_say_nothing_of_covering_indexes(settings):
    """On SQLite, `migrate` and `check` no longer print models.W040 (a covering index's extra
    columns ignored), which read like an error; PostgreSQL keeps every check."""
    from django.db import connection

    out, err = StringIO(), StringIO()
    # The model checks, with the database as `migrate` runs them (pytest-django's
    # --fail-on-template-vars would fail the template checks).
    call_command("check", tags=["models"], databases=["default"], stdout=out, stderr=err)
    assert "W040" not in out.getvalue() + err.getvalue()
    assert ("models.W040" in settings.SILENCED_SYSTEM_CHECKS) is (connection.vendor == "sqlite")
