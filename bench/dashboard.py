"""The staff dashboard at 100,000 statements: its first page and filtered pages, signed in.

Nothing caches a staff page, so each request reads the database: the first page of every
statement, a translator's worklist (missing Russian), the drafts, and a title search. The
database is the benchmark's own (`bench/data.py`) with a worklist made in it: one statement in
100 turned into a draft and one in 40 without its Russian text. It is built apart from the
main benchmark's (which stays untouched), once, and reused:

    python -m bench.dashboard [--quick] [--seconds 10] [--output docs/benchmarks.md]

SQLite always; PostgreSQL too when BENCH_DASHBOARD_DATABASE_URL names a database the benchmark
may empty. The editor signs in through the form as in the spike (bench/spike.py); wrk sends its
session cookie. The results replace the report's "Staff dashboard" section, or are added; a
full run of `python -m bench` keeps the section it finds.
"""

import argparse
import http.cookiejar
import os
import statistics
import time
import urllib.request
from pathlib import Path

import sqlalchemy

from . import spike
from .__main__ import (
    CONNECTIONS,
    OUT,
    ROOT,
    WORKERS,
    Server,
    app_environment,
    free_port,
    statement_count,
    wait_until_up,
    wrk,
)

#: The report's section this module writes.
HEADING = "## Staff dashboard (signed in, uncached)"
#: A draft every this many statements, and a statement without Russian every this many.
DRAFT_EVERY, NO_RUSSIAN_EVERY = 100, 40
#: (name, query string) of the pages measured.
PAGES = (
    ("first page", ""),
    ("missing Russian", "missing=ru"),
    ("drafts", "status=draft"),
    ("missing Russian, page 20", "missing=ru&page=20"),
    ("title search", "q=icebreaker"),
)


def environment(database_url: str) -> dict:
    """Return the environment the app runs with here: the benchmark's, without Redis, with a
    content state file of its own (the main benchmark's databases keep theirs)."""
    engine = database_url.split(":", 1)[0].split("+")[0]
    return {
        **app_environment(database_url),
        "CACHE_REDIS_URL": "",
        "PRESSROOM_STATE_FILE": str(OUT / f"dashboard-state-{engine}.json"),
    }


def use(database_url: str) -> None:
    """Make apps created in this process use `environment(database_url)`."""
    env = environment(database_url)
    os.environ.update({
        k: env[k] for k in ("DATABASE_URL", "SECRET_KEY", "PRESSROOM_ENV",
                            "PRESSROOM_STATE_FILE", "CACHE_REDIS_URL",
                            "PRESSROOM_DATABASE_TIMEOUT")
    })


def databases(count: int) -> dict[str, str]:
    """Return the dashboard benchmark's database URL on each engine measured."""
    found = {"SQLite": f"sqlite:///{OUT / f'dashboard-{count}.sqlite3'}"}
    if os.environ.get("BENCH_DASHBOARD_DATABASE_URL"):
        found["PostgreSQL"] = os.environ["BENCH_DASHBOARD_DATABASE_URL"]
    return found


def build(database_url: str, count: int) -> float:
    """Build the database with `count` statements and the worklist (reused once built)."""
    engine = database_url.split(":", 1)[0].split("+")[0]
    marker = OUT / f"dashboard-{count}-{engine}.done"
    if marker.exists() and statement_count(database_url) == count:
        return 0.0
    started = time.monotonic()
    if engine == "sqlite":
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    use(database_url)
    from pressroom import create_app
    from pressroom.extensions import db

    from .data import build as fill

    app = create_app()
    with app.app_context():
        db.drop_all()
        db.create_all()
        if engine == "sqlite":
            db.session.execute(sqlalchemy.text("PRAGMA journal_mode=OFF"))
            db.session.execute(sqlalchemy.text("PRAGMA synchronous=OFF"))
        fill(count)
        db.session.execute(sqlalchemy.text(
            f"UPDATE statement SET status = 'draft' WHERE id % {DRAFT_EVERY} = 0"
        ))
        db.session.execute(sqlalchemy.text(
            "DELETE FROM statement_text"
            f" WHERE lang = 'ru' AND statement_id % {NO_RUSSIAN_EVERY} = 0"
        ))
        db.session.execute(sqlalchemy.text("ANALYZE"))
        db.session.commit()
        db.session.remove()
        if engine == "postgresql":
            # As autovacuum would leave it: index-only scans then skip the table's pages.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.execute(sqlalchemy.text("VACUUM ANALYZE"))
        db.engine.dispose()
    marker.touch()
    return time.monotonic() - started


def session_cookie(base: str) -> str:
    """Sign the benchmark's editor in through the form; return the Cookie header it gets."""
    editor = spike.Editor(base)
    jar = http.cookiejar.CookieJar()
    editor.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    editor.sign_in()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def in_process(database_url: str, runs: int) -> dict[str, float]:
    """Median time (ms) of each page rendered in-process, signed in, on `database_url`."""
    use(database_url)
    from pressroom import create_app

    app = create_app()
    client = app.test_client()
    page = client.get("/staff/sign-in").get_data(as_text=True)
    token = spike.Editor.hidden(page, "csrf_token")
    signed = client.post("/staff/sign-in", data={
        "csrf_token": token, "email": spike.EMAIL, "password": spike.PASSWORD,
    })
    assert signed.status_code == 303, signed.status_code
    results = {}
    for name, query in PAGES:
        times = []
        for _ in range(runs + 1):
            started = time.perf_counter()
            assert client.get(f"/staff/?{query}").status_code == 200
            times.append((time.perf_counter() - started) * 1000)
        results[name] = statistics.median(times[1:])
    return results


def measure(count: int, seconds: int, runs: int) -> dict[str, dict]:
    """Build (or reuse) each engine's database, then measure every page over HTTP with wrk
    and in-process; return the results by engine."""
    results = {}
    for engine, url in databases(count).items():
        print(f"dashboard: {count:,} statements on {engine}…", flush=True)
        built = build(url, count)
        use(url)
        spike.create_editor(url)
        load = os.getloadavg()
        server = Server("bench.site:app", environment(url), free_port(), OUT / "dashboard.log")
        try:
            wait_until_up(f"{server.url}/en/")
            cookie = session_cookie(server.url)
            rows = []
            for name, query in PAGES:
                result = wrk(f"{server.url}/staff/?{query}", seconds, {"Cookie": cookie})
                rows.append((name, query, result))
                print(f"  {name}: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms",
                      flush=True)
        finally:
            server.stop()
        results[engine] = {
            "built": built, "rows": rows, "in_process": in_process(url, runs),
            "load": (load, os.getloadavg()),
        }
    return results


def report_lines(results: dict[str, dict], count: int, seconds: int, runs: int) -> list[str]:
    """Return the report's section."""
    lines = [
        HEADING,
        "",
        f"{count:,} statements in each language (`bench/data.py`), one in {DRAFT_EVERY} a draft "
        f"and one in {NO_RUSSIAN_EVERY} without Russian; the editor signed in through the form. "
        f"wrk: {CONNECTIONS} connections, 2 threads, {seconds} s per URL, against gunicorn "
        f"({WORKERS} sync workers); in-process: the median of {runs} requests through the test "
        "client. Nothing caches a staff page: every request reads the database. 50 rows a page; "
        "no page counts the statements.",
        "",
    ]
    lines += NOTES + [""]
    for engine, found in results.items():
        load = " → ".join("/".join(f"{v:.1f}" for v in sample) for sample in found["load"])
        lines += [
            f"{engine} (load average {load}):",
            "",
            "| URL | req/s | p50 ms | p99 ms | non-2xx/3xx | in-process median ms |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *[
                f"| /staff/{'?' + query if query else ''} ({name}) | {r['rps']:,.0f} | "
                f"{r['p50']:.2f} | {r['p99']:.2f} | {r['errors']} | "
                f"{found['in_process'][name]:.1f} |"
                for name, query, r in found["rows"]
            ],
            "",
        ]
    return lines


#: How to read the section (the same in every run).
NOTES = [
    "Reading them: wrk keeps 16 requests going at 2 workers, so each waits behind about 7 "
    "others and its p50 is some 8 times the in-process time; the in-process median is what "
    "one editor waits for. Every page reads its 51 rows from an index in the order shown "
    "(published time, then id): the first page's query reads 51 index entries whatever the "
    "number of statements (0.1 ms in PostgreSQL's EXPLAIN ANALYZE), and the rest of the time "
    "is the page's rendering and the account's session, under this load. A filter that keeps "
    "few statements reads the rows before its page too (the 20th page of the "
    "missing-Russian worklist reads 40,000). Title search asks the site's search index for "
    "titles only (PostgreSQL: weight A of the document; SQLite: the FTS5 title column).",
]


def section_of(path: Path) -> list[str] | None:
    """Return the dashboard section of an existing report, or None (a full run of the main
    benchmark, which rewrites the report, puts it back: it is measured apart)."""
    text = path.read_text() if path.exists() else ""
    if HEADING not in text:
        return None
    rest = text.split(HEADING, 1)[1]
    rest = rest[: rest.index("\n## ")] if "\n## " in rest else rest
    return (HEADING + rest).rstrip("\n").split("\n") + [""]


def add_to_report(path: Path, lines: list[str]) -> None:
    """Replace the report's dashboard section with `lines`, or add it before the targets."""
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    section = "\n".join(lines)
    if HEADING in text:
        before, rest = text.split(HEADING, 1)
        after = rest[rest.index("\n## ") + 1:] if "\n## " in rest else ""
        text = before + section + "\n" + after
    elif "\n## Targets" in text:
        before, after = text.split("\n## Targets", 1)
        text = before + "\n" + section + "\n## Targets" + after
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main() -> None:
    """Measure the dashboard and write its section of the report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 statements, 2 s per URL")
    parser.add_argument("--seconds", type=int, help="seconds of wrk per URL (default 10)")
    parser.add_argument("--output", type=Path,
                        help="default: docs/benchmarks.md, or bench/out/quick.md if --quick")
    args = parser.parse_args()
    count, seconds, runs = (2_000, 2, 10) if args.quick else (100_000, 10, 20)
    seconds = args.seconds or seconds
    output = args.output or (OUT / "quick.md" if args.quick else ROOT / "docs" / "benchmarks.md")
    OUT.mkdir(parents=True, exist_ok=True)
    results = measure(count, seconds, runs)
    add_to_report(output, report_lines(results, count, seconds, runs))
    print(f"report: {output}")


if __name__ == "__main__":
    main()
