"""A hung Redis and a hung PostgreSQL together: sign-in and public pages still answer, within
the documented time limits, on real gunicorn workers; everything recovers by itself.

Redis is stopped with SIGSTOP (connections are accepted and never answered); PostgreSQL is
reached through a proxy that goes on accepting bytes and never forwards them. Neither failure
closes a connection: only the app's own time limits can end the wait.
"""

import threading
import time
import urllib.error

import pytest
from sqlalchemy.engine import make_url

from pressroom import dbtimeouts

from .servers import AppServer, RedisServer, ServiceProxy, wait_until
from .staff_client import EMAIL, PASSWORD, StaffBrowser, hidden

DATABASE_TIMEOUT = 2.0  # libpq connects in no less
CACHE_TIMEOUT = 0.25
BACKOFF = 3.0
#: What one request may wait: one cache timeout and one database timeout (each once per
#: back-off in each worker), and as much again queued behind another such request.
BOUND = 2 * (CACHE_TIMEOUT + DATABASE_TIMEOUT) + 1.0


@pytest.fixture
def hung(app, database_url, tmp_path):
    """gunicorn with two workers, Redis of its own, PostgreSQL behind a proxy; yields them."""
    if database_url.startswith("sqlite"):
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL): a SQLite file cannot hang")
    if not RedisServer.available():
        pytest.skip("redis-server is not installed (Debian's redis-server)")
    url = make_url(database_url)
    proxy = ServiceProxy(url.host or "127.0.0.1", url.port or 5432)
    redis = RedisServer(tmp_path).start()
    server = None
    try:
        server = AppServer(
            {
                "DATABASE_URL": url.set(host="127.0.0.1", port=proxy.port).render_as_string(
                    hide_password=False
                ),
                "CACHE_REDIS_URL": redis.url,
                "WEB_CONCURRENCY": "2",
                "PRESSROOM_DATABASE_TIMEOUT": str(DATABASE_TIMEOUT),
                "PRESSROOM_DATABASE_BACKOFF": str(BACKOFF),
                "PRESSROOM_CACHE_SOCKET_TIMEOUT": str(CACHE_TIMEOUT),
                "PRESSROOM_CACHE_BACKOFF": str(BACKOFF),
            },
            tmp_path / "gunicorn.log",
        )
        yield server, redis, proxy
    finally:
        redis.resume()
        if server is not None:
            server.stop()
        proxy.close()
        redis.stop()


def timed_sign_in(browser: StaffBrowser, form: str, results: list) -> None:
    """Post the sign-in form; append (status, seconds) to `results`."""
    data = {"csrf_token": hidden(form, "csrf_token"), "email": EMAIL, "password": PASSWORD}
    started = time.monotonic()
    try:
        browser.page("/staff/sign-in", data)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError:
        status = 0  # no answer at all
    results.append((status, time.monotonic() - started))


def sign_ins_and_a_page(server, browsers, forms, path: str, wait: float):
    """Post two sign-in forms and GET `path` meanwhile; return the page and the sign-ins'
    (status, seconds)."""
    results: list = []
    threads = [
        threading.Thread(target=timed_sign_in, args=(browser, form, results))
        for browser, form in zip(browsers, forms, strict=True)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    page = server.get(path, timeout=wait + 10)
    for thread in threads:
        thread.join(wait + 10)
    return page, results


def test_sign_in_and_pages_answer_within_the_limits_while_redis_and_postgresql_hang(
    hung, staff_user, add_statement
):
    """Two sign-ins and a page at once, with both services hung: each answers (503 where the
    database is needed) within BOUND; then the site recovers without a restart."""
    server, redis, proxy = hung
    add_statement({"en": "Quiet harbour", "ru": "Тихая гавань"})
    assert server.get("/en/").status == 200
    browsers = [StaffBrowser(server.url) for _ in range(2)]
    forms = [browser.page("/staff/sign-in") for browser in browsers]

    redis.pause()
    proxy.hang()
    page, results = sign_ins_and_a_page(server, browsers, forms, "/en/statements/?page=2", BOUND)

    assert page.status == 503, server.log_text()[-3000:]
    assert page.headers["Retry-After"] == "30"
    assert page.seconds < BOUND, page.seconds
    assert sorted(status for status, _ in results) == [503, 503], results
    assert all(seconds < BOUND for _, seconds in results), results
    # Within the back-off, a request that needs the database does not wait for it again.
    again = server.get("/ru/statements/?page=3", timeout=BOUND + 10)
    assert again.status == 503 and again.seconds < 1.0, again.seconds

    proxy.unhang()
    redis.resume()
    recovered = wait_until(
        lambda: (r := server.get("/en/statements/")).status == 200 and r,
        BACKOFF + 2 * BOUND, "the site to answer again",
    )
    assert "Quiet harbour" in recovered.text
    assert "Traceback" not in server.log_text()


#: With only Redis hung, what a sign-in (the throttle's Redis, then the cache's) or a page may
#: wait: a socket timeout for each of the two, and as much again queued behind another request,
#: besides the password check. Without a socket timeout each sign-in waited 10.4 s.
REDIS_BOUND = 4 * CACHE_TIMEOUT + 2.0


@pytest.fixture
def redis_hung(app, database_url, tmp_path):
    """gunicorn with two workers and Redis of its own (cache and sign-in counts); the database
    answers as usual, SQLite or PostgreSQL. Yields the server and Redis."""
    if not RedisServer.available():
        pytest.skip("redis-server is not installed (Debian's redis-server)")
    redis = RedisServer(tmp_path).start()
    server = None
    try:
        server = AppServer(
            {
                "DATABASE_URL": database_url,
                "CACHE_REDIS_URL": redis.url,
                "WEB_CONCURRENCY": "2",
                "PRESSROOM_CACHE_SOCKET_TIMEOUT": str(CACHE_TIMEOUT),
                "PRESSROOM_CACHE_BACKOFF": str(BACKOFF),
            },
            tmp_path / "gunicorn.log",
        )
        yield server, redis
    finally:
        redis.resume()
        if server is not None:
            server.stop()
        redis.stop()


def test_sign_in_and_pages_answer_while_only_redis_hangs(redis_hung, staff_user, add_statement):
    """Redis stopped by SIGSTOP, the database fine: two sign-ins at once succeed and a page
    answers meanwhile, each within REDIS_BOUND (the sign-in throttle's Redis client has a
    socket timeout, then counts in the process's memory)."""
    server, redis = redis_hung
    add_statement({"en": "Quiet harbour", "ru": "Тихая гавань"})
    assert server.get("/en/").status == 200
    browsers = [StaffBrowser(server.url) for _ in range(2)]
    forms = [browser.page("/staff/sign-in") for browser in browsers]

    redis.pause()
    try:
        page, results = sign_ins_and_a_page(server, browsers, forms, "/ru/statements/", REDIS_BOUND)
    finally:
        redis.resume()
    print("only Redis hung:", f"page {page.seconds:.2f}s,", "sign-ins", results)

    log = server.log_text()
    assert page.status == 200, log[-3000:]
    assert "Тихая гавань" in page.text
    assert page.seconds < REDIS_BOUND, page.seconds
    # Signed in: the redirect to the dashboard was followed and answered.
    assert sorted(status for status, _ in results) == [200, 200], (results, log[-3000:])
    assert all(seconds < REDIS_BOUND for _, seconds in results), results
    assert "sign-in limit: Redis failed" in log  # the throttle met the hung Redis
    assert "Traceback" not in log


def test_the_watchdog_shuts_a_socket_down_at_its_deadline_unless_disarmed():
    """A socket waited on past its deadline is shut down (the read returns at once); one
    disarmed in time is left alone; the back-off starts when it fires."""
    import socket

    watchdog = dbtimeouts.Watchdog()
    watchdog.backoff = 60
    late, peer = socket.socketpair()
    punctual, other = socket.socketpair()
    try:
        watchdog.arm(late.fileno(), 0.2)
        ticket = watchdog.arm(punctual.fileno(), 0.2)
        watchdog.disarm(ticket)
        started = time.monotonic()
        assert late.recv(1) == b""  # shut down: the blocked read ends
        assert 0.15 < time.monotonic() - started < 2
        assert watchdog.fired == 1 and watchdog.is_down()
        other.sendall(b"x")
        assert punctual.recv(1) == b"x"  # still open
    finally:
        for sock in (late, peer, punctual, other):
            sock.close()


def test_the_watchdog_keeps_every_deadline_whatever_the_order_they_come_in():
    """A deadline sooner than those the thread sleeps towards wakes it; a later one is kept
    for when it wakes; one disarmed before its time leaves the next ones on time."""
    import socket

    watchdog = dbtimeouts.Watchdog()
    pairs = [socket.socketpair() for _ in range(4)]
    (distant, _), (soon, _), (later, _), (disarmed, _) = pairs
    try:
        watchdog.arm(distant.fileno(), 30)
        started = time.monotonic()
        watchdog.arm(soon.fileno(), 0.2)  # sooner than the 30 s the thread sleeps towards
        assert soon.recv(1) == b""
        assert 0.15 < time.monotonic() - started < 2
        watchdog.disarm(watchdog.arm(disarmed.fileno(), 0.1))
        started = time.monotonic()
        watchdog.arm(later.fileno(), 0.4)  # after the disarmed one: no wake-up needed
        assert later.recv(1) == b""
        assert 0.35 < time.monotonic() - started < 2.5
        assert watchdog.fired == 2
    finally:
        for pair in pairs:
            for sock in pair:
                sock.close()


def test_a_request_connection_carries_the_statement_timeout(app, database_url):
    """A connection taken in a request has the statement timeout set for its session, and no
    transaction left open by setting it; outside requests connections have none."""
    if database_url.startswith("sqlite"):
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL): SQLite has no statement timeout")
    from psycopg.pq import TransactionStatus
    from sqlalchemy import text

    from pressroom.extensions import db

    setting = text("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
    expected = str(int(app.config["PRESSROOM_DATABASE_TIMEOUT"] * 1000))
    for _ in range(2):  # a new connection, then the same one from the pool again
        with app.test_request_context():
            # Checked out, before the request's first statement: no transaction left open.
            raw = db.session.connection().connection.dbapi_connection
            assert raw.info.transaction_status == TransactionStatus.IDLE
            assert db.session.execute(setting).scalar() == expected
            db.session.remove()
    with app.app_context():
        assert db.session.execute(setting).scalar() == "0"
        db.session.remove()
