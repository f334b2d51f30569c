"""Several gunicorn workers tell one story: a save through any of them shows on every worker's
next request, on SQLite without Redis and on PostgreSQL with Redis; an invalidation lost while
Redis was unreachable is caught after the workers restart; sign-in attempts count across them.
"""

import os
import re
import signal
import uuid
from pathlib import Path

import pytest

from .servers import AppServer, RedisServer, ServiceProxy, wait_until
from .staff_client import StaffBrowser

#: Enough requests that every one of three workers answers several of them.
ROUNDS = 24
needs_redis_server = pytest.mark.skipif(
    not RedisServer.available(), reason="redis-server is not installed (Debian's redis-server)"
)


def worker_env(app_config, tmp_path, workers: int = 3, **extra) -> dict[str, str]:
    """The environment of a gunicorn with `workers` workers on the test database and cache."""
    env = {
        "DATABASE_URL": app_config["SQLALCHEMY_DATABASE_URI"],
        "WEB_CONCURRENCY": str(workers),
        "PRESSROOM_STATE_FILE": str(tmp_path / "content-state.json"),
    }
    if app_config.get("CACHE_REDIS_URL"):
        env["CACHE_REDIS_URL"] = app_config["CACHE_REDIS_URL"]
        env["CACHE_KEY_PREFIX"] = f"workers-{uuid.uuid4().hex[:8]}:"
    return {**env, **extra}


@pytest.fixture
def start_server(app, tmp_path):
    """Return a function that starts gunicorn with an environment; stops them afterwards."""
    servers = []

    def start(env: dict[str, str]) -> AppServer:
        server = AppServer(env, tmp_path / f"gunicorn-{len(servers)}.log")
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def texts(server: AppServer, path: str, rounds: int = ROUNDS, timeout: float = 5.0) -> list[str]:
    """GET `path` `rounds` times, each on a new connection (any worker may answer)."""
    answers = []
    for _ in range(rounds):
        response = server.get(path, timeout=timeout)
        assert response.status == 200, (path, response.status, server.log_text()[-2000:])
        answers.append(response.text)
    return answers


PATHS = ("/widgets/latest?lang=en", "/en/", "/ru/statements/")
#: What each of PATHS must show after the save.
SAVED = ("Harbour pilots return", "Harbour pilots return", "Лоцманы вернулись")


def save_shows_on_every_worker(server: AppServer) -> None:
    """No answer has the statement; it is saved through the staff form (one worker); then
    every answer of every worker has it."""
    for path in PATHS:
        assert all("Harbour pilots return" not in text for text in texts(server, path))
    browser = StaffBrowser(server.url)
    browser.sign_in()
    browser.create_statement(en_title="Harbour pilots return", ru_title="Лоцманы вернулись")
    for path, title in zip(PATHS, SAVED, strict=True):
        answers = texts(server, path)
        stale = sum(title not in text for text in answers)
        assert stale == 0, f"{stale} of {len(answers)} answers to {path} lack the saved statement"


def test_a_save_through_one_worker_shows_on_every_worker(
    start_server, app_config, tmp_path, staff_user, add_statement
):
    """Every worker has the pages cached; after one save, every answer of every worker has it.

    With the in-process cache this needs the shared state file: without it, each worker keeps
    its own token and the others serve the old pages for minutes.
    """
    add_statement({"en": "Earlier news", "ru": "Прежние новости"})
    server = start_server(worker_env(app_config, tmp_path))
    save_shows_on_every_worker(server)


@needs_redis_server
def test_an_invalidation_lost_in_an_outage_survives_a_worker_restart(
    start_server, app_config, tmp_path, staff_user, add_statement
):
    """Redis is unreachable during a save, the workers are restarted, Redis comes back with the
    old entries: the new workers still show the saved statement, from the database's version."""
    redis = RedisServer(tmp_path).start()
    proxy = ServiceProxy("127.0.0.1", redis.port)
    try:
        add_statement({"en": "Earlier news", "ru": "Прежние новости"})
        env = worker_env(
            app_config, tmp_path, workers=2,
            CACHE_REDIS_URL=f"redis://127.0.0.1:{proxy.port}/0", PRESSROOM_CACHE_BACKOFF="0.5",
        )
        server = start_server(env)
        browser = StaffBrowser(server.url)
        browser.sign_in()
        for path in PATHS:
            texts(server, path, rounds=4)
        assert redis.keys("*page:*"), "the pages were not cached"
        proxy.switch_off()  # unlike a paused server, Redis never receives the deletion
        browser.create_statement(en_title="Harbour pilots return", ru_title="Лоцманы вернулись")
        # New workers: whatever the old ones remembered of the failed invalidation is gone.
        workers_before = worker_pids(server)
        server.process.send_signal(signal.SIGHUP)
        wait_until(
            lambda: (pids := worker_pids(server)) and not pids & workers_before and len(pids) == 2,
            10, "new gunicorn workers",
        )
        proxy.switch_on()
        for path, title in zip(PATHS, SAVED, strict=True):
            # The new workers may still be importing the app on a busy machine.
            answers = texts(server, path, rounds=8, timeout=30)
            stale = sum(title not in text for text in answers)
            assert stale == 0, f"{stale} of {len(answers)} answers to {path} are stale"
    finally:
        proxy.close()
        redis.stop()


def worker_pids(server: AppServer) -> set[int]:
    """Return the process ids of the gunicorn master's workers."""
    master = server.process.pid
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent == master:
            found.add(int(entry))
    return found


@needs_redis_server
def test_sign_in_attempts_count_across_workers(start_server, app_config, tmp_path, staff_user):
    """With three workers sharing Redis, the fourth attempt in a minute is refused, whichever
    workers the attempts reached."""
    redis = RedisServer(tmp_path).start()
    try:
        env = worker_env(
            app_config, tmp_path, CACHE_REDIS_URL=redis.url, PRESSROOM_SIGN_IN_LIMIT="3 per minute"
        )
        server = start_server(env)
        statuses = []
        for _ in range(4):
            browser = StaffBrowser(server.url)
            try:
                browser.sign_in(password="wrong password")
                statuses.append(200)
            except OSError as error:  # urllib raises HTTPError for 4xx
                statuses.append(getattr(error, "code", 0))
        assert statuses == [422, 422, 422, 429]
        assert redis.keys("*sign-in*"), "the attempts were not counted in Redis"
    finally:
        redis.stop()


def test_preloaded_workers_serve_and_save_as_the_others_do(
    start_server, app_config, tmp_path, staff_user, add_statement
):
    """With GUNICORN_PRELOAD=1 the master holds the app and forks two workers from it: each
    worker opens its own database connections, signs in, saves, and every answer of either
    worker shows the save, as without preloading."""
    add_statement({"en": "Earlier news", "ru": "Прежние новости"})
    server = start_server(worker_env(app_config, tmp_path, workers=2, GUNICORN_PRELOAD="1"))
    # The master loaded the app (about 65 MiB; a master without it holds about 25).
    status = Path(f"/proc/{server.process.pid}/status").read_text()
    assert int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.M).group(1)) > 45 * 1024
    save_shows_on_every_worker(server)
