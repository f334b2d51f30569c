"""The bad-input sweep: every input slot of every route in tests/route_policy.py receives at
least 300 curated and generated bad values. No answer may be a 5xx or show a traceback; every
answer carries its route's security headers and never points off the site; no GET changes a row.

Requests are built by hand and run straight through the WSGI app, so raw bytes reach it as a
real server passes them on: a path holding %FF or a lone surrogate arrives undecoded.

How values are spread, to keep the sweep within two minutes per database:
- path segments, query parameters and headers: one bad value per request, all else valid,
  except that a route's structured query parameters (numbers, words, zones, colours) take
  their generated values together, after their curated ones one at a time;
- form fields (signed in): values close to valid for the field's kind (dates, zones, numbers)
  and leaving the field out, one field at a time; the rest together: all text fields of the
  form share one value, the other fields take one each;
- a form served at several addresses (new, edit, preview), the CSRF token of every form, the
  staff area's `?lang` and the `<lang>` path segment (one converter) are each one slot, their
  values spread over those addresses (a field only one of them has, such as the edit's
  version, goes to that one).
"""

import re
import time
import traceback
from itertools import cycle
from urllib.parse import quote_from_bytes

import pytest
from argon2 import PasswordHasher
from flask import got_request_exception, request, request_finished
from sqlalchemy import select
from werkzeug.test import EnvironBuilder, run_wsgi_app
from werkzeug.wrappers import Response

from pressroom import timekeeping
from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, Statement, StatementText
from pressroom.staff import accounts

from .route_policy import (
    BY_RULE,
    ROUTES,
    SEGMENT_KINDS,
    TEXT,
    URL,
    Route,
    build_path,
    off_site,
    route_of,
    rows_changed,
    security_problems,
    seed_previews,
    seed_rendition,
    table_rows,
    unmatched,
)
from .staff_client import EMAIL, PASSWORD, create_statement, hidden, html, sign_in
from .sweep_values import BY_KIND, PER_SLOT, ZONES, curated, values

#: Request headers swept over every route that answers GET, with the kind of value each takes.
HEADERS = {
    "Accept-Language": "accept-language",
    "Host": "host",
    "Cookie": "cookie",
    "HX-Request": "hx",
    "HX-Target": "hx",
    "If-None-Match": "etag",
}
#: What in a body betrays a traceback.
TRACEBACK = re.compile(rb"Traceback \(most recent call last\)|File \"/[^\"]+\.py\", line \d+")
#: Marks a form field left out of the submission.
ABSENT = None


def encode_pairs(pairs) -> str:
    """Return name=value pairs percent-encoded byte for byte, as a query string or form body."""
    return "&".join(
        f"{quote_from_bytes(name.encode(), safe='')}={quote_from_bytes(value, safe='')}"
        for name, value in pairs
    )


def call(app, method: str, path: str, query: str = "", body: str | None = None, headers=None):
    """Run one request through the WSGI app; `path` is PATH_INFO as a server decodes it."""
    builder = EnvironBuilder(
        method=method,
        base_url="http://pressroom.test/",
        data=body.encode() if body is not None else None,
        content_type="application/x-www-form-urlencoded" if body is not None else None,
    )
    environ = builder.get_environ()
    builder.close()
    environ["PATH_INFO"] = path
    # A WSGI server hands over the query's bytes as latin-1 text, as it does the path's.
    environ["QUERY_STRING"] = query.encode().decode("latin-1")
    environ["REQUEST_URI"] = environ["RAW_URI"] = quote_from_bytes(
        path.encode("latin-1"), safe="/"
    ) + (f"?{environ['QUERY_STRING']}" if query else "")
    for name, value in (headers or {}).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    try:
        app_iter, status, response_headers = run_wsgi_app(app, environ, buffered=True)
    except Exception as error:  # the app's own 500 handler failed: a server answers a bare 500
        response = Response("Internal Server Error", status=500)
        response.crash = "".join(traceback.format_exception(error))
        return response
    return Response(b"".join(app_iter), status=status, headers=response_headers)


def describe(method: str, path: str, query: str, body: str | None, headers: dict) -> str:
    """Return a request as a reproduction: method, path, query, headers and body, shortened."""
    target = quote_from_bytes(path.encode("latin-1"), safe="/") + (f"?{query}" if query else "")
    text = f"{method} {shorten(target)}"
    if headers:
        text += " headers=" + repr({k: shorten(v) for k, v in headers.items()})
    if body is not None:
        text += f" body={shorten(body)!r}"
    return text


def shorten(text: str, limit: int = 400) -> str:
    """Return `text`, cut in the middle when longer than `limit`."""
    return text if len(text) <= limit else f"{text[:200]}…({len(text)} chars)…{text[-150:]}"


class Sweep:
    """Sends the requests, checks each answer, and keeps the figures."""

    def __init__(self, app, engine: str, staff_cookie: str):
        self.app, self.engine, self.staff_cookie = app, engine, staff_cookie
        self.ancestors = app.config["PRESSROOM_WIDGET_FRAME_ANCESTORS"]
        self.requests = 0
        self.rules: set[str] = set()
        self.sent: dict[str, int] = {}
        self.failures: dict[str, list[str]] = {
            "5xx": [],
            "tracebacks": [],
            "headers": [],
            "off-site Location": [],
            "anonymous": [],
        }
        self.exception: str | None = None
        self.routed = None

    def watch(self, app) -> None:
        """Follow which rule `app` routes each request to, and the exceptions it turns into 500s."""
        got_request_exception.connect(self.remember_exception, app)
        request_finished.connect(self.remember_rule, app)

    def remember_exception(self, sender, exception, **extra):
        """Keep the traceback of an exception the app answered with its 500 page."""
        self.exception = "".join(traceback.format_exception(exception))

    def remember_rule(self, sender, response, **extra):
        """Keep the rule Flask routed the request to (None when it matched none)."""
        self.routed = request.url_rule.rule if request.url_rule else ""

    def send(self, slots, method, path, query="", body=None, headers=None, app=None) -> Response:
        """Send one request carrying bad values in `slots`; check and return the answer."""
        app = app or self.app
        headers = headers or {}
        self.exception, self.routed = None, None
        response = call(app, method, path, query, body, headers)
        self.requests += 1
        for slot in slots:
            self.sent[slot] = self.sent.get(slot, 0) + 1
        reproduction = describe(method, path, query, body, headers)
        route = self.route(app, path, method)
        self.check(route, response, reproduction, headers)
        if method == "GET" and response.status_code == 200 and route.cache == "shared":
            # The second answer comes from the page cache: it must carry the same headers.
            again = call(app, method, path, query, body, headers)
            self.requests += 1
            self.check(self.route(app, path, method), again, reproduction + " (again)", headers)
        return response

    def route(self, app, path: str, method: str) -> Route:
        """Return the row of the rule the request was routed to, or of its area if none."""
        if self.routed is None:  # answered by the page cache before Flask saw it
            return route_of(app, path.encode("latin-1").decode("utf-8", "replace"), method)
        if self.routed == "":
            return unmatched(path)
        self.rules.add(self.routed)
        return BY_RULE[self.routed]

    def check(self, route: Route, response: Response, reproduction: str, headers: dict) -> None:
        """Record every way `response` breaks the sweep's rules."""
        status = response.status_code
        crash = getattr(response, "crash", None)
        if status >= 500 and status not in route.standard_5xx:
            found = self.exception or ""
            if crash:
                found += f"and then the error handler failed:\n{crash}"
            self.failures["5xx"].append(f"{status} {reproduction}\n{found}")
        if crash:
            return  # nothing of the app's answer is left to check
        if TRACEBACK.search(response.get_data()):
            self.failures["tracebacks"].append(reproduction)
        problems = security_problems(route, response, self.ancestors)
        if problems:
            self.failures["headers"].append(f"{status} {reproduction}: {'; '.join(problems)}")
        location = response.headers.get("Location")
        if location is not None and off_site(location, headers.get("Host", "pressroom.test")):
            self.failures["off-site Location"].append(f"{reproduction} -> {location!r}")
        if route.sign_in and headers.get("Cookie") != self.staff_cookie and status < 300:
            self.failures["anonymous"].append(f"{status} {reproduction}")

    def figures(self, changed_by_get: int) -> str:
        """Return the one-line summary the CI log shows."""
        return (
            f"bad-input sweep on {self.engine}: {len(self.rules)} routes, "
            f"{self.requests} requests, {len(self.sent)} input slots "
            f"(at least {min(self.sent.values())} values each), "
            f"{len(self.failures['5xx'])} 5xx, {len(self.failures['tracebacks'])} tracebacks "
            f"in bodies, {changed_by_get} rows changed by a GET, "
            f"{len(self.failures['headers'])} responses without their row's headers, "
            f"{len(self.failures['off-site Location'])} off-site Locations, "
            f"{len(self.failures['anonymous'])} staff pages shown without signing in"
        )


@pytest.fixture
def cheap_hashing(monkeypatch):
    """Hash passwords with the cheapest argon2 settings: the sweep signs in hundreds of times."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr(accounts, "hasher", cheap)
    accounts._dummy_hash.cache_clear()
    yield
    accounts._dummy_hash.cache_clear()


@pytest.fixture
def sweep_app(app, cheap_hashing):
    """The test app, answering exceptions with its 500 page as in production, and letting
    sign-in attempts through as fast as the sweep sends them."""
    app.config.update(PROPAGATE_EXCEPTIONS=False, PRESSROOM_SIGN_IN_LIMIT="1000000/minute")
    return app


def seed(app) -> dict[str, str]:
    """Write content through the staff forms; return the ids and slug the routes' paths name."""
    with app.app_context():
        accounts.create(EMAIL, PASSWORD)
    client = app.test_client()
    assert sign_in(client).status_code == 303
    created = create_statement(client, en_title="Harbour accord", ru_title="Портовое соглашение")
    assert created.status_code == 303
    assert create_statement(client, en_title="A draft", status="draft").status_code == 303
    for url, form in (
        ("/staff/counters/new", {"event_date": "2023-06-17", "timezone": "Europe/Moscow",
                                 "position": "0", "en-label": "the accord", "ru-label": "мира"}),
        ("/staff/clocks/new", {"timezone": "Europe/London", "position": "0"}),
        ("/staff/settings", {"en-site_title": "Press Office", "ru-site_title": "Пресс-служба"}),
    ):
        token = hidden(html(client.get(url)), "csrf_token")
        assert client.post(url, data={"csrf_token": token, **form}).status_code == 303, url
    with app.app_context():
        statement = db.session.scalar(select(Statement).order_by(Statement.id))
        slug = db.session.scalar(
            select(StatementText.slug).where(
                StatementText.statement_id == statement.id, StatementText.lang == "en"
            )
        )
        published = timekeeping.now_in(app.config["PRESSROOM_TIMEZONE"], statement.published_at)
        return {
            "statement": str(statement.id),
            "slug": slug,
            "year": f"{published.year:04d}",
            "month": f"{published.month:02d}",
            "counter": str(db.session.scalar(select(DayCounter.id))),
            "clock": str(db.session.scalar(select(Clock.id))),
            **seed_previews(statement.id),
            "rendition": seed_rendition(),
        }


def session_of(app, signed_in: bool) -> tuple[str, str]:
    """Return a session cookie holding a CSRF token (signed in or not), and that token."""
    client = app.test_client()
    if signed_in:
        assert sign_in(client).status_code == 303
    page = client.get("/staff/settings" if signed_in else "/staff/sign-in")
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"], domain="pressroom.test")
    return f"{cookie.key}={cookie.value}", hidden(html(page), "csrf_token")


def test_bad_input_sweep(sweep_app, make_app, database_url, record_property):
    """Hundreds of bad values in every slot: no 5xx, no traceback, headers kept, no GET writes."""
    started = time.perf_counter()
    engine = database_url.split(":", 1)[0].split("+")[0]
    seeds = seed(sweep_app)
    staff_cookie, staff_token = session_of(sweep_app, signed_in=True)
    visitor_cookie, visitor_token = session_of(sweep_app, signed_in=False)
    trusted = make_app(TRUSTED_HOSTS=["pressroom.test"])
    trusted.config["PROPAGATE_EXCEPTIONS"] = False
    sweep = Sweep(sweep_app, engine, staff_cookie)
    sweep.watch(sweep_app)
    sweep.watch(trusted)
    windows = iter(range(10_000))  # each slot gets its own window of generated values

    def cookie_for(route: Route) -> dict[str, str]:
        """Send the staff session to pages that need it."""
        return {"Cookie": staff_cookie} if route.sign_in else {}

    def path_of(route: Route, **raw: bytes) -> str:
        """Return the route's example path (as PATH_INFO) with some segments as raw bytes."""
        segments = {name: value.format(**seeds).encode().decode("latin-1")
                    for name, value in route.path.items()}
        segments.update({name: value.decode("latin-1") for name, value in raw.items()})
        return build_path(route.rule, segments)

    # GET: path segments, query parameters and headers of every route that answers GET.
    with sweep_app.app_context():
        before = table_rows()
    getting = [route for route in ROUTES if "GET" in route.methods]
    staff_pages = cycle(route for route in getting if route.rule.startswith("/staff/"))
    languages = cycle(route for route in getting if "lang" in route.path)
    for value in values("word", next(windows)):
        route = next(languages)
        sweep.send(["<lang:lang> (every rule)"], "GET", path_of(route, lang=value),
                   headers=cookie_for(route))
    for route in getting:
        for name in route.path:
            if name == "lang":
                continue  # one converter for every rule: one slot, above
            slot = f"{route.rule} <{name}>"
            for value in values(SEGMENT_KINDS[name], next(windows)):
                sweep.send([slot], "GET", path_of(route, **{name: value}),
                           headers=cookie_for(route))
        query = {name: kind for name, kind in route.query.items()
                 if not (route.rule.startswith("/staff/") and name == "lang")}  # see below
        # Generated values of structured parameters read on their own go together.
        together = [name for name, kind in query.items()
                    if kind not in (TEXT, URL) and name not in route.context]
        together = together if len(together) > 1 else []
        generated = {}
        for name, kind in query.items():
            slot = f"{route.rule} ?{name}"
            context = [(k, v.encode()) for k, v in route.context.get(name, {}).items()]
            sending = values(kind, next(windows))
            if name in together:
                generated[name] = sending[len(curated(kind)):]
                sending = sending[: len(curated(kind))]
            for i, value in enumerate(sending):
                # The sign-in page reads `next` signed in (to redirect) and not (in its form).
                headers = cookie_for(route) or (
                    {"Cookie": staff_cookie} if name == "next" and i % 2 else {}
                )
                sweep.send([slot], "GET", path_of(route),
                           encode_pairs([*context, (name, value)]), headers=headers)
            # And the parameter twice.
            sweep.send([slot], "GET", path_of(route),
                       encode_pairs([*context, (name, b"1"), (name, b"en")]),
                       headers=cookie_for(route))
        for i in range(max(map(len, generated.values()), default=0)):
            pairs = [(name, found[i % len(found)]) for name, found in generated.items()]
            sweep.send([f"{route.rule} ?{name}" for name in generated], "GET", path_of(route),
                       encode_pairs(pairs), headers=cookie_for(route))
    for value in values("word", next(windows)):
        route = next(staff_pages)
        sweep.send(["/staff/… ?lang"], "GET", path_of(route),
                   encode_pairs([("lang", value)]), headers=cookie_for(route))
    for zone in ZONES:  # every zone the tz database knows makes a clock
        sweep.send(["/widgets/clock ?tz (every zone)"], "GET", "/widgets/clock",
                   encode_pairs([("tz", zone.encode())]))
    for header, kind in HEADERS.items():
        routes = cycle(getting)
        for value in values(kind, next(windows)):
            route = next(routes)
            headers = {**cookie_for(route), header: value.decode("latin-1")}
            sweep.send([header], "GET", path_of(route), route.example_query, headers=headers)
            if header == "Host":  # again where only the site's own host is trusted
                sweep.send(["Host (trusted hosts set)"], "GET", path_of(route),
                           route.example_query, headers=headers, app=trusted)
    with sweep_app.app_context():
        changed_by_get = rows_changed(before, table_rows())

    # POST, signed in: form fields, the CSRF token, the path segments of POST-only routes.
    # Deleting comes last but one (a valid id removes a seeded row), signing out last.
    numbers = iter(range(10**9))
    versions: dict[str, str] = {}  # the edit pages' hidden versions, until a save changes them

    def valid_form(route: Route) -> dict[str, str]:
        """Return a valid submission of the route's form, with fresh tokens."""
        number = next(numbers)
        fill = {**seeds, "n": number, "form_token": f"sweep-{number}",
                "zone": ZONES[number % len(ZONES)]}
        if "version" in route.form:
            if route.rule not in versions:
                page = call(sweep_app, "GET", path_of(route), headers={"Cookie": staff_cookie})
                versions[route.rule] = hidden(page.get_data(as_text=True), "version")
            fill["version"] = versions[route.rule]
        return {name: value.format(**fill) for name, value in route.valid_form.items()}

    def post(route: Route, bad: dict[str, bytes | None], slot: str = "", path: str = "") -> None:
        """Post the route's valid form with the `bad` values (ABSENT: left out) in place."""
        cookie, token = (
            (staff_cookie, staff_token) if route.sign_in else (visitor_cookie, visitor_token)
        )
        form = {"csrf_token": token, **valid_form(route)}
        pairs = [(k, v.encode()) for k, v in form.items() if k not in bad]
        pairs += [(k, v) for k, v in bad.items() if v is not ABSENT]
        slots = [slot] if slot else [f"POST {route.form_name or route.rule} {f}" for f in bad]
        response = sweep.send(slots, "POST", path or path_of(route),
                              body=encode_pairs(pairs), headers={"Cookie": cookie})
        if response.status_code == 303:
            versions.pop(route.rule, None)  # saved: the edit page has a new version

    last = ("staff.counter_delete", "staff.clock_delete", "staff.sign_out")
    posting = sorted(
        (route for route in ROUTES if "POST" in route.methods),
        key=lambda route: last.index(route.endpoint) if route.endpoint in last else -1,
    )
    forms: dict[str, list[Route]] = {}
    for route in posting:
        if route.form_name:
            forms.setdefault(route.form_name, []).append(route)
    for routes in forms.values():
        spread = cycle(routes)
        # Fields of one address only (the edit's version) go with the other non-text fields,
        # sent to the address with the most fields.
        widest = max(routes, key=lambda route: len(route.form))
        fields = {k: v for k, v in widest.form.items() if k != "csrf_token"}  # one slot, below
        for field, kind in fields.items():
            for value in [ABSENT, *BY_KIND.get(kind, ())]:
                post(next(r for r in spread if field in r.form), {field: value})
        text = [field for field, kind in fields.items() if kind == TEXT]
        if text:
            for value in values(TEXT, next(windows)):
                post(next(spread), dict.fromkeys(text, value))
        other = {field: values(kind, next(windows)) for field, kind in fields.items()
                 if kind != TEXT}
        for i in range(max(map(len, other.values()), default=0)):
            post(widest, {field: found[i % len(found)] for field, found in other.items()})
    posts = cycle(posting)
    for value in values("token", next(windows)):
        post(next(posts), {"csrf_token": value}, slot="POST csrf_token")
    for route in posting:
        if "GET" in route.methods:
            continue  # these rules had their path segments swept with GET
        for name in route.path:
            for value in values(SEGMENT_KINDS[name], next(windows)):
                post(route, {}, slot=f"POST {route.rule} <{name}>",
                     path=path_of(route, **{name: value}))

    figures = f"{sweep.figures(changed_by_get)}; {time.perf_counter() - started:.0f} s"
    record_property("figures", figures)
    failures = {name: found for name, found in sweep.failures.items() if found}
    report = "\n".join(
        f"{name} ({len(found)}):\n  " + "\n  ".join(found[:6]) for name, found in failures.items()
    )
    assert not failures and changed_by_get == 0, f"{figures}\n{report}"
    assert min(sweep.sent.values()) >= PER_SLOT, figures
    assert {route.rule for route in ROUTES} <= sweep.rules, "a route the sweep never reached"
