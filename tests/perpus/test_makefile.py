"""`make run` and `make setup` (read with `make -n`, which runs nothing)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def planned(*args, **env) -> list[str]:
    """The commands `make -n` would run for `args`, with the environment updated by `env`."""
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | env
    result = subprocess.run(
        ["make", "-n", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def manage(lines, command):
    return next(line for line in lines if f"manage.py {command}" in line)


def test_mail_links_point_where_make_run_serves():
    lines = planned("run", "HOST=0.0.0.0:9000")
    for command in ("seed_demo", "runserver"):
        assert "SITE_URL='http://0.0.0.0:9000'" in manage(lines, command), command


def test_a_site_url_given_wins_over_the_host():
    lines = planned("run", "HOST=0.0.0.0:9000", SITE_URL="https://perpus.example.org")
    assert "SITE_URL='https://perpus.example.org'" in manage(lines, "runserver")
    lines = planned("setup", "SITE_URL=http://192.168.1.5:8000")
    assert "SITE_URL='http://192.168.1.5:8000'" in manage(lines, "seed_demo")
