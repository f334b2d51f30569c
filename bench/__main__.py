"""Benchmark Pressroom against the floor (bare Flask, same bytes) in one run.

    python -m bench            # 100,000 statements, 10 s per URL
    python -m bench --quick    # 2,000 statements, 2 s per URL (CI)

Writes docs/benchmarks.md (or --output). Needs wrk (Debian package `wrk`).

The served site runs on SQLite (a cached page never asks the database). What does ask it —
search, which no cache can hold for every query, and pages rendered cold — is measured in-process
on SQLite and, when BENCH_DATABASE_URL names one (e.g.
postgresql+psycopg://postgres@127.0.0.1:5432/pr_bench, a database the benchmark may empty), on
PostgreSQL too. With BENCH_REDIS_URL as well, the publish spike is measured on PostgreSQL +
Redis besides SQLite with the in-process cache; the served pages' table always uses the default
in-process cache, so that its runs compare.
"""

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import sqlalchemy

from pressroom.search import CANDIDATES, CREATE

from . import spike
from .nginx import Nginx, adapted_site, static_server, write_config

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
WORKERS = 2
CONNECTIONS = 16
#: What is measured again through nginx: every public page and each widget once (fragments and
#: pages take the same path through nginx's cache), so the whole run stays within five minutes.
BEHIND_NGINX = {
    "home en",
    "home ru",
    "listing page 1",
    "listing page 4000",
    "listing page 100",
    "detail",
    "clock widget",
    "counter widget",
    "latest widget",
    "latest, If-None-Match (304)",
}


def free_port() -> int:
    """Return a free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, timeout: float = 30) -> None:
    """Poll `url` until it answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def engines(count: int) -> dict[str, str]:
    """Return the database URL of each engine measured: SQLite, and PostgreSQL if given."""
    found = {"SQLite": f"sqlite:///{OUT / f'bench-{count}.sqlite3'}"}
    if os.environ.get("BENCH_DATABASE_URL"):
        found["PostgreSQL"] = os.environ["BENCH_DATABASE_URL"]
    return found


def app_environment(database_url: str) -> dict:
    """Return the environment Pressroom runs with in the benchmark (production mode)."""
    env = dict(os.environ)
    engine = database_url.split(":", 1)[0].split("+")[0]
    env.update(
        PRESSROOM_ENV="production",
        SECRET_KEY="benchmark-only-key-of-32-bytes-or-more",
        DATABASE_URL=database_url,
        CACHE_REDIS_URL=os.environ.get("BENCH_REDIS_URL", ""),
        # Its own content token, not that of a development server of the same checkout.
        PRESSROOM_STATE_FILE=str(OUT / f"content-state-{engine}.json"),
        # A child sitemap of 50,000 addresses holds its PostgreSQL connection while it renders,
        # longer than the default 5 s on a busy machine (the default child holds 10,000).
        PRESSROOM_DATABASE_TIMEOUT="60",
    )
    return env


def use_environment(database_url: str, *, redis: bool = True) -> None:
    """Make apps created in this process use the benchmark's environment for `database_url`."""
    env = app_environment(database_url)
    if not redis:
        env["CACHE_REDIS_URL"] = ""
    os.environ.update(
        {
            k: env[k]
            for k in (
                "DATABASE_URL",
                "PRESSROOM_DATABASE_TIMEOUT",
                "SECRET_KEY",
                "PRESSROOM_ENV",
                "PRESSROOM_STATE_FILE",
                "CACHE_REDIS_URL",
            )
        }
    )


def statement_count(database_url: str) -> int | None:
    """Return how many statements the database has, None when it has no such table."""
    engine = sqlalchemy.create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sqlalchemy.text("SELECT count(*) FROM statement")).scalar()
    except sqlalchemy.exc.SQLAlchemyError:
        return None
    finally:
        engine.dispose()


def build_database(database_url: str, count: int) -> float:
    """Create the benchmark database with `count` statements (reused when already built for
    the same models and generator, and still holding them)."""
    sqlite = database_url.startswith("sqlite")
    # The tables are made from the models (create_all) and the search index's statements:
    # they decide the schema.
    fingerprint = hashlib.sha256(
        (ROOT / "pressroom" / "models.py").read_bytes()
        + (ROOT / "bench" / "data.py").read_bytes()
        + repr(CREATE["sqlite" if sqlite else "postgresql"]).encode()
        + database_url.encode()
    ).hexdigest()[:12]
    stem = f"bench-{count}" if sqlite else f"bench-{count}-postgresql"
    marker = OUT / f"{stem}.{count}.{fingerprint}.done"
    if marker.exists() and statement_count(database_url) == count:
        advance_sequences(database_url)
        return 0.0
    for old in OUT.glob(f"{stem}.*.done"):
        old.unlink()
    if sqlite:
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    started = time.monotonic()
    use_environment(database_url, redis=False)
    from pressroom import create_app
    from pressroom.extensions import db

    from .data import build

    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        if sqlite:
            db.session.execute(sqlalchemy.text("PRAGMA journal_mode=OFF"))
            db.session.execute(sqlalchemy.text("PRAGMA synchronous=OFF"))
        build(count)
        db.session.execute(sqlalchemy.text("ANALYZE"))
        db.session.commit()
        if not sqlite:
            # As autovacuum keeps a live database: the GIN index's pending list merged into it
            # (a search for a rare word read all 4 MB of the list, 7 ms) and the visibility map
            # set. VACUUM runs outside a transaction.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.exec_driver_sql("VACUUM ANALYZE")
    advance_sequences(database_url)
    marker.touch()
    return time.monotonic() - started


def advance_sequences(database_url: str) -> None:
    """On PostgreSQL, move each table's id sequence past the ids the generator wrote itself
    (statements are inserted with their numbers), so that a statement saved through the staff
    form (the publish spike) gets a new id instead of a unique violation."""
    if database_url.startswith("sqlite"):
        return
    engine = sqlalchemy.create_engine(database_url)
    try:
        with engine.begin() as connection:
            for table in ("statement", "statement_text", "day_counter", "clock"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                )
    finally:
        engine.dispose()


#: The memory table's name for the floor of Pressroom's libraries (bench/libraries.py).
LIBRARIES = "Pressroom's libraries alone"


def library_modules(database_url: str) -> Path:
    """Write the names of the modules a served worker has once started, but Pressroom's own,
    to a file, and return its path (for bench/libraries.py)."""
    found = subprocess.run(
        [sys.executable, "-m", "bench.libraries"],
        cwd=ROOT,
        env={**app_environment(database_url), "CACHE_REDIS_URL": ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = OUT / "library-modules.json"
    path.write_text(found)
    return path


class Server:
    """A gunicorn server in the background, its memory sampled while it runs."""

    def __init__(self, target: str, env: dict, port: int, log: Path):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log = log.open("wb")
        # The production configuration (gunicorn.conf.py), with the worker count pinned.
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--workers",
                str(WORKERS),
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
                target,
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.peak_pss = 0
        self.sampling = True
        self.sampler = threading.Thread(target=self._sample, daemon=True)
        self.sampler.start()

    def pids(self) -> list[int]:
        """Return the master's and the workers' process ids."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        workers = [int(p) for p in children.read_text().split()] if children.exists() else []
        return [self.process.pid, *workers]

    def _field(self, pid: int, path: str, name: str) -> int:
        """Return a kB field of a /proc file, 0 if the process has gone."""
        try:
            text = Path(f"/proc/{pid}/{path}").read_text()
        except OSError:
            return 0
        match = re.search(rf"^{name}:\s+(\d+) kB", text, re.M)
        return int(match.group(1)) if match else 0

    def _sample(self) -> None:
        """Track the peak of the summed proportional set size (shared pages counted once)."""
        while self.sampling:
            pss = sum(self._field(pid, "smaps_rollup", "Pss") for pid in self.pids())
            self.peak_pss = max(self.peak_pss, pss)
            time.sleep(0.25)

    def memory_kib(self) -> tuple[int, int]:
        """Return (summed peak RSS, i.e. VmHWM; peak summed PSS) of master and workers."""
        return sum(self._field(pid, "status", "VmHWM") for pid in self.pids()), self.peak_pss

    def stop(self) -> None:
        """Stop the server."""
        self.sampling = False
        self.process.terminate()
        self.process.wait(10)
        self.log.close()


def wrk(url: str, seconds: int, headers: dict | None = None) -> dict:
    """Run wrk against `url`; return requests/s, p50 and p99 in ms, and non-2xx/3xx count."""
    # A child sitemap is tens of megabytes: wrk's 2 s would count its slowest answers as errors.
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
    }


def warm(url: str, headers: dict | None = None) -> None:
    """Warm up: enough requests that every worker has the page in its cache."""
    for _ in range(20):
        fetch(url, headers)


def fetch(url: str, headers: dict | None = None) -> tuple[bytes, dict]:
    """GET `url`; return the body and headers."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        # A child sitemap of 50,000 addresses takes seconds to render on a busy machine.
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        if error.code != 304:
            raise
        return b"", dict(error.headers)


def targets(base: str, count: int) -> list[tuple[str, str, dict]]:
    """Return (name, URL, headers) of everything measured."""
    deep = max(1, min(4000, count // 20))
    hx = {"HX-Request": "true"}
    _, latest_headers = fetch(f"{base}/widgets/latest?lang=en", hx)
    etag = latest_headers.get("ETag", "")
    return [
        ("home en", f"{base}/en/", {}),
        ("home ru", f"{base}/ru/", {}),
        ("listing page 1", f"{base}/en/statements/", {}),
        (f"listing page {deep}", f"{base}/en/statements/?page={deep}", {}),
        ("detail", f"{base}/en/statements/{count // 2}/statement-{count // 2}", {}),
        ("clock widget", f"{base}/widgets/clock?tz=Europe/Moscow&tz=Europe/London", {}),
        ("clock fragment", f"{base}/widgets/clock?tz=Europe/Moscow&tz=Europe/London", hx),
        ("counter widget", f"{base}/widgets/counter/1?lang=ru", {}),
        ("counter fragment", f"{base}/widgets/counter/1?lang=ru", hx),
        ("latest widget", f"{base}/widgets/latest?lang=en", {}),
        ("latest fragment", f"{base}/widgets/latest?lang=en", hx),
        (
            "latest, If-None-Match (304)",
            f"{base}/widgets/latest?lang=en",
            {**hx, "If-None-Match": etag},
        ),
        ("statement card", f"{base}/widgets/statement/{count // 2}?lang=en", {}),
    ]


def archive_month(count: int) -> str:
    """Return the archive month (YYYY/MM/, in the site's zone) of the middle statement."""
    from zoneinfo import ZoneInfo

    from .data import published_at

    local = published_at(count // 2).astimezone(ZoneInfo("Europe/Moscow"))
    return f"{local.year}/{local.month:02d}/"


def feed_targets(base: str, count: int) -> list[tuple[str, str, dict]]:
    """Return (name, URL, headers) of the feeds, an archive month and what crawlers read."""
    month = archive_month(count)
    return [
        ("Atom feed, en", f"{base}/en/feed.atom", {}),
        ("JSON Feed, ru", f"{base}/ru/feed.json", {}),
        (f"archive month {month}, ru", f"{base}/ru/archive/{month}", {}),
        ("sitemap index", f"{base}/sitemap.xml", {}),
        ("sitemap child", f"{base}/sitemaps/statements-1.xml", {}),
        ("robots.txt", f"{base}/robots.txt", {}),
    ]


def cold_renders(count: int, runs: int) -> dict[str, float]:
    """Median in-process render time (ms) of pages, a feed, an archive month and a sitemap
    child with an empty cache, on the database of the current environment."""
    from pressroom import create_app
    from pressroom.extensions import cache
    from pressroom.preforking import warm

    from .site import SETTINGS

    app = create_app(SETTINGS)
    warm(app)  # as a served worker starts (gunicorn.conf.py)
    client = app.test_client()
    results = {}
    for name, url, repeat in (
        ("home", "/en/", runs),
        ("listing", "/en/statements/", runs),
        ("detail", f"/en/statements/{count // 2}/statement-{count // 2}", runs),
        ("Atom feed", "/en/feed.atom", runs),
        ("archive month", f"/ru/archive/{archive_month(count)}", runs),
        # Tens of thousands of addresses: a handful of runs tells its time well enough.
        ("sitemap child", "/sitemaps/statements-1.xml", min(runs, 5)),
    ):
        times = []
        for _ in range(repeat + 1):
            with app.app_context():
                cache.clear()
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append((time.perf_counter() - started) * 1000)
        results[name] = statistics.median(times[1:])  # the first run warms imports and caches
    return results


def main() -> None:
    """Run the benchmark and write the report."""
    started = time.monotonic()
    load_before = os.getloadavg()
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="2,000 statements, 2 s per URL")
    parser.add_argument(
        "--output", type=Path, help="default: docs/benchmarks.md, or bench/out/quick.md if --quick"
    )
    parser.add_argument(
        "--search-only",
        action="store_true",
        help="measure search again and replace its section and targets in the existing report "
        "(after a run the machine's load spoiled)",
    )
    parser.add_argument(
        "--spike-only",
        action="store_true",
        help="measure the publish spike again and replace its section in the existing report",
    )
    args = parser.parse_args()
    if args.output is None:
        args.output = OUT / "quick.md" if args.quick else ROOT / "docs" / "benchmarks.md"
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    count, seconds = (2_000, 2) if args.quick else (100_000, 10)
    OUT.mkdir(parents=True, exist_ok=True)
    databases = engines(count)
    build_seconds = {}
    for engine, url in databases.items():
        print(f"building {count:,} statements on {engine}…", flush=True)
        build_seconds[engine] = build_database(url, count)
    if args.search_only:
        searches, loads = measure_searches(databases, args.quick)
        replace_search_results(args.output, searches, args.quick, loads)
        print(f"report: {args.output}")
        return
    if args.spike_only:
        spikes = spike.run_spikes(databases, count, args.quick)
        spike.replace_in_report(args.output, spikes, args.quick)
        print(f"report: {args.output}")
        return

    # What is timed in-process first, on the machine as quiet as the run finds it: after
    # minutes of wrk on both cores the same renders and searches took up to twice as long.
    runs = 10 if args.quick else 50
    cold = {}
    for engine, url in databases.items():
        use_environment(url, redis=False)
        print(f"cold renders on {engine}…", flush=True)
        cold[engine] = cold_renders(count, runs)
    searches, search_loads = measure_searches(databases, args.quick)

    app_server = Server(
        "bench.site:app",
        {**app_environment(databases["SQLite"]), "CACHE_REDIS_URL": ""},
        free_port(),
        OUT / "app.log",
    )
    wait_until_up(f"{app_server.url}/en/")
    home_bytes, _ = fetch(f"{app_server.url}/en/")
    floor_file = OUT / "floor.html"
    floor_file.write_bytes(home_bytes)
    floor_server = Server(
        "bench.floor:app",
        {**os.environ, "FLOOR_FILE": str(floor_file)},
        free_port(),
        OUT / "floor.log",
    )
    wait_until_up(floor_server.url)
    libraries_server = Server(
        "bench.libraries:app",
        {
            **os.environ,
            "FLOOR_FILE": str(floor_file),
            "LIBRARY_MODULES": str(library_modules(databases["SQLite"])),
        },
        free_port(),
        OUT / "libraries.log",
    )
    wait_until_up(libraries_server.url)

    rows = []
    try:
        warm(f"{floor_server.url}/")
        floor = wrk(f"{floor_server.url}/", seconds)
        print(f"floor: {floor['rps']:.0f} req/s", flush=True)
        # Serves as much as the floor, for its memory only.
        warm(f"{libraries_server.url}/")
        wrk(f"{libraries_server.url}/", seconds)
        for name, url, headers in targets(app_server.url, count):
            warm(url, headers)
            result = wrk(url, seconds, headers)
            result["ratio"] = result["rps"] / floor["rps"]
            rows.append((name, result))
            print(f"{name}: {result['rps']:.0f} req/s, {result['ratio']:.0%} of floor", flush=True)
        # Before the feeds and sitemaps, whose large bodies would count in the peak.
        memory = {
            "Pressroom": app_server.memory_kib(),
            LIBRARIES: libraries_server.memory_kib(),
            "floor": floor_server.memory_kib(),
        }
        feed_rows = measure_feeds(app_server, floor_file, count, seconds)
        memory_after = app_server.memory_kib()
        behind_nginx = measure_nginx(app_server, floor_file, count, seconds)
    finally:
        app_server.stop()
        floor_server.stop()
        libraries_server.stop()
    spikes = spike.run_spikes(databases, count, args.quick)
    # Measured apart (python -m bench.dashboard, on databases of its own): kept as it was.
    from . import dashboard

    kept_dashboard = dashboard.section_of(args.output)
    write_report(
        args.output,
        Run(
            quick=args.quick,
            count=count,
            seconds=seconds,
            build_seconds=build_seconds,
            floor=floor,
            rows=rows,
            feed_rows=feed_rows,
            memory=memory,
            memory_after=memory_after,
            cold=cold,
            runs=runs,
            searches=searches,
            search_loads=search_loads,
            behind_nginx=behind_nginx,
            load=(load_before, os.getloadavg()),
            minutes=(time.monotonic() - started) / 60,
        ),
    )
    spike.add_to_report(args.output, spikes, args.quick)
    if kept_dashboard:
        dashboard.add_to_report(args.output, kept_dashboard)
    print(f"report: {args.output}")


def measure_feeds(app_server: Server, floor_file: Path, count: int, seconds: int) -> list:
    """Measure the feeds, an archive month and what crawlers read, each against a floor that
    sends the same bytes (served by a floor of their own, so the pages' floor stays as light)."""
    floor_dir = OUT / "floor"
    shutil.rmtree(floor_dir, ignore_errors=True)
    floor_dir.mkdir()
    sizes = []
    for number, (_, url, headers) in enumerate(feed_targets(app_server.url, count)):
        body, _ = fetch(url, headers)
        (floor_dir / str(number)).write_bytes(body)
        sizes.append((len(body), body.count(b"<loc>")))
    floor_server = Server(
        "bench.floor:app",
        {**os.environ, "FLOOR_FILE": str(floor_file), "FLOOR_DIR": str(floor_dir)},
        free_port(),
        OUT / "floor-same-bytes.log",
    )
    wait_until_up(floor_server.url)
    feed_rows = []
    try:
        for number, (name, url, headers) in enumerate(feed_targets(app_server.url, count)):
            size, locations = sizes[number]
            if locations > 1:
                name = f"{name} ({locations:,} URLs)"
            warm(f"{floor_server.url}/{number}")
            same_bytes = wrk(f"{floor_server.url}/{number}", seconds)
            warm(url, headers)
            result = wrk(url, seconds, headers)
            result.update(bytes=size, floor=same_bytes, ratio=result["rps"] / same_bytes["rps"])
            feed_rows.append((name, result))
            print(
                f"{name}: {result['rps']:.0f} req/s, {result['ratio']:.0%} of its floor "
                f"({same_bytes['rps']:.0f} req/s)",
                flush=True,
            )
    finally:
        floor_server.stop()
    return feed_rows


def measure_searches(databases: dict[str, str], quick: bool) -> tuple[dict, dict]:
    """Measure search on each database; return the results and the load averages before and
    after, by engine."""
    searches, loads = {}, {}
    for engine, url in databases.items():
        use_environment(url, redis=False)
        print(f"searches on {engine}…", flush=True)
        before = os.getloadavg()
        measured = subprocess.run(
            [sys.executable, "-m", "bench.searches", str(SEARCH_RUNS[quick])],
            cwd=ROOT, capture_output=True, text=True,
        )
        if measured.returncode:
            sys.exit(f"searches on {engine} failed:\n{measured.stderr}")
        searches[engine] = json.loads(measured.stdout.splitlines()[-1])
        loads[engine] = (before, os.getloadavg())
        for found in searches[engine]:
            print(
                f"{engine}, {found['name']}: p50 {found['p50']:.1f} ms, p99 {found['p99']:.1f} ms "
                f"(CPU {found['cpu_p50']:.1f} / {found['cpu_p99']:.1f} ms)",
                flush=True,
            )
    return searches, loads


def replace_search_results(path: Path, searches: dict, quick: bool, loads: dict) -> None:
    """Replace the search section and the search targets of an existing report."""
    report = path.read_text()
    before, rest = report.split(SEARCH_HEADING, 1)
    after = rest[rest.index("\nCold render") + 1 :]
    report = before + "\n".join(search_lines(searches, quick, loads)) + "\n" + after
    targets = iter(search_target_lines(searches))
    lines = [
        next(targets) if line.startswith("| search p99 <") else line for line in report.split("\n")
    ]
    path.write_text("\n".join(lines))


def measure_nginx(app_server: Server, floor_file: Path, count: int, seconds: int):
    """Measure the public URLs through nginx with deploy/'s site, against nginx serving the
    home page as a static file; None when nginx is not installed."""
    if shutil.which("nginx") is None:
        print("nginx not installed: skipping the measurements behind nginx", flush=True)
        return None
    folder = OUT / "nginx"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    site_port, static_port = free_port(), free_port()
    servers = adapted_site(folder, site_port, app_server.port) + static_server(
        static_port, floor_file.parent, floor_file.name
    )
    server = Nginx(write_config(folder, servers, workers=WORKERS), f"http://127.0.0.1:{site_port}")
    try:
        static_url = f"http://127.0.0.1:{static_port}/"
        warm(static_url)
        static = wrk(static_url, seconds)
        print(f"static nginx: {static['rps']:.0f} req/s", flush=True)
        rows = []
        for name, url, headers in targets(server.url, count):
            if name not in BEHIND_NGINX:
                continue
            warm(url, headers)
            result = wrk(url, seconds, headers)
            result["ratio"] = result["rps"] / static["rps"]
            rows.append((name, result))
            print(
                f"nginx, {name}: {result['rps']:.0f} req/s, {result['ratio']:.0%} of static",
                flush=True,
            )
    finally:
        server.stop()
    return static, rows


@dataclass(frozen=True)
class Run:
    """Everything one benchmark run measured."""

    quick: bool
    count: int
    seconds: int
    build_seconds: dict[str, float]
    floor: dict
    rows: list
    feed_rows: list
    memory: dict
    memory_after: tuple[int, int]
    cold: dict[str, dict[str, float]]
    runs: int
    searches: dict[str, list[dict]]
    search_loads: dict[str, tuple]
    behind_nginx: tuple | None
    load: tuple
    minutes: float


#: How many times each search is timed, in a full run and in a quick one.
SEARCH_RUNS = {False: 200, True: 10}
#: The heading of the search section, which `--search-only` replaces.
SEARCH_HEADING = "## Search (uncached)"
#: Search p99 each engine is held to, in ms (issue 11).
SEARCH_TARGETS = {"PostgreSQL": 25, "SQLite": 50}
#: Each targeted page's cold render, median ms on SQLite (issue 14); the others are reported only.
COLD_TARGETS = {"home": 5, "listing": 4, "detail": 4}
#: Memory of master + 2 workers, MiB: the summed peak RSS and the summed PSS (issue 14).
MEMORY_TARGETS = {"RSS": 130, "PSS": 100}


def result_row(name: str, r: dict) -> str:
    """Return a table row of a wrk result and its ratio."""
    return (
        f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} | "
        f"{r['ratio']:.0%} |"
    )


def write_report(path: Path, run: Run) -> None:
    """Write the results as Markdown."""
    built = ", ".join(f"{engine} {s:.0f} s" for engine, s in run.build_seconds.items())
    load = " → ".join("/".join(f"{v:.1f}" for v in sample) for sample in run.load)
    lines = [
        "# Benchmarks",
        "",
        f"Run {'(quick) ' if run.quick else ''}on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: "
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"Flask {version('flask')}, SQLAlchemy {version('sqlalchemy')}, "
        f"gunicorn ({WORKERS} sync workers, gunicorn.conf.py), wrk ({CONNECTIONS} connections, "
        f"2 threads, {run.seconds} s per URL after 20 warm-up requests), "
        f"{run.count:,} statements in each language (built in {built}; 0 means reused). "
        f"The served site runs on SQLite; search and cold renders are measured in-process on "
        f"{' and '.join(run.cold)}. The whole run took {run.minutes:.1f} min; the machine's load "
        f"average (1/5/15 min) was {load} from start to end, other people's jobs included.",
        "",
        f"Floor: bare Flask answering the exact bytes of the English home page under the same "
        f"gunicorn settings: **{run.floor['rps']:,.0f} req/s** (p50 {run.floor['p50']:.2f} ms, "
        f"p99 {run.floor['p99']:.2f} ms).",
        "",
        "| URL | req/s | p50 ms | p99 ms | non-2xx/3xx | ratio to floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        *[result_row(name, r) for name, r in run.rows],
        "",
        f"Memory of the master plus {WORKERS} workers: the sum of each "
        "process's peak resident set (VmHWM, shared pages counted in every process), and the "
        "peak of the summed proportional set size (PSS, shared pages counted once), sampled "
        "every 0.25 s, up to here (the feeds and sitemaps below hold larger bodies). "
        f"{LIBRARIES}: the floor in processes that first import every module a Pressroom "
        "worker has once started, but Pressroom's own (`bench/libraries.py`), served as long "
        "as the floor:",
        "",
        "| server | peak RSS sum MiB | peak PSS sum MiB |",
        "| --- | ---: | ---: |",
        *[
            f"| {name} | {rss / 1024:.0f} | {pss / 1024:.0f} |"
            for name, (rss, pss) in run.memory.items()
        ],
        "",
        *feed_lines(run),
        *nginx_lines(run.behind_nginx),
        *search_lines(run.searches, run.quick, run.search_loads),
        *cold_lines(run),
    ]
    lines += target_lines(run)
    notes = ROOT / "bench" / "notes.md"
    if notes.exists():
        lines += ["", notes.read_text()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))


def feed_lines(run: Run) -> list[str]:
    """Return the report's section on the feeds, the archive month and what crawlers read."""
    rss, pss = run.memory_after
    return [
        "## Feeds, archive and sitemaps (cached)",
        "",
        "Each against its own floor: the same bare Flask answering the same bytes (a sitemap "
        "child is megabytes, a home page tens of kilobytes). The site runs with "
        "`PRESSROOM_SITEMAP_SIZE` = 50,000 (`bench/site.py`), the protocol's limit.",
        "",
        "| URL | bytes | req/s | p50 ms | p99 ms | non-2xx/3xx | floor req/s | ratio to floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[
            f"| {name} | {r['bytes']:,} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
            f"{r['errors']} | {r['floor']['rps']:,.0f} | {r['ratio']:.0%} |"
            for name, r in run.feed_rows
        ],
        "",
        f"Memory after these, master plus {WORKERS} workers: peak RSS sum {rss / 1024:.0f} MiB, "
        f"peak PSS sum {pss / 1024:.0f} MiB.",
        "",
    ]


def search_lines(searches: dict[str, list[dict]], quick: bool, loads: dict) -> list[str]:
    """Return the report's section on search."""
    load = ", ".join(
        f"{engine} {' → '.join(f'{sample[0]:.1f}' for sample in samples)}"
        for engine, samples in loads.items()
    )
    lines = [
        SEARCH_HEADING,
        "",
        f"The first page of results (20 a page, with snippets) rendered in-process (a fresh "
        f"process per database, its app started as a served worker's), "
        f"{SEARCH_RUNS[quick]} times per query, every cache emptied before each and everything "
        "but the search warmed again: the time of a query nobody asked before. The generated "
        "texts use a few dozen real words, so a common word is in nearly every statement (the "
        "worst case for ranking); the rare word is in the titles of 10 statements. Of the "
        f"matching texts, the {CANDIDATES:,} most recently added are ranked (`CANDIDATES` in "
        "pressroom/search.py). Wall time is judged against the target; CPU is this process's "
        "time, which the machine's other jobs do not stretch (all of the work on SQLite, the "
        f"app's share on PostgreSQL). Load average (1 min) while measuring: {load}; measured "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        "| engine | search | query | matching texts | p50 ms | p99 ms | CPU p50 ms | CPU p99 ms "
        "| target p99 | verdict |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for engine, found in searches.items():
        target = SEARCH_TARGETS[engine]
        lines += [
            f"| {engine} | {f['name']} | `{f['query']}` ({f['lang']}) | {f['matches']:,} | "
            f"{f['p50']:.1f} | {f['p99']:.1f} | {f['cpu_p50']:.1f} | {f['cpu_p99']:.1f} | "
            f"{target} ms | {verdict(f['p99'] < target)} |"
            for f in found
        ]
    return [*lines, ""]


def search_target_lines(searches: dict[str, list[dict]]) -> list[str]:
    """Return the rows of the search targets, each with this run's verdict."""
    lines = []
    for engine, target in SEARCH_TARGETS.items():
        found = searches.get(engine)
        if found is None:
            lines.append(
                f"| search p99 < {target} ms on {engine} | not measured "
                "(BENCH_DATABASE_URL unset) | **not measured** |"
            )
            continue
        worst = max(found, key=lambda f: f["p99"])
        lines.append(
            f"| search p99 < {target} ms on {engine} | worst {worst['p99']:.1f} ms "
            f"({worst['name']}) | {verdict(worst['p99'] < target)} |"
        )
    return lines


def cold_lines(run: Run) -> list[str]:
    """Return the report's section on pages rendered with an empty cache."""
    engines_measured = list(run.cold)
    names = list(run.cold[engines_measured[0]])
    return [
        f"Cold render in-process, cache emptied before each, median of {run.runs} (of 5 for the "
        "sitemap child):",
        "",
        f"| page | {' | '.join(f'{e} ms' for e in engines_measured)} |",
        f"| --- |{' ---: |' * len(engines_measured)}",
        *[
            f"| {name} | {' | '.join(f'{run.cold[e][name]:.1f}' for e in engines_measured)} |"
            for name in names
        ],
        "",
    ]


def verdict(ok: bool) -> str:
    """Return how a target fared."""
    return "met" if ok else "**missed**"


def target_lines(run: Run) -> list[str]:
    """Return the targets of the speed issue, each with this run's verdict."""
    rows, memory, behind_nginx = run.rows, run.memory, run.behind_nginx
    slow = [f"{name} {r['ratio']:.0%}" for name, r in rows if r["ratio"] < 0.8]
    slow_feeds = [f"{name} {r['ratio']:.0%}" for name, r in run.feed_rows if r["ratio"] < 0.8]
    by_name = dict(rows)
    deep = next(
        name for name in by_name if name.startswith("listing page") and name != "listing page 1"
    )
    deep_ratio = by_name[deep]["p99"] / by_name["listing page 1"]["p99"]
    rss, pss = (kib / 1024 for kib in memory["Pressroom"])
    errors = sum(r["errors"] for _, r in [*rows, *run.feed_rows]) + (
        sum(r["errors"] for _, r in behind_nginx[1]) if behind_nginx else 0
    )
    cold = {k: v for k, v in run.cold["SQLite"].items() if k in COLD_TARGETS}
    lines = [
        "",
        "## Targets",
        "",
        "| target | this run | verdict |",
        "| --- | --- | --- |",
        f"| every cached page and widget ≥ 80 % of the floor | lowest "
        f"{min(r['ratio'] for _, r in rows):.0%}; under 80 %: {', '.join(slow) or 'none'} | "
        f"{verdict(not slow)} |",
        f"| feeds, archive month, sitemaps and robots.txt cached ≥ 80 % of their floor | lowest "
        f"{min(r['ratio'] for _, r in run.feed_rows):.0%}; under 80 %: "
        f"{', '.join(slow_feeds) or 'none'} | {verdict(not slow_feeds)} |",
        f"| {deep}: p99 within 1.5× of page 1 | {deep_ratio:.2f}× | {verdict(deep_ratio <= 1.5)} |",
        f"| cold render median (SQLite): "
        f"{', '.join(f'{k} ≤ {limit} ms' for k, limit in COLD_TARGETS.items())} | "
        f"{', '.join(f'{k} {v:.1f} ms' for k, v in cold.items())} | "
        f"{verdict(all(v <= COLD_TARGETS[k] for k, v in cold.items()))} |",
    ]
    lines += search_target_lines(run.searches)
    if behind_nginx:
        lowest = min(r["ratio"] for _, r in behind_nginx[1])
        lines.append(
            f"| behind nginx ≥ 50 % of static nginx | lowest {lowest:.0%} | "
            f"{verdict(lowest >= 0.5)} |"
        )
    lines += [
        f"| memory, master + 2 workers ≤ {MEMORY_TARGETS['RSS']} MiB RSS sum and "
        f"≤ {MEMORY_TARGETS['PSS']} MiB PSS | {rss:.0f} MiB RSS, {pss:.0f} MiB PSS "
        f"(Pressroom's libraries alone {memory[LIBRARIES][0] / 1024:.0f} and "
        f"{memory[LIBRARIES][1] / 1024:.0f}, floor {memory['floor'][0] / 1024:.0f} and "
        f"{memory['floor'][1] / 1024:.0f}) | "
        f"{verdict(rss <= MEMORY_TARGETS['RSS'] and pss <= MEMORY_TARGETS['PSS'])} |",
        f"| zero non-2xx/304 responses | {errors} | {verdict(errors == 0)} |",
    ]
    return lines


def nginx_lines(behind_nginx) -> list[str]:
    """Return the report's section on the URLs served through nginx."""
    if behind_nginx is None:
        return ["nginx is not installed: no measurements behind it.", ""]
    static, rows = behind_nginx
    lines = [
        "Behind nginx with `deploy/nginx/pressroom.conf` (micro-cache on; 2 worker processes), "
        f"against the same nginx serving the home page as a static file: "
        f"**{static['rps']:,.0f} req/s** (p50 {static['p50']:.2f} ms, p99 {static['p99']:.2f} ms).",
        "",
        "| URL | req/s | p50 ms | p99 ms | non-2xx/3xx | ratio to static nginx |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    return [*lines, *[result_row(name, r) for name, r in rows], ""]


if __name__ == "__main__":
    main()
