"""Benchmark Pressroom against the floor (bare Flask, same bytes) in one run.

    python -m bench            # 100,000 statements, 10 s per URL
    python -m bench --quick    # 2,000 statements, 2 s per URL (CI)

Writes docs/benchmarks.md (or --output). Needs wrk (Debian package `wrk`).
"""

import argparse
import hashlib
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
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

import sqlalchemy

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


def app_environment(database: Path) -> dict:
    """Return the environment Pressroom runs with in the benchmark (production mode)."""
    env = dict(os.environ)
    env.update(
        PRESSROOM_ENV="production",
        SECRET_KEY="benchmark-only-key-of-32-bytes-or-more",
        DATABASE_URL=f"sqlite:///{database}",
        CACHE_REDIS_URL=os.environ.get("BENCH_REDIS_URL", ""),
    )
    return env


def build_database(path: Path, count: int) -> float:
    """Create the benchmark database with `count` statements (reused when already built for
    the same schema and generator)."""
    fingerprint = hashlib.sha256(
        "".join(sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))).encode()
        + (ROOT / "bench" / "data.py").read_bytes()
    ).hexdigest()[:12]
    marker = path.with_suffix(f".{count}.{fingerprint}.done")
    if path.exists() and marker.exists():
        return 0.0
    for old in path.parent.glob(f"{path.stem}.*.done"):
        old.unlink()
    path.unlink(missing_ok=True)
    started = time.monotonic()
    env = app_environment(path)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "SECRET_KEY", "PRESSROOM_ENV")})
    from pressroom import create_app
    from pressroom.extensions import db

    from .data import build

    app = create_app()
    with app.app_context():
        db.create_all()
        db.session.execute(sqlalchemy.text("PRAGMA journal_mode=OFF"))
        db.session.execute(sqlalchemy.text("PRAGMA synchronous=OFF"))
        build(count)
        db.session.execute(sqlalchemy.text("ANALYZE"))
        db.session.commit()
    marker.touch()
    return time.monotonic() - started


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
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
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
        with urllib.request.urlopen(request, timeout=10) as response:
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


def cold_renders(database: Path, count: int, runs: int) -> dict[str, float]:
    """Median in-process render time (ms) of home, listing and detail with an empty cache."""
    env = app_environment(database)
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "SECRET_KEY", "PRESSROOM_ENV")})
    os.environ["CACHE_REDIS_URL"] = ""
    from pressroom import create_app
    from pressroom.extensions import cache

    app = create_app()
    client = app.test_client()
    results = {}
    for name, url in (
        ("home", "/en/"),
        ("listing", "/en/statements/"),
        ("detail", f"/en/statements/{count // 2}/statement-{count // 2}"),
    ):
        times = []
        for _ in range(runs + 1):
            with app.app_context():
                cache.clear()
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append((time.perf_counter() - started) * 1000)
        results[name] = statistics.median(times[1:])  # the first run warms imports and caches
    return results


def main() -> None:
    """Run the benchmark and write the report."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="2,000 statements, 2 s per URL")
    parser.add_argument(
        "--output", type=Path, help="default: docs/benchmarks.md, or bench/out/quick.md if --quick"
    )
    args = parser.parse_args()
    if args.output is None:
        args.output = OUT / "quick.md" if args.quick else ROOT / "docs" / "benchmarks.md"
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    count, seconds = (2_000, 2) if args.quick else (100_000, 10)
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / f"bench-{count}.sqlite3"
    print(f"building {count:,} statements…", flush=True)
    build_seconds = build_database(database, count)

    app_server = Server("wsgi:app", app_environment(database), free_port(), OUT / "app.log")
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

    rows = []
    try:
        warm(f"{floor_server.url}/")
        floor = wrk(f"{floor_server.url}/", seconds)
        print(f"floor: {floor['rps']:.0f} req/s", flush=True)
        for name, url, headers in targets(app_server.url, count):
            warm(url, headers)
            result = wrk(url, seconds, headers)
            result["ratio"] = result["rps"] / floor["rps"]
            rows.append((name, result))
            print(f"{name}: {result['rps']:.0f} req/s, {result['ratio']:.0%} of floor", flush=True)
        memory = {"Pressroom": app_server.memory_kib(), "floor": floor_server.memory_kib()}
        behind_nginx = measure_nginx(app_server, floor_file, count, seconds)
    finally:
        app_server.stop()
        floor_server.stop()
    cold = cold_renders(database, count, 50)
    write_report(
        args.output,
        args.quick,
        count,
        seconds,
        build_seconds,
        floor,
        rows,
        memory,
        cold,
        behind_nginx,
    )
    print(f"report: {args.output}")


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


def write_report(
    path, quick, count, seconds, build_seconds, floor, rows, memory, cold, behind_nginx
) -> None:
    """Write the results as Markdown."""
    lines = [
        "# Benchmarks",
        "",
        f"Run {'(quick) ' if quick else ''}on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: "
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"Flask {version('flask')}, SQLAlchemy {version('sqlalchemy')}, "
        f"gunicorn ({WORKERS} sync workers, gunicorn.conf.py), wrk ({CONNECTIONS} connections, "
        f"2 threads, {seconds} s per URL after 20 warm-up requests), "
        f"SQLite with {count:,} statements in each language"
        f" (built in {build_seconds:.0f} s; 0 means reused).",
        "",
        f"Floor: bare Flask answering the exact bytes of the English home page under the same "
        f"gunicorn settings: **{floor['rps']:,.0f} req/s** (p50 {floor['p50']:.2f} ms, "
        f"p99 {floor['p99']:.2f} ms).",
        "",
        "| URL | req/s | p50 ms | p99 ms | non-2xx/3xx | ratio to floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows:
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} | "
            f"{r['ratio']:.0%} |"
        )
    lines += [
        "",
        f"Memory of the master plus {WORKERS} workers: the sum of each "
        "process's peak resident set (VmHWM, shared pages counted in every process), and the "
        "peak of the summed proportional set size (PSS, shared pages counted once), sampled "
        "every 0.25 s:",
        "",
        "| server | peak RSS sum MiB | peak PSS sum MiB |",
        "| --- | ---: | ---: |",
        *[
            f"| {name} | {rss / 1024:.0f} | {pss / 1024:.0f} |"
            for name, (rss, pss) in memory.items()
        ],
        "",
        *nginx_lines(behind_nginx),
        "Cold render in-process, cache emptied before each, median of 50:",
        "",
        "| page | ms |",
        "| --- | ---: |",
        *[f"| {name} | {ms:.1f} |" for name, ms in cold.items()],
        "",
    ]
    lines += target_lines(floor, rows, memory, cold, behind_nginx)
    notes = ROOT / "bench" / "notes.md"
    if notes.exists():
        lines += ["", notes.read_text()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))


def target_lines(floor, rows, memory, cold, behind_nginx) -> list[str]:
    """Return the targets of the speed issue, each with this run's verdict."""

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    slow = [f"{name} {r['ratio']:.0%}" for name, r in rows if r["ratio"] < 0.8]
    by_name = dict(rows)
    deep = next(
        name for name in by_name if name.startswith("listing page") and name != "listing page 1"
    )
    deep_ratio = by_name[deep]["p99"] / by_name["listing page 1"]["p99"]
    rss = memory["Pressroom"][0] / 1024
    errors = sum(r["errors"] for _, r in rows) + (
        sum(r["errors"] for _, r in behind_nginx[1]) if behind_nginx else 0
    )
    lines = [
        "",
        "## Targets",
        "",
        "| target | this run | verdict |",
        "| --- | --- | --- |",
        f"| every cached page and widget ≥ 80 % of the floor | lowest "
        f"{min(r['ratio'] for _, r in rows):.0%}; under 80 %: {', '.join(slow) or 'none'} | "
        f"{verdict(not slow)} |",
        f"| {deep}: p99 within 1.5× of page 1 | {deep_ratio:.2f}× | {verdict(deep_ratio <= 1.5)} |",
        f"| cold render under 10 ms median | "
        f"{', '.join(f'{k} {v:.1f} ms' for k, v in cold.items())} | "
        f"{verdict(all(v < 10 for v in cold.values()))} |",
    ]
    if behind_nginx:
        lowest = min(r["ratio"] for _, r in behind_nginx[1])
        lines.append(
            f"| behind nginx ≥ 50 % of static nginx | lowest {lowest:.0%} | "
            f"{verdict(lowest >= 0.5)} |"
        )
    lines += [
        f"| memory, master + 2 workers < 130 MiB | {rss:.0f} MiB (RSS sum; floor "
        f"{memory['floor'][0] / 1024:.0f}) | {verdict(rss < 130)} |",
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
    for name, r in rows:
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} | "
            f"{r['ratio']:.0%} |"
        )
    return [*lines, ""]


if __name__ == "__main__":
    main()
