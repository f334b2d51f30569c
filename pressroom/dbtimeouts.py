"""Time limits on PostgreSQL, so a database that stops answering never holds a worker for long.

A slow query is the server's to stop: each connection a request takes from the pool gets
`statement_timeout`. A database that does not answer at all — hung, or behind a network that
swallows packets — can stop nothing, and libpq has no read timeout. So:

- connecting gives up after `connect_timeout`;
- idle connections in the pool are probed by TCP keepalives;
- while a request holds a connection, a watchdog thread knows its deadline; past it, the
  connection's socket is shut down, the waiting driver call fails at once, the pool drops the
  connection and the request answers the usual 503;
- after that, the process leaves the database alone for a back-off period (requests that need
  it answer 503 at once), then tries again: a hung database costs each worker one timeout per
  back-off, not one per request.

The check a pool makes before handing out a connection (`SET statement_timeout`, a round trip
that also proves the connection alive) runs under the same watchdog. Outside requests (the
command line, imports, the benchmark's data) connections have no time limit.
"""

import heapq
import itertools
import math
import socket
import threading
import time

from flask import has_request_context
from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError

#: libpq settings for every connection: keepalives on idle pooled connections.
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
              "keepalives_count": 3}


class Watchdog:
    """One thread per process that shuts down the sockets of connections held too long."""

    def __init__(self):
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._armed: dict[int, int] = {}  # sequence number → socket file descriptor
        self._sequence = itertools.count()
        self._thread: threading.Thread | None = None
        self.fired = 0
        #: Until this instant (time.monotonic) the database is left alone: it did not answer.
        self.down_until = 0.0
        self.backoff = 5.0

    def arm(self, fd: int, seconds: float) -> int:
        """Shut down socket `fd` in `seconds` unless disarmed first; return the ticket."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                # Started on first use: after gunicorn forks, in the process that needs it.
                self._thread = threading.Thread(target=self._run, name="db-watchdog", daemon=True)
                self._thread.start()
            # Deadlines disarmed since (requests that ended) leave the heap here, a few at a
            # time, rather than all at once when the thread wakes: with a long timeout that
            # was thousands, a burst of CPU inside some request.
            while self._heap and self._heap[0][1] not in self._armed:
                heapq.heappop(self._heap)
            ticket = next(self._sequence)
            self._armed[ticket] = fd
            deadline = time.monotonic() + seconds
            # The thread sleeps until the earliest deadline it knew: woken only when this one
            # comes sooner. Waking it on every request cost a thread switch per page.
            sooner = not self._heap or deadline < self._heap[0][0]
            heapq.heappush(self._heap, (deadline, ticket))
            if sooner:
                self._lock.notify()
            return ticket

    def disarm(self, ticket: int | None) -> None:
        """Forget a deadline (the connection went back to the pool, or is being closed)."""
        if ticket is not None:
            with self._lock:
                self._armed.pop(ticket, None)

    def _run(self) -> None:
        """Sleep until the next deadline; shut down the socket of each one that passes."""
        with self._lock:
            while True:
                while self._heap and self._heap[0][1] not in self._armed:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._lock.wait()
                    continue
                deadline, ticket = self._heap[0]
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._lock.wait(wait)
                    continue
                heapq.heappop(self._heap)
                # Under the lock: a connection is disarmed before it is closed, so the
                # descriptor still belongs to it here.
                self._shut_down(self._armed.pop(ticket))

    def hold_off(self) -> None:
        """Start a back-off: the database did not answer (a connection attempt timed out)."""
        self.down_until = time.monotonic() + self.backoff

    def is_down(self) -> bool:
        """Tell whether the database failed to answer within the last back-off period."""
        return time.monotonic() < self.down_until

    def _shut_down(self, fd: int) -> None:
        """Shut a socket down both ways, leaving the descriptor to its owner; start a back-off."""
        self.fired += 1
        self.down_until = time.monotonic() + self.backoff
        try:
            sock = socket.socket(fileno=fd)
        except OSError:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            sock.detach()


watchdog = Watchdog()


def connect_timeout(timeout: float) -> int:
    """Return libpq's connect timeout for `timeout`: whole seconds, at least libpq's 2."""
    return max(2, math.ceil(timeout))


def connect_args(timeout: float) -> dict:
    """Return libpq's settings: the connect timeout and keepalives."""
    return {"connect_timeout": connect_timeout(timeout), **KEEPALIVES}


def watch(engine, timeout: float, backoff: float) -> None:
    """Put a connection's time in a request under `timeout` seconds (replaces pre-ping)."""
    from psycopg import OperationalError

    watchdog.backoff = backoff

    @event.listens_for(engine, "do_connect")
    def connect(dialect, record, cargs, cparams):
        """Connect, unless the database is being left alone; a connection attempt that timed
        out (rather than being refused: a restart) starts the back-off too."""
        if has_request_context() and watchdog.is_down():
            raise OperationalError(f"the database did not answer; not asking for {backoff:g}s")
        started = time.monotonic()
        try:
            return dialect.connect(*cargs, **cparams)
        except OperationalError:
            waited = time.monotonic() - started
            if waited >= int(cparams.get("connect_timeout") or connect_timeout(timeout)) - 0.5:
                watchdog.hold_off()
            raise

    @event.listens_for(engine, "checkout")
    def check_out(dbapi_connection, record, proxy):
        """Arm the watchdog for a request; set and prove the statement timeout in one trip.

        A connection that fails the check is replaced (as pre-ping would); one that did not
        answer in time is not, since a new one would wait for its connect timeout too.
        """
        in_request = has_request_context()
        if in_request and watchdog.is_down():
            raise OperationalError(
                f"the database did not answer within {timeout:g}s; "
                f"not asking again for {backoff:g}s"
            )
        limit = int(timeout * 1000) if in_request else 0
        if limit:
            record.info["watchdog"] = watchdog.arm(dbapi_connection.fileno(), timeout)
        try:
            # Outside a transaction (a pooled connection has none open), so the setting holds
            # for the session in this one round trip, with no COMMIT to send after it.
            dbapi_connection.autocommit = True
            try:
                with dbapi_connection.cursor() as cursor:
                    cursor.execute(f"SET statement_timeout = {limit}")
            finally:
                dbapi_connection.autocommit = False
        except Exception as error:  # any driver failure: this connection is no good
            watchdog.disarm(record.info.pop("watchdog", None))
            if in_request and watchdog.is_down():
                message = f"the database did not answer within {timeout:g}s"
                raise OperationalError(message) from error
            raise DisconnectionError(str(error)) from error

    def release(dbapi_connection, record, *args):
        """Disarm before the connection is reused or closed."""
        if record is not None:
            watchdog.disarm(record.info.pop("watchdog", None))

    event.listen(engine, "checkin", release)
    event.listen(engine, "invalidate", release)
    event.listen(engine, "soft_invalidate", release)
    event.listen(engine, "close", release)
    event.listen(engine, "detach", release)
