"""Redis refused, killed or hung: pages are still served, quickly, and caching comes back.

Each test runs the app under gunicorn against a `redis-server` of its own; the machine's shared
Redis is never touched.
"""

import uuid

import pytest

from .servers import AppServer, RedisServer, free_port, wait_until

pytestmark = pytest.mark.skipif(
    not RedisServer.available(), reason="redis-server is not installed (Debian's redis-server)"
)

#: Pages and how each must answer; a few of each kind a visitor or a widget asks for.
PAGES = {
    "/en/": 200, "/ru/": 200, "/en/statements/": 200, "/ru/statements/?page=1": 200,
    "/widgets/clock?tz=Europe/London": 200, "/widgets/latest?lang=ru": 200,
    "/widgets/?lang=en": 200,
}
#: A request may take one socket timeout (0.25 s) and no more; this allows for a slow machine.
FAST = 2.0
WARNING = "cache: Redis"


@pytest.fixture
def redis_server(tmp_path):
    """A Redis of the test's own, not yet started."""
    server = RedisServer(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def start_app(app, database_url, tmp_path):
    """Return a function that starts the app under gunicorn with its cache on a given Redis."""
    servers = []
    prefix = f"outage-{uuid.uuid4().hex[:8]}:"

    def start(redis_url: str) -> AppServer:
        server = AppServer(
            {
                "DATABASE_URL": database_url,
                "CACHE_REDIS_URL": redis_url,
                "CACHE_KEY_PREFIX": prefix,
                # A short back-off, so the test sees caching resume within a second.
                "PRESSROOM_CACHE_BACKOFF": "0.5",
            },
            tmp_path / f"gunicorn-{len(servers)}.log",
        )
        server.prefix = prefix
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def assert_pages_served(server: AppServer) -> None:
    """Every page answers as it should, each within FAST seconds."""
    for path, status in PAGES.items():
        response = server.get(path, timeout=FAST + 3)
        assert response.status == status, (path, response.status, server.log_text())
        assert response.seconds < FAST, (path, response.seconds)


def cached_keys(redis_server: RedisServer, server: AppServer) -> list[bytes]:
    """Return the app's keys in its Redis."""
    return redis_server.keys(f"{server.prefix}*")


def assert_caching_resumes(redis_server: RedisServer, server: AppServer) -> None:
    """After the back-off the app uses Redis again: it says so, and writes its keys anew."""

    def resumed() -> bool:
        assert server.get("/en/statements/").status == 200
        return "Redis answers again" in server.log_text()

    wait_until(resumed, 5, "Redis to be used again")
    redis_server.flush()
    assert server.get("/ru/statements/").status == 200
    assert cached_keys(redis_server, server)


def test_redis_refused_from_the_start(redis_server, start_app):
    """With nothing listening on the Redis port, pages are served and a warning is logged."""
    server = start_app(redis_server.url)
    assert_pages_served(server)
    assert WARNING in server.log_text()
    assert "Traceback" not in server.log_text()
    redis_server.start()
    assert_caching_resumes(redis_server, server)


def test_redis_killed_mid_run(redis_server, start_app):
    """Redis dies while the app runs: pages go on; once Redis restarts, caching resumes."""
    redis_server.start()
    server = start_app(redis_server.url)
    assert_pages_served(server)
    assert cached_keys(redis_server, server)
    assert WARNING not in server.log_text()
    redis_server.kill()
    assert_pages_served(server)
    assert WARNING in server.log_text()
    redis_server.start()  # same port, empty: a restart without persistence
    assert_caching_resumes(redis_server, server)


def test_redis_hung(redis_server, start_app):
    """A stopped Redis accepts connections and never answers: pages still come within FAST."""
    redis_server.start()
    server = start_app(redis_server.url)
    assert_pages_served(server)
    redis_server.pause()
    try:
        assert_pages_served(server)
        assert_pages_served(server)  # the back-off: no more timeouts to wait for
        assert WARNING in server.log_text()
        assert "TimeoutError" in server.log_text()
    finally:
        redis_server.resume()
    assert_caching_resumes(redis_server, server)


def test_warnings_are_not_logged_per_request(redis_server, start_app):
    """One outage gives one warning, however many requests it spans."""
    server = start_app(f"redis://127.0.0.1:{free_port()}/0")
    for _ in range(3):
        assert_pages_served(server)
    assert server.log_text().count(WARNING) == 1
