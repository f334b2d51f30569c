"""The publish spike: readers, partner widgets and crawlers at full load while an editor saves.

64 connections spread over the home page in both languages, listing pages 1–50, 200 statement
pages and the three widgets' fragments. A steady run first, then the spike: the same load while a
new statement is saved through the staff form every 2 seconds. Each save makes the pages that
list statements stale at once (not the other statements' own pages); the page cache re-renders
each of them once per save (one request holds the page's render lock, the others get the
previous page: `X-Cache: STALE`).

Reported for each run: requests per second, p50 and p99 latency, errors (non-2xx/3xx answers and
socket errors) and the answers by `X-Cache` (MISS leaves out the clock, which is rendered every
second anyway: `none` counts it). Renders per page per save are the spike's MISS answers divided
by the saves and by the pages a new statement makes stale (the listing pages and the latest
fragment; the home pages, kept a second for their clocks, are left out like the clock):
1 is one render per page per save across all workers with Redis; without Redis each worker keeps
its own pages, so up to one per worker.

    python -m bench.spike URL DATABASE_URL [--seconds 40] [--statements N]
"""

import argparse
import http.cookiejar
import json
import os
import re
import subprocess
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

CONNECTIONS = 64
THREADS = 2
SAVE_EVERY = 2.0
#: Seconds of the steady run and of the spike, by whether the benchmark is the quick one.
DURATIONS = {True: (2, 6), False: (10, 30)}
#: Rounds of this many seconds of load before the steady run, not measured.
WARM_UP, WARM_ROUNDS = 3, 10
EMAIL = "spike-editor@example.org"
PASSWORD = "tidal-harbour-lantern-quartz-47"

#: wrk's script: a random URL of the list per request (with its headers), and per-thread counts
#: of answers by X-Cache, summed and printed as JSON when the run ends.
SCRIPT = r"""
local targets = {TARGETS}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) hits, stale, misses, other = 0, 0, 0, 0 end
function request()
  local t = targets[math.random(#targets)]
  return wrk.format("GET", t[1], t[2])
end
function response(status, headers, body)
  local verdict = headers["X-Cache"]
  if verdict == "HIT" then hits = hits + 1
  elseif verdict == "STALE" then stale = stale + 1
  elseif verdict == "MISS" then
    -- A clock shows the second: it is rendered every second, saves or not.
    if string.find(headers["Cache-Control"] or "", "s-maxage=1,", 1, true) then
      other = other + 1
    else
      misses = misses + 1
    end
  else other = other + 1 end
end
function done(summary, latency, requests)
  local counts = {HIT = 0, STALE = 0, MISS = 0, none = 0}
  for _, thread in ipairs(threads) do
    counts.HIT = counts.HIT + thread:get("hits")
    counts.STALE = counts.STALE + thread:get("stale")
    counts.MISS = counts.MISS + thread:get("misses")
    counts.none = counts.none + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'SPIKE {"requests": %d, "seconds": %f, "p50_ms": %f, "p99_ms": %f, "errors": %d, ' ..
    '"HIT": %d, "STALE": %d, "MISS": %d, "none": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status,
    counts.HIT, counts.STALE, counts.MISS, counts.none))
end
"""


def paths(statements: int) -> list[tuple[str, dict]]:
    """Return the (path, headers) the load is spread over."""
    hx = {"HX-Request": "true"}
    pages = [("/en/", {}), ("/ru/", {})]
    pages += [(f"/en/statements/?page={n}", {}) for n in range(1, 51)]
    step = max(1, statements // 200)
    pages += [
        (f"/en/statements/{sid}/statement-{sid}", {})
        for sid in range(step, step * 200 + 1, step)
        if sid <= statements
    ]
    pages += [
        ("/widgets/clock?tz=Europe/Moscow&tz=Europe/London", hx),
        ("/widgets/counter/1?lang=ru", hx),
        ("/widgets/latest?lang=en", hx),
    ]
    return pages


def lua_script(targets: list[tuple[str, dict]]) -> str:
    """Return the wrk script for `targets`."""

    def table(headers: dict) -> str:
        return "{" + ", ".join(f'["{k}"] = "{v}"' for k, v in headers.items()) + "}"

    rows = ", ".join(f'{{"{path}", {table(headers)}}}' for path, headers in targets)
    return SCRIPT.replace("{TARGETS}", "{" + rows + "}")


def run_wrk(url: str, script: Path, seconds: float) -> dict:
    """Run wrk against `url` with `script`; return the JSON its done() prints."""
    output = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{max(1, round(seconds))}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    found = re.search(r"^SPIKE (\{.*\})$", output, re.M)
    if not found:
        raise RuntimeError(f"wrk printed no result:\n{output}")
    return json.loads(found.group(1))


class Editor:
    """A staff member saving statements through the staff form, over HTTP like a browser."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.saves = 0
        self.failures = 0

    def _page(self, path: str) -> str:
        """GET a page; return its text."""
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode()

    def _post(self, path: str, fields: dict) -> int:
        """POST a form; return the status (redirects are followed)."""
        data = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(self.base + path, data, {"Origin": self.base})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    @staticmethod
    def hidden(page: str, name: str) -> str:
        """Return the value of the hidden input `name` in `page`."""
        found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page) or re.search(
            rf'value="([^"]*)"[^>]*name="{name}"', page
        )
        if not found:
            raise RuntimeError(f"no {name} in the form")
        return found.group(1)

    def sign_in(self) -> None:
        """Sign in with the benchmark's account."""
        page = self._page("/staff/sign-in")
        status = self._post(
            "/staff/sign-in",
            {
                "csrf_token": self.hidden(page, "csrf_token"),
                "email": EMAIL,
                "password": PASSWORD,
            },
        )
        if status != 200 or "sign-out" not in self._page("/staff/"):
            raise RuntimeError(f"the benchmark's editor could not sign in ({status})")

    def save(self, number: int) -> None:
        """Publish a new statement through the form."""
        page = self._page("/staff/statements/new")
        when = time.gmtime(time.time() - 86400)  # yesterday in any zone: published at once
        status = self._post(
            "/staff/statements/new",
            {
                "csrf_token": self.hidden(page, "csrf_token"),
                "form_token": self.hidden(page, "form_token"),
                "kind": "statement",
                "published_date": time.strftime("%Y-%m-%d", when),
                "published_time": time.strftime("%H:%M", when),
                "status": "published",
                "en-title": f"Statement published during the spike, number {number}",
                "en-lead": "A statement saved while readers arrive.",
                "en-body": "It is saved every two seconds through the staff form.",
            },
        )
        if status == 200:
            self.saves += 1
        else:
            self.failures += 1


def create_editor(database_url: str) -> None:
    """Create (or reset) the benchmark's editor account in the benchmark database."""
    from pressroom import create_app
    from pressroom.extensions import db
    from pressroom.models import StaffUser
    from pressroom.staff import accounts

    app = create_app()
    with app.app_context():
        found = db.session.scalars(db.select(StaffUser).where(StaffUser.email == EMAIL)).first()
        if found is not None:
            db.session.delete(found)
            db.session.commit()
        accounts.create(EMAIL, PASSWORD, role="editor")
        db.session.remove()
        db.engine.dispose()


def remove_saved(database_url: str, count: int) -> None:
    """Delete the statements the spike's editor saved (ids past the generated `count`), so the
    next run finds the benchmark's data as built instead of building it again."""
    from pressroom import create_app
    from pressroom.contentstate import bump_version, touched_areas
    from pressroom.extensions import db
    from pressroom.models import Statement

    app = create_app()
    with app.app_context():
        for statement in db.session.scalars(db.select(Statement).where(Statement.id > count)):
            db.session.delete(statement)  # its texts, photo and revisions with it
        db.session.commit()
        # Counted as a save, so no page cached in Redis with these statements is served again.
        bump_version(touched_areas(db.session))
        db.session.remove()
        db.engine.dispose()


def measure(url: str, statements: int, seconds: float, steady_seconds: float) -> dict:
    """Run the steady load, then the spike; return both results and the saves made."""
    targets = paths(statements)
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "spike.lua"
        script.write_text(lua_script(targets))
        editor = Editor(url)
        editor.sign_in()
        # Every page cached by every worker before measuring: load until (almost) all hit.
        for _ in range(WARM_ROUNDS):
            warming = run_wrk(url, script, WARM_UP)
            if warming["MISS"] <= warming["requests"] // 100:
                break
        steady = run_wrk(url, script, steady_seconds)
        stop = threading.Event()

        def saving() -> None:
            number = 0
            while not stop.wait(SAVE_EVERY):
                number += 1
                editor.save(number)

        saver = threading.Thread(target=saving, daemon=True)
        saver.start()
        try:
            spike = run_wrk(url, script, seconds)
        finally:
            stop.set()
            saver.join(30)
    spike["saves"] = editor.saves
    spike["failed_saves"] = editor.failures
    # What lists statements and is counted: not the clock and counter widgets, not the
    # statement pages, not the home pages (kept a second, like the clock: left out of MISS).
    statement_pages = sum(1 for path, _ in targets if re.search(r"/statements/\d", path))
    homes = sum(1 for path, _ in targets if re.fullmatch(r"/\w\w/", path))
    stale_after_a_save = len(targets) - statement_pages - homes - 2
    spike["renders_per_page_per_save"] = (
        spike["MISS"] / (stale_after_a_save * editor.saves) if editor.saves else None
    )
    return {"steady": steady, "spike": spike, "pages": len(targets)}


def run_spikes(databases: dict[str, str], count: int, quick: bool) -> dict[str, dict]:
    """Measure the spike on SQLite with the in-process cache and, when the benchmark has them,
    on PostgreSQL with Redis; return the results by setup."""
    from .__main__ import OUT, Server, app_environment, free_port, use_environment, wait_until_up

    setups = {"SQLite, in-process cache": (databases["SQLite"], False)}
    if "PostgreSQL" in databases and os.environ.get("BENCH_REDIS_URL"):
        setups["PostgreSQL + Redis"] = (databases["PostgreSQL"], True)
    steady, seconds = DURATIONS[quick]
    results = {}
    for name, (url, redis) in setups.items():
        print(f"publish spike on {name}…", flush=True)
        use_environment(url, redis=redis)
        create_editor(url)
        env = app_environment(url)
        if not redis:
            env["CACHE_REDIS_URL"] = ""
        server = Server("bench.site:app", env, free_port(), OUT / "spike.log")
        try:
            wait_until_up(f"{server.url}/en/")
            before = os.getloadavg()
            results[name] = measure(server.url, count, seconds, steady)
            results[name]["load"] = (before, os.getloadavg())
        finally:
            server.stop()
            remove_saved(url, count)
        spike, calm = results[name]["spike"], results[name]["steady"]
        print(
            f"{name}: steady {calm['requests'] / calm['seconds']:.0f} req/s, p99 "
            f"{calm['p99_ms']:.0f} ms; spike {spike['requests'] / spike['seconds']:.0f} req/s, "
            f"p99 {spike['p99_ms']:.0f} ms, {spike['saves']} saves, "
            f"{spike['renders_per_page_per_save'] or 0:.2f} renders per page per save",
            flush=True,
        )
    return results


def report_lines(results: dict[str, dict], quick: bool) -> list[str]:
    """Return the report's section on the publish spike, with its targets."""
    if not results:
        return []
    steady, seconds = DURATIONS[quick]
    lines = [
        "",
        "## Publish spike",
        "",
        f"{CONNECTIONS} connections over the home page in both languages, listing pages 1–50, "
        "200 statement pages and the clock, counter and latest fragments (a random one per "
        f"request): {steady} s steady, then {seconds} s while a statement is saved through the "
        f"staff form every {SAVE_EVERY:.0f} s (`bench/spike.py`). Renders per page per save: the "
        "spike's MISS answers (the clock, rendered every second anyway, left out) over the saves "
        "and the pages a new statement makes stale (the listing pages and the latest fragment; "
        "the home pages, kept a second, are left out like the clock; the other statements' "
        "pages stay cached); without Redis each of the "
        "two workers keeps and renders its own pages.",
        "",
        "| setup | run | req/s | p50 ms | p99 ms | errors | HIT | STALE | MISS | saves | "
        "renders per page per save | load before → after |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, found in results.items():
        (before, after) = found["load"]
        for run in ("steady", "spike"):
            r = found[run]
            saves = r.get("saves", "")
            renders = r.get("renders_per_page_per_save")
            lines.append(
                f"| {name} | {run} | {r['requests'] / r['seconds']:.0f} | {r['p50_ms']:.1f} | "
                f"{r['p99_ms']:.1f} | {r['errors']} | {r['HIT']} | {r['STALE']} | {r['MISS']} | "
                f"{saves} | {'' if renders is None else f'{renders:.2f}'} | "
                f"{before[0]:.1f} → {after[0]:.1f} |"
            )
    lines += ["", "| spike target | measured | verdict |", "| --- | --- | --- |"]
    for name, found in results.items():
        calm, spike = found["steady"], found["spike"]
        ratio = spike["p99_ms"] / calm["p99_ms"] if calm["p99_ms"] else float("inf")
        share = (spike["requests"] / spike["seconds"]) / (calm["requests"] / calm["seconds"])
        most = 1 if "Redis" in name else 2
        renders = spike["renders_per_page_per_save"]
        checks = [
            (f"{name}: spike p99 ≤ 3× steady p99", f"{ratio:.1f}×", ratio <= 3),
            (f"{name}: spike throughput ≥ 70 % of steady", f"{share:.0%}", share >= 0.7),
            (
                f"{name}: errors 0",
                f"{spike['errors'] + calm['errors']}",
                spike["errors"] + calm["errors"] == 0 and not spike["failed_saves"],
            ),
            (
                f"{name}: renders per page per save ≤ {most}",
                "no save" if renders is None else f"{renders:.2f}",
                renders is not None and renders <= most + 0.05,
            ),
        ]
        lines += [
            f"| {what} | {value} | {'met' if ok else 'missed'} |" for what, value, ok in checks
        ]
    return lines


def add_to_report(path: Path, results: dict[str, dict], quick: bool) -> None:
    """Add the spike's section to a written report, before the notes that end it."""
    text = path.read_text()
    section = "\n".join(report_lines(results, quick)).strip("\n")
    if not section:
        return
    notes = Path(__file__).with_name("notes.md")
    tail = notes.read_text() if notes.exists() else ""
    if tail and text.endswith(tail):
        text = f"{text[: -len(tail)].rstrip()}\n\n{section}\n\n{tail}"
    else:
        text = f"{text.rstrip()}\n\n{section}\n"
    path.write_text(text)


def replace_in_report(path: Path, results: dict[str, dict], quick: bool) -> None:
    """Replace the spike's section of a written report (up to the next section) with
    `results`'s."""
    text = path.read_text()
    heading = "\n## Publish spike\n"
    if heading not in text:
        add_to_report(path, results, quick)
        return
    before, rest = text.split(heading, 1)
    after = rest[rest.index("\n## ") :] if "\n## " in rest else "\n"
    section = "\n".join(report_lines(results, quick)).strip("\n")
    path.write_text(f"{before.rstrip()}\n\n{section}\n{after}")


def main() -> None:
    """Measure a running server (see the module's docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--steady", type=float, default=10)
    args = parser.parse_args()
    print(json.dumps(measure(args.url, args.statements, args.seconds, args.steady), indent=2))


if __name__ == "__main__":
    main()
