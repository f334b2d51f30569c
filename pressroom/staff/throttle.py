"""Sign-in attempts counted per client address, with the `limits` package called from the view.

The count lives in Redis (`RATELIMIT_STORAGE_URI`, else `CACHE_REDIS_URL`), so every worker
process on every host shares it, with the cache's short socket timeout and no retries. When Redis
fails, attempts are counted in this process's memory for the cache's back-off period, then Redis
is asked again: an outage neither stops sign-ins nor lifts the limit, and never stalls a request
for longer than one socket timeout. Nothing here runs outside the sign-in view, and nothing is
imported before the first sign-in attempt.
"""

import logging
import math
import time

from flask import current_app

log = logging.getLogger(__name__)

EXTENSION = "pressroom-sign-in-throttle"
#: The namespace of sign-in counts in the storage.
NAME = "sign-in"


class Throttle:
    """Fixed-window limits on one kind of attempt, in shared storage with a local fallback."""

    def __init__(self, limits: str, uri: str, prefix: str, timeout: float, backoff: float):
        from limits import parse_many
        from limits.storage import MemoryStorage, storage_from_string
        from limits.strategies import FixedWindowRateLimiter

        self.limits = parse_many(limits)
        self.local = FixedWindowRateLimiter(MemoryStorage())
        self.shared = None
        if not uri.startswith("memory://"):
            from redis.backoff import NoBackoff
            from redis.retry import Retry

            storage = storage_from_string(
                uri,
                key_prefix=prefix,
                wrap_exceptions=True,
                socket_timeout=timeout,
                socket_connect_timeout=timeout,
                # redis-py's default retries would turn one short timeout into seconds.
                retry=Retry(NoBackoff(), 0),
            )
            self.shared = FixedWindowRateLimiter(storage)
        self.backoff = backoff
        self._down_until = 0.0

    def hit(self, key: str) -> int:
        """Count an attempt by `key`; return 0 if it is allowed, else the seconds to wait."""
        from limits.errors import StorageError

        if self.shared is not None and time.monotonic() >= self._down_until:
            try:
                return self._hit(self.shared, key)
            except StorageError as error:
                self._down_until = time.monotonic() + self.backoff
                log.warning(
                    "sign-in limit: Redis failed (%s); counting in this process for %gs",
                    error, self.backoff,
                )
        return self._hit(self.local, key)

    def _hit(self, limiter, key: str) -> int:
        """Count an attempt against every limit; return the longest wait of those exceeded."""
        wait = 0
        for limit in self.limits:
            if not limiter.hit(limit, NAME, key):
                reset_at = limiter.get_window_stats(limit, NAME, key).reset_time
                wait = max(wait, math.ceil(reset_at - time.time()), 1)
        return wait

    def reset(self) -> None:
        """Forget every count (tests)."""
        self.local.storage.reset()
        if self.shared is not None:
            self.shared.storage.reset()


def throttle() -> Throttle:
    """Return the app's sign-in throttle, made on the first attempt."""
    found = current_app.extensions.get(EXTENSION)
    if found is None:
        config = current_app.config
        found = Throttle(
            config["PRESSROOM_SIGN_IN_LIMIT"],
            config.get("RATELIMIT_STORAGE_URI") or config.get("CACHE_REDIS_URL") or "memory://",
            config["RATELIMIT_STORAGE_OPTIONS"]["key_prefix"],
            float(config["PRESSROOM_CACHE_SOCKET_TIMEOUT"]),
            float(config["PRESSROOM_CACHE_BACKOFF"]),
        )
        current_app.extensions[EXTENSION] = found
    return found
