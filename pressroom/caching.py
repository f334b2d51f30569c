"""A Redis cache that never takes a page down with it.

`ResilientRedisCache` is the Flask-Caching backend selected when `CACHE_REDIS_URL` is set
(`CACHE_TYPE = "pressroom.caching.ResilientRedisCache"`). Every operation has a short socket
timeout and no retries; a failure is logged as a warning and treated as a miss. After a failure
the cache stays away from Redis for a short back-off, so a hung server costs one timeout per
back-off period rather than one per request. Keys whose deletion failed are deleted again before
anything else once Redis answers, so an invalidation lost in an outage is not lost for good.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from flask_caching.backends.rediscache import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

#: Seconds to wait for Redis to accept a connection or answer a command.
SOCKET_TIMEOUT = 0.25
#: Seconds to leave Redis alone after a failure.
BACKOFF = 5.0
#: Seconds between two warnings about the same outage.
LOG_INTERVAL = 60.0
#: Failed deletions remembered for replay; beyond this the oldest are dropped (and logged).
MAX_PENDING_DELETES = 1000


class ResilientRedisCache(RedisCache):
    """Redis through a circuit breaker: failures are misses, logged once per interval."""

    def __init__(self, *args: Any, backoff: float = BACKOFF, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.backoff = backoff
        self._lock = threading.Lock()
        self._down_until = 0.0
        self._failures = 0
        #: Outages this process has seen end; the content state is re-checked after each.
        self.recoveries = 0
        self._last_warning = -LOG_INTERVAL
        self._pending_deletes: dict[str, None] = {}  # an ordered set

    @classmethod
    def factory(cls, app, config, args, kwargs) -> "ResilientRedisCache":
        """Build the cache from the app's config: short timeouts, no retries, the back-off."""
        from redis import from_url
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        timeout = float(config.get("PRESSROOM_CACHE_SOCKET_TIMEOUT", SOCKET_TIMEOUT))
        client = from_url(
            config["CACHE_REDIS_URL"],
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            # The default retries with back-off would turn one short timeout into seconds.
            retry=Retry(NoBackoff(), 0),
        )
        # Flask-Caching merges CACHE_OPTIONS into kwargs; they configure nothing here.
        kwargs = {
            k: v for k, v in kwargs.items() if k in ("default_timeout", "ignore_delete_many_errors")
        }
        return cls(
            host=client,
            key_prefix=config.get("CACHE_KEY_PREFIX"),
            backoff=float(config.get("PRESSROOM_CACHE_BACKOFF", BACKOFF)),
            **kwargs,
        )

    def _guard(self, operation: str, default: Any, call: Callable[[], Any]) -> Any:
        """Run `call` unless Redis is backing off; on a failure log it and return `default`."""
        if time.monotonic() < self._down_until:
            return default
        try:
            self._replay_deletes()
            result = call()
        except RedisError as error:
            self._failed(operation, error)
            return default
        if self._failures:
            with self._lock:
                failures, self._failures = self._failures, 0
                self.recoveries += 1
            log.warning("cache: Redis answers again after %d failed operations", failures)
        return result

    def _failed(self, operation: str, error: Exception) -> None:
        """Start a back-off and warn, at most once per LOG_INTERVAL for one outage."""
        now = time.monotonic()
        with self._lock:
            self._down_until = now + self.backoff
            self._failures += 1
            first = self._failures == 1
            due = first or now - self._last_warning >= LOG_INTERVAL
            if due:
                self._last_warning = now
        if due:
            log.warning(
                "cache: Redis %s failed (%s: %s); serving without the cache, retrying in %gs%s",
                operation, type(error).__name__, error, self.backoff,
                "" if first else f" ({self._failures} failures so far)",
            )

    def _remember_deletes(self, keys: tuple[str, ...]) -> None:
        """Keep keys whose deletion failed, to delete them when Redis answers again."""
        with self._lock:
            for key in keys:
                self._pending_deletes[key] = None
            while len(self._pending_deletes) > MAX_PENDING_DELETES:
                dropped = next(iter(self._pending_deletes))
                del self._pending_deletes[dropped]
                log.warning("cache: forgot the failed deletion of %r (too many pending)", dropped)

    def _replay_deletes(self) -> None:
        """Delete the keys whose deletion failed earlier; raise if Redis still fails."""
        if not self._pending_deletes:
            return
        with self._lock:
            keys = list(self._pending_deletes)
        # The raw client: the cache's own delete methods would come back here.
        prefix = self._get_prefix()
        self._write_client.delete(*(prefix + key for key in keys))
        with self._lock:
            for key in keys:
                self._pending_deletes.pop(key, None)

    def _delete(self, operation: str, keys: tuple[str, ...], call: Callable[[], Any]) -> Any:
        """Delete `keys`; if Redis fails, remember them, so no stale entry outlives an outage."""
        marker = object()
        result = self._guard(operation, marker, call)
        if result is marker:
            self._remember_deletes(keys)
            return False
        return result

    def get(self, key: str) -> Any:
        """Return the cached value, or None on a miss or a failure."""
        parent = super()
        return self._guard("get", None, lambda: parent.get(key))

    def get_many(self, *keys: str) -> list[Any]:
        """Return the cached values, None for each on a failure."""
        parent = super()
        return self._guard("get_many", [None] * len(keys), lambda: parent.get_many(*keys))

    def has(self, key: str) -> bool:
        """Tell whether `key` is cached; False on a failure."""
        parent = super()
        return self._guard("has", False, lambda: parent.has(key))

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any:
        """Cache a value; False on a failure."""
        parent = super()
        return self._guard("set", False, lambda: parent.set(key, value, timeout))

    def add(self, key: str, value: Any, timeout: int | None = None) -> Any:
        """Cache a value unless `key` exists; False on a failure."""
        parent = super()
        return self._guard("add", False, lambda: parent.add(key, value, timeout))

    def claim(self, key: str, milliseconds: int) -> bool:
        """Set `key` unless it exists, expiring after `milliseconds`, in one atomic command
        (`SET NX PX`: a lock that cannot outlive a crash); True on a failure, so that a
        request renders for itself rather than wait on a lock nobody can see."""
        name = f"{self._get_prefix()}{key}"
        client = self._write_client
        return self._guard(
            "claim", True, lambda: bool(client.set(name, b"1", nx=True, px=milliseconds))
        )

    def set_many(self, mapping: dict[str, Any], timeout: int | None = None) -> list[Any]:
        """Cache several values; an empty list on a failure."""
        parent = super()
        return self._guard("set_many", [], lambda: parent.set_many(mapping, timeout))

    def delete(self, key: str) -> bool:
        """Delete `key`; on a failure remember it and return False."""
        parent = super()
        return self._delete("delete", (key,), lambda: parent.delete(key))

    def delete_many(self, *keys: str) -> list[Any]:
        """Delete `keys`; on a failure remember them and return an empty list."""
        parent = super()
        result = self._delete("delete_many", keys, lambda: parent.delete_many(*keys))
        return [] if result is False else result

    def unlink(self, *keys: str) -> Any:
        """Unlink `keys`; on a failure remember them for deletion and return False."""
        parent = super()
        return self._delete("unlink", keys, lambda: parent.unlink(*keys))

    def clear(self) -> bool:
        """Delete every key under the prefix; False on a failure."""
        parent = super()
        return self._guard("clear", False, lambda: parent.clear())

    def inc(self, key: str, delta: int = 1) -> Any:
        """Increment a counter; None on a failure."""
        parent = super()
        return self._guard("inc", None, lambda: parent.inc(key, delta))

    def dec(self, key: str, delta: int = 1) -> Any:
        """Decrement a counter; None on a failure."""
        parent = super()
        return self._guard("dec", None, lambda: parent.dec(key, delta))
