"""Real processes for outage tests: the app under gunicorn, a Redis of its own, a service proxy.

Nothing here touches the machine's shared PostgreSQL or Redis: a test that needs Redis to fail
starts its own `redis-server`, and a test that needs the database to fail puts a proxy between
the app and PostgreSQL and switches the proxy off.
"""

import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from pressroom import ROOT

#: Variables of the test run's own environment that must not configure the server.
INHERITED_NOT = (
    "TEST_", "PRESSROOM_", "DATABASE_URL", "CACHE_", "SECRET_KEY", "WEB_CONCURRENCY", "GUNICORN",
)
#: How long a process may take to become ready before the test fails (a loaded 2-core machine
#: has taken more than 10 s to import the app in three workers at once, and once more than 30 s
#: to start one while the other test process ran the bad-input sweep and a browser).
START_TIMEOUT = 60.0


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(
    condition: Callable[[], object], timeout: float, what: str | Callable[[], str]
) -> object:
    """Poll `condition` until it returns something truthy; fail after `timeout` seconds, saying
    `what` was waited for (a function is asked then, so a log is read as it is at the end)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            described = what() if callable(what) else what
            raise AssertionError(f"timed out after {timeout}s waiting for {described}")
        time.sleep(0.05)


@dataclass
class Response:
    """What a test needs of an HTTP response."""

    status: int
    headers: dict[str, str]
    text: str
    seconds: float


def http_get(url: str, path: str, timeout: float = 5.0, headers: dict | None = None) -> Response:
    """GET `path` from the server at `url` without following redirects."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=timeout)
    started = time.monotonic()
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        return Response(
            response.status, dict(response.getheaders()), body, time.monotonic() - started
        )
    finally:
        connection.close()


def stop_process(process: subprocess.Popen) -> None:
    """Stop a process started here: SIGCONT in case it was paused, SIGTERM, then SIGKILL."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGCONT)
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


class AppServer:
    """The app under gunicorn with `gunicorn.conf.py`, one sync worker, on a socket bound here."""

    def __init__(self, env: dict[str, str], log: Path):
        # The socket is bound before gunicorn starts, so no other process can take the port.
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.log = log
        fd = self.socket.fileno()
        environment = {
            **{k: v for k, v in os.environ.items() if not k.startswith(INHERITED_NOT)},
            "WEB_CONCURRENCY": "1",
            "SECRET_KEY": "server-test-secret-of-32-bytes-or-more",
            **env,
        }
        with open(log, "ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
                 "--bind", f"fd://{fd}", "wsgi:app"],
                cwd=ROOT, env=environment, pass_fds=(fd,), stdout=output, stderr=output,
            )
        # gunicorn has the socket now. Ours is closed at once: a thread of this process that
        # shuts down a socket it closed meanwhile (its number taken by this one) would otherwise
        # shut down gunicorn's listener too — every worker's accept() then fails with EINVAL.
        self.socket.close()
        try:
            wait_until(
                self.ready, START_TIMEOUT, lambda: f"the app server (log: {self.log_text()})"
            )
        except BaseException:
            self.stop()
            raise

    def ready(self) -> bool:
        """Tell whether the server answers (the bare address redirects without the database)."""
        if self.process.poll() is not None:
            raise AssertionError(f"the app server exited: {self.log.read_text()}")
        try:
            return self.get("/", timeout=1).status == 302
        except OSError:
            return False

    def get(self, path: str, timeout: float = 5.0, headers: dict | None = None) -> Response:
        """GET a path from this server."""
        return http_get(self.url, path, timeout, headers)

    def log_text(self) -> str:
        """Return what the server has logged so far."""
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        """Stop gunicorn and close the listening socket."""
        stop_process(self.process)
        self.socket.close()


class RedisServer:
    """A `redis-server` of the test's own, on a free port, that keeps nothing on disk."""

    def __init__(self, workdir: Path, port: int | None = None):
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @staticmethod
    def available() -> bool:
        """Tell whether `redis-server` is installed."""
        return shutil.which("redis-server") is not None

    def start(self) -> "RedisServer":
        """Start the server and wait until it answers PING."""
        import redis

        with open(self.workdir / "redis.log", "ab") as output:
            self.process = subprocess.Popen(
                ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                 "--save", "", "--appendonly", "no", "--daemonize", "no",
                 "--dir", str(self.workdir)],
                stdout=output, stderr=output,
            )
        client = redis.Redis.from_url(self.url, socket_timeout=0.5, socket_connect_timeout=0.5)

        def answers() -> bool:
            try:
                return bool(client.ping())
            except redis.RedisError:
                return False

        wait_until(answers, START_TIMEOUT, "redis-server")
        client.close()
        return self

    def keys(self, pattern: str) -> list[bytes]:
        """Return the keys matching `pattern` (the server must be running)."""
        import redis

        client = redis.Redis.from_url(self.url, socket_timeout=1)
        try:
            return client.keys(pattern)
        finally:
            client.close()

    def flush(self) -> None:
        """Delete every key (the server must be running)."""
        import redis

        client = redis.Redis.from_url(self.url, socket_timeout=1)
        try:
            client.flushall()
        finally:
            client.close()

    def kill(self) -> None:
        """Kill the server at once, as a crash would."""
        self.process.kill()
        self.process.wait(5)

    def pause(self) -> None:
        """Stop the process (SIGSTOP): connections are accepted by the kernel but never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        """Continue a paused server."""
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        """Stop the server if it runs."""
        if self.process is not None:
            stop_process(self.process)


class ServiceProxy:
    """A TCP proxy in front of the database or Redis that a test can switch off and on.

    Switched off, it closes every open connection and closes each new one as soon as it is
    accepted, so the app sees the service go away (and nothing it sent meanwhile arrives, as a
    paused server would still receive it). Dropping the connections while staying on is what
    the app sees when the service restarts.
    """

    def __init__(self, upstream_host: str, upstream_port: int):
        self.upstream = (upstream_host, upstream_port)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.up = True
        self.hung = False
        self._held: list[socket.socket] = []
        self.accepted = 0
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        """Accept clients and connect each to the database, or close it while switched off."""
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            if self.hung:
                self._held.append(client)  # accepted, never answered
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            with self._lock:
                self.accepted += 1
                self._sockets.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        """Copy bytes one way until either side closes."""
        try:
            while data := source.recv(65536):
                while self.hung and not self._closed:
                    time.sleep(0.02)  # the bytes arrived; nothing comes of them
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                self._close(sock)

    def _close(self, sock: socket.socket) -> None:
        """Shut a socket down both ways and close it, once: both pump threads of a connection
        and `drop_connections` close it, and a shutdown racing another thread's close could
        reach whatever socket of this process took its number since."""
        with self._lock:
            self._sockets.discard(sock)
            if sock.fileno() == -1:
                return
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def drop_connections(self) -> None:
        """Close every open connection, as a database restart does."""
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._close(sock)

    def switch_off(self) -> None:
        """The database goes away: open connections die, new ones are closed at once."""
        self.up = False
        self.drop_connections()

    def switch_on(self) -> None:
        """The database is back."""
        self.up = True

    def hang(self) -> None:
        """The service stops answering without closing anything, as a hung server or a network
        that swallows packets: bytes are accepted and go nowhere, new connections likewise."""
        self.hung = True

    def unhang(self) -> None:
        """The service answers again; connections accepted while it hung are closed."""
        self.hung = False
        held, self._held = self._held, []
        for sock in held:
            self._close(sock)

    def close(self) -> None:
        """Stop the proxy."""
        self._closed = True
        self.unhang()
        self.drop_connections()
        with suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
        self.listener.close()
