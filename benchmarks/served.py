"""Pages served by gunicorn (2 workers) at national scale: latency and throughput.

`python -m benchmarks.served` (part of `make bench`) starts gunicorn on the scale
dataset (the same database as `benchmarks.pages`: `DATABASE_URL`, else
`.bench/scale.sqlite3`), with production settings (DEBUG off), and for every page:

* **latency**: the median (p50) and p95 of 10 requests one after another, after a warm-up;
* **throughput**: requests per second with 4 clients at once for `SECONDS` seconds, each
  client on its own keep-alive connection in its own process, averaged over `ROUNDS`
  rounds that each measure every page (the machine's speed drifts);
* **ratio**: that throughput divided by the trivial page's (`/healthz/`: no template, no
  session) measured in the same run, which is how issue #9 states its budgets; and
  **vs login**: divided by the login page's, the trivial Django page issue #8 measured its
  dashboard against ("throughput 0.05 of the login page").

`BENCH_SECONDS` sets the seconds of each throughput run (2), `BENCH_ROUNDS` the rounds (3), `BENCH_ONLY=home,library` limits
the run to pages whose label holds one of the words (and the two bases).

Signed-in pages use a session made directly in the database for the page's user. The
cache is production's: the file cache both workers share, or Redis when `REDIS_URL` is set.
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .pages import pages, percentile, setup_database

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8199"))
WORKERS = 2
CLIENTS = 4
SECONDS = float(os.environ.get("BENCH_SECONDS", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
LATENCY_REPEAT = 10


def _environment() -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        DJANGO_SETTINGS_MODULE="perpus.settings",
        SECRET_KEY=env.get("SECRET_KEY", "benchmark-only-secret-key"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        LOG_LEVEL="WARNING",
    )
    return env


def start_server() -> subprocess.Popen:
    """Start gunicorn on `PORT` and wait until it answers (no query)."""
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"), "perpus.wsgi",
        "--workers", str(WORKERS), "--bind", f"127.0.0.1:{PORT}",
        "--log-level", "warning", "--timeout", "120",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=_environment(), start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise RuntimeError("gunicorn did not start")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def session_cookie(username: str | None) -> str:
    """A `sessionid` cookie of a session signed in as `username` ("" for anonymous; one
    write). Made the way `Client.force_login` makes one."""
    if not username:
        return ""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.module_loading import import_string

    user = get_user_model().objects.get(username=username)
    if username == "scale_admin" and not user.is_superuser:
        user.is_superuser = True
        user.save(update_fields=["is_superuser"])
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend that signs people in (django-axes' comes first but only guards).
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _get(connection: http.client.HTTPConnection, url: str, cookie: str) -> tuple[int, int]:
    headers = {"Host": "127.0.0.1", "Accept-Encoding": "gzip"}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", url, headers=headers)
    response = connection.getresponse()
    body = response.read()
    return response.status, len(body)


def _load(url: str, cookie: str, seconds: float, queue) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    done = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _get(connection, url, cookie)
        done += 1
    queue.put(done)


def throughput(url: str, cookie: str) -> float:
    """Requests per second with `CLIENTS` processes for `SECONDS` seconds."""
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_load, args=(url, cookie, SECONDS, queue)) for _ in range(CLIENTS)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    total = sum(queue.get() for _ in workers)
    for worker in workers:
        worker.join()
    return total / (time.monotonic() - started)


def latency(url: str, cookie: str) -> tuple[int, float, float, int]:
    """(status, p50 ms, p95 ms, compressed bytes) of `LATENCY_REPEAT` requests after a warm-up
    on each worker."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    for _ in range(WORKERS * 2):
        _get(connection, url, cookie)
    times = []
    for _ in range(LATENCY_REPEAT):
        started = time.perf_counter()
        status, size = _get(connection, url, cookie)
        times.append((time.perf_counter() - started) * 1000)
    return status, statistics.median(times), percentile(times, 0.95), size


def extra_pages() -> list[tuple[str, str, str | None]]:
    """Pages beyond `benchmarks.pages`: a dashboard filtered by a cohort."""
    from django.urls import reverse

    from programs.models import Participation

    year = Participation.objects.order_by("-year").values_list("year", flat=True).first()
    if year is None:
        return []
    return [("dashboard, nation, one cohort year", f"{reverse('programs:dashboard')}?year={year}", "scale_admin")]


def main(argv: list[str] | None = None) -> int:
    # The sessions made here must be readable by gunicorn: one secret key for both.
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key")
    engine = setup_database()
    from .pages import ensure_dataset

    fraction = float(os.environ.get("BENCH_FRACTION", "1.0"))
    ensure_dataset(fraction)
    rows = pages() + extra_pages()
    # BENCH_ONLY="home,library": only the pages whose label holds one of these words (the
    # trivial page is always measured, as the ratios' base).
    only = [word.strip() for word in os.environ.get("BENCH_ONLY", "").split(",") if word.strip()]
    if only:
        # The trivial page and the login page are always measured: the ratios' bases.
        rows = rows[:2] + [row for row in rows[2:] if any(word in row[0] for word in only)]
    cookies = {username: session_cookie(username) for _, _, username in rows}
    from django.db import connections

    connections.close_all()
    # Production serves hashed, compressed static files (WhiteNoise's manifest): collect them.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=_environment(), check=True
    )
    server = start_server()
    try:
        print(f"\nPages under gunicorn ({WORKERS} workers) on {engine}: p50/p95 of {LATENCY_REPEAT} "
              f"requests, then {CLIENTS} clients for {SECONDS:g} s per page in each of {ROUNDS} rounds")
        print(f"{'page':38} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'KB gz':>7} {'req/s':>8} {'ratio':>6} "
              f"{'vs login':>8}")
        # The machine's speed drifts during a run (a shared VM): every page, the trivial one
        # included, is measured in each of `ROUNDS` rounds, and its rate is the mean of its rounds.
        latencies = [latency(url, cookies[username]) for _, url, username in rows]
        rates = [0.0] * len(rows)
        for _ in range(ROUNDS):
            for index, (_, url, username) in enumerate(rows):
                rates[index] += throughput(url, cookies[username]) / ROUNDS
        trivial = rates[0]
        login = next((rate for (label, _, _), rate in zip(rows, rates) if label == "login page"), None)
        for (label, _, _), (status, p50, p95, size), rate in zip(rows, latencies, rates):
            versus = f"{rate / login:>8.3f}" if login else f"{'–':>8}"
            print(f"{label:38} {status:>6} {p50:>8.1f} {p95:>8.1f} {size / 1024:>7.1f} {rate:>8.1f} {rate / trivial:>6.3f} "
                  f"{versus}", flush=True)
        print("(ratio: the page's requests per second / the trivial page's; vs login: / the login page's; same run)")
    finally:
        stop_server(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
