"""The resilient Redis cache on its own: misses on failure, a back-off, no lost invalidation."""

import logging
import time

import pytest

from pressroom.config import cache_settings
from pressroom.extensions import cache

from .servers import RedisServer

pytestmark = pytest.mark.skipif(
    not RedisServer.available(), reason="redis-server is not installed (Debian's redis-server)"
)


@pytest.fixture
def redis_server(tmp_path):
    """A running Redis of the test's own."""
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def cache_app(make_app, redis_server):
    """An app with the resilient cache on the test's Redis and a 0.3 s back-off."""
    app = make_app(
        **cache_settings(redis_server.url), CACHE_KEY_PREFIX="unit:", PRESSROOM_CACHE_BACKOFF=0.3
    )
    with app.app_context():
        yield app


def timed(call):
    """Return `call()` and how long it took."""
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def test_values_round_trip_while_redis_answers(cache_app):
    """With Redis up it is an ordinary cache."""
    assert cache.set("greeting", {"ru": "Здравствуйте"})
    assert cache.get("greeting") == {"ru": "Здравствуйте"}
    assert cache.delete("greeting")
    assert cache.get("greeting") is None


def test_a_hung_redis_costs_one_timeout_then_is_skipped(cache_app, redis_server, caplog):
    """The first call waits one socket timeout; calls during the back-off return at once."""
    cache.set("k", "v")
    redis_server.pause()
    try:
        value, first = timed(lambda: cache.get("k"))
        assert value is None
        assert 0.2 < first < 1.0
        stored, second = timed(lambda: cache.set("k", "w"))
        assert stored is False
        assert second < 0.1
    finally:
        redis_server.resume()
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "TimeoutError" in warnings[0].getMessage()
    time.sleep(0.35)  # the back-off ends
    assert cache.get("k") == "v"
    assert "answers again" in caplog.records[-1].getMessage()


def test_an_invalidation_lost_in_an_outage_is_replayed(cache_app, redis_server):
    """A delete that failed is done first thing when Redis answers, so no stale value survives."""
    cache.set("content-state", "old token", timeout=0)
    redis_server.pause()
    try:
        assert cache.delete("content-state") is False
    finally:
        redis_server.resume()
    time.sleep(0.35)
    assert cache.get("content-state") is None
    assert redis_server.keys("unit:*") == []
