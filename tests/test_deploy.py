"""Deployment files: nginx's site parses and works in front of gunicorn; the request limits
through both (the app's own pages; gunicorn's and nginx's above them)."""

import shutil
import subprocess

import pytest
from werkzeug.datastructures import Headers, ResponseCacheControl
from werkzeug.http import parse_cache_control_header

from bench.nginx import adapted_site, write_config
from pressroom.security import BASE_POLICY

from .route_policy import route_of, security_problems
from .servers import AppServer, free_port, http_get, stop_process, wait_until
from .test_limits import multipart, raw_post

needs_nginx = pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx is not installed (Debian's nginx)"
)


def write_nginx_config(tmp_path, port: int, app_port: int) -> str:
    """Write nginx's main configuration around the shipped site, paths and ports adapted."""
    return str(write_config(tmp_path, adapted_site(tmp_path, port, app_port)))


@needs_nginx
def test_nginx_site_configuration_parses(tmp_path):
    """`nginx -t` accepts the site as shipped (only paths and ports adapted)."""
    config = write_nginx_config(tmp_path, free_port(), 8000)
    result = subprocess.run(
        ["nginx", "-t", "-c", config, "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def app_server(app, database_url, tmp_path):
    """The app under gunicorn on the test database."""
    server = AppServer({"DATABASE_URL": database_url}, tmp_path / "gunicorn.log")
    yield server
    server.stop()


@pytest.fixture
def nginx(app_server, tmp_path):
    """nginx with the site configuration in front of the app; yields its base URL."""
    port = free_port()
    app_port = int(app_server.url.rsplit(":", 1)[1])
    config = write_nginx_config(tmp_path, port, app_port)
    process = subprocess.Popen(
        ["nginx", "-c", config, "-e", str(tmp_path / "error.log")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        if process.poll() is not None:
            raise AssertionError((tmp_path / "error.log").read_text())
        try:
            return http_get(url, "/", timeout=1).status == 302
        except OSError:
            return False

    try:
        wait_until(ready, 10, "nginx")
        yield url
    finally:
        stop_process(process)


@needs_nginx
def test_nginx_serves_fingerprinted_static_files_for_a_year(nginx, client):
    """Static files come from disk; with their fingerprint they are immutable for a year."""
    page = client.get("/en/").get_data(as_text=True)
    start = page.index("/static/css/site.css?v=")
    url = page[start:page.index('"', start)]
    versioned = http_get(nginx, url)
    assert versioned.status == 200
    assert versioned.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "X-Cache-Status" not in versioned.headers  # not proxied
    plain = http_get(nginx, "/static/css/site.css")
    assert plain.headers["Cache-Control"] == "public, max-age=3600"


@needs_nginx
def test_nginx_micro_caches_public_pages_but_not_staff(nginx):
    """A public page is rendered once and then served from the micro-cache; staff never is."""
    assert http_get(nginx, "/ru/statements/").headers["X-Cache-Status"] == "MISS"
    assert http_get(nginx, "/ru/statements/").headers["X-Cache-Status"] == "HIT"
    fragment = http_get(nginx, "/ru/statements/", headers={"HX-Request": "true"})
    assert fragment.headers["X-Cache-Status"] == "MISS"  # fragments are kept apart
    for cookie in ("session=abc", "__Host-session=abc", "lang=ru; __Host-session=abc"):
        signed_in = http_get(nginx, "/ru/statements/", headers={"Cookie": cookie})
        assert signed_in.headers["X-Cache-Status"] == "BYPASS", cookie
    other = http_get(nginx, "/ru/statements/", headers={"Cookie": "mysession=abc"})
    assert other.headers["X-Cache-Status"] == "HIT"
    staff = http_get(nginx, "/staff/")
    assert staff.headers["Cache-Control"] == "no-store"
    assert "X-Cache-Status" not in staff.headers


#: The app's request line limit (method, address with query, protocol: LIMIT_REQUEST_LINE) and
#: gunicorn's backstop above it (gunicorn.conf.py; nginx's limit is the same).
LONGEST_LINE = 4094
BACKSTOP_LINE = 8190
#: The app's limits on header fields, and gunicorn's backstop: twice each.
FIELDS, FIELD_SIZE = 50, 8190
#: The headers of nginx's page for a request it refuses for its size: the strictest route's
#: (the staff area's), since the route is not known when the request is refused.
REFUSED_PAGE_HEADERS = {
    "Content-Security-Policy": f"{BASE_POLICY}; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}
#: Each kind of route, by an address of it in a language (its query names the language).
ROUTES = {
    "site": "/{lang}/statements/",
    "widget": "/widgets/latest?lang={lang}",
    "staff": "/staff/sign-in?lang={lang}",
}
#: What each answers with one more query parameter, which the padding of a long line is: the
#: widget refuses a parameter it does not know with its own 400 page (its view ran).
WITH_PADDING = {"site": 200, "widget": 400, "staff": 200}
#: The pages' titles, as pressroom/errors.py and the Russian catalogue give them.
TITLES = {
    414: {"en": "Address too long", "ru": "Слишком длинный адрес"},
    431: {"en": "Request headers too large", "ru": "Слишком большие заголовки запроса"},
    413: {"en": "Request too large", "ru": "Слишком большой запрос"},
}


def line_of(length: int, lang: str, kind: str = "site") -> str:
    """Return an address of a route of `kind` whose request line (`GET <address> HTTP/1.1`) is
    `length` bytes long."""
    start = with_query(ROUTES[kind].format(lang=lang), "q=")
    return start + "x" * (length - len(f"GET {start} HTTP/1.1"))


def with_query(path: str, parameter: str) -> str:
    """Return `path` with one more query parameter."""
    return path + ("&" if "?" in path else "?") + parameter


def fields(total: int, sent: int = 2) -> dict[str, str]:
    """Return header fields that make `total` with the `sent` ones the client adds itself
    (http.client: Host and Accept-Encoding)."""
    return {f"X-Field-{n}": "1" for n in range(total - sent)}


def padding(size: int) -> dict[str, str]:
    """Return one header field `size` bytes long as sent (`X-Padding: …` and its line end)."""
    return {"X-Padding": "x" * (size - len("X-Padding: \r\n"))}


def assert_app_page(app, response, status: int, lang: str, path: str, what) -> None:
    """Assert that `response` is the app's page for `status` in `lang` with the headers of the
    route `path` belongs to (tests/route_policy.py)."""
    assert response.status == status, (what, response.status, response.text[:300])
    assert f'<html lang="{lang}">' in response.text, what
    assert TITLES[status][lang] in response.text, what
    route = route_of(app, path.split("?", 1)[0], "GET")
    assert security_problems(route, ServedResponse(response), "*") == [], what


class ServedResponse:
    """A served response as tests/route_policy.py reads one (Werkzeug's response interface)."""

    def __init__(self, response):
        self.headers = Headers(response.headers)
        self.status_code = response.status
        self.cache_control = parse_cache_control_header(
            self.headers.get("Cache-Control"), cls=ResponseCacheControl
        )


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("kind", ["site", "widget", "staff"])
def test_gunicorn_lets_the_app_answer_over_its_limits(app, app_server, kind, lang):
    """Under gunicorn the app's own limits hold: a request line at LIMIT_REQUEST_LINE is
    answered, a byte more gets the app's 414, and too many or too large header fields its 431,
    each in the page's language with the headers of its route (a public page, a widget, the
    staff area), not gunicorn's bare page."""
    assert app_server.get(line_of(LONGEST_LINE, lang, kind)).status == WITH_PADDING[kind]
    path = line_of(LONGEST_LINE + 1, lang, kind)
    assert_app_page(app, app_server.get(path), 414, lang, path, "line")
    # The longest line gunicorn takes reaches the app too.
    path = line_of(BACKSTOP_LINE, lang, kind)
    assert_app_page(app, app_server.get(path), 414, lang, path, "longest line")
    path = ROUTES[kind].format(lang=lang)
    assert app_server.get(path, headers=fields(FIELDS)).status == 200
    many = app_server.get(path, headers=fields(FIELDS + 1))
    assert_app_page(app, many, 431, lang, path, "fields")
    assert app_server.get(path, headers=padding(FIELD_SIZE)).status == 200
    larger = app_server.get(path, headers=padding(FIELD_SIZE + 1))
    assert_app_page(app, larger, 431, lang, path, "field size")


def test_gunicorn_backstop_still_refuses_above_the_app_limits(app_server):
    """Above the app's limits gunicorn's own stay, as a backstop for a server without nginx: a
    request line over 8,190 bytes (gunicorn's largest), more than twice LIMIT_REQUEST_FIELDS
    fields, or a field over twice LIMIT_REQUEST_FIELD_SIZE get gunicorn's bare page (English
    only, no header but Connection, Content-Type and Content-Length), before the app runs."""
    line = app_server.get(line_of(BACKSTOP_LINE + 1, "en"))
    many = app_server.get("/en/", headers=fields(2 * FIELDS + 1))
    large = app_server.get("/en/", headers=padding(2 * FIELD_SIZE + 1))
    for name, response, status in (("line", line, 414), ("fields", many, 431),
                                    ("field", large, 431)):
        assert response.status == status, name
        assert set(response.headers) == {"Connection", "Content-Type", "Content-Length"}, name
    assert app_server.get("/en/", headers=fields(2 * FIELDS)).status == 431  # the app's
    assert "Слишком" not in line.text


@needs_nginx
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_nginx_lets_the_app_answer_over_its_limits(app, nginx, lang):
    """Behind nginx the visitor gets the app's own pages, localised and with the route's
    headers: a request line over LIMIT_REQUEST_LINE (414), more header fields than
    LIMIT_REQUEST_FIELDS or one over LIMIT_REQUEST_FIELD_SIZE (431), and a multipart form of too
    many parts (413); nginx passes them on. nginx adds X-Forwarded-For, -Proto and -Host to
    Host and Accept-Encoding, so the app counts three more fields than were sent."""
    assert http_get(nginx, line_of(LONGEST_LINE, lang)).status == 200  # reaches the app
    for kind in ROUTES:
        path = line_of(LONGEST_LINE + 1, lang, kind)
        assert_app_page(app, http_get(nginx, path), 414, lang, path, (kind, "line"))
        path = line_of(BACKSTOP_LINE, lang, kind)
        assert_app_page(app, http_get(nginx, path), 414, lang, path, (kind, "longest line"))
        # An address not asked before, so no cached page answers it.
        path = with_query(ROUTES[kind].format(lang=lang), f"fields={kind}")
        response = http_get(nginx, path, headers=fields(FIELDS - 2))
        assert_app_page(app, response, 431, lang, path, (kind, "fields"))
        response = http_get(nginx, path, headers=padding(FIELD_SIZE + 1))
        assert_app_page(app, response, 431, lang, path, (kind, "field size"))
    parts, multipart_type = multipart(10_001)  # under 1 MiB: nginx passes it, the app refuses it
    path = f"/staff/sign-in?lang={lang}"
    response = raw_post(nginx, path, parts, {"Content-Type": multipart_type})
    assert_app_page(app, response, 413, lang, path, "parts")


@needs_nginx
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_nginx_answers_what_it_refuses_itself_with_a_page_and_headers(nginx, lang):
    """What nginx refuses itself for its size never gets a bare page: a request line or a header
    field over its 8 KiB buffers, and a body over 1 MiB, each get the page in both languages
    with the staff area's headers (the route is not known yet)."""
    staff_form = {"Content-Type": "application/x-www-form-urlencoded"}
    answers = {
        "line": (414, http_get(nginx, line_of(BACKSTOP_LINE + 1, lang))),
        "field": (400, http_get(nginx, f"/{lang}/", headers=padding(8 * 1024 + 1))),
        "body": (413, raw_post(
            nginx, f"/staff/sign-in?lang={lang}", b"a=" + b"x" * (2 * 1024 * 1024), staff_form
        )),
    }
    for name, (status, response) in answers.items():
        assert response.status == status, (name, response.status, response.text[:200])
        assert "Request too large" in response.text, name
        assert "Слишком большой запрос" in response.text, name
        for header, value in REFUSED_PAGE_HEADERS.items():
            assert response.headers.get(header) == value, (name, header, response.headers)
        assert response.headers["Content-Type"] == "text/html; charset=utf-8", name
    # nginx cannot count header fields: over gunicorn's backstop (twice LIMIT_REQUEST_FIELDS,
    # with nginx's three X-Forwarded-* fields) gunicorn's bare page comes through (README).
    backstop = http_get(nginx, f"/{lang}/", headers=fields(2 * FIELDS))
    assert backstop.status == 431
    assert "Content-Security-Policy" not in backstop.headers


@needs_nginx
def test_the_refusal_page_is_not_an_address(nginx):
    """The page nginx answers with is internal: asked for directly, it does not exist."""
    assert http_get(nginx, "/errors/request-too-large.html").status == 404


#: Run in a fresh process (freezing the heap is for good): gunicorn's hook for a worker that has
#: loaded its app, as a sync worker calls it; the app is Pressroom's or, as for the benchmark's
#: floor, another.
WORKER_START = """
import gc, json, runpy, sys
from types import SimpleNamespace
hooks = runpy.run_path("gunicorn.conf.py")
if %(pressroom)s:
    from pressroom import create_app
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
else:
    from flask import Flask
    app = Flask("floor")
before = (gc.get_freeze_count(), len(app.jinja_env.cache))
worker = SimpleNamespace(cfg=SimpleNamespace(preload_app=%(preload)s), wsgi=app)
hooks["post_worker_init"](worker)
after = (gc.get_freeze_count(), len(app.jinja_env.cache))
print(json.dumps([before, after, "pressroom" in sys.modules]))
"""


@pytest.mark.parametrize(
    ("pressroom", "preload"), [(True, False), (True, True), (False, False)]
)
def test_a_worker_loads_what_pages_need_and_freezes_its_heap_once_started(pressroom, preload):
    """Without preload_app each Pressroom worker, once it has loaded the app, compiles the
    public templates (and loads the locale data) and freezes its heap, so the collector's full
    passes skip it; with preload_app the master did that before forking, and the worker does
    nothing again; a worker of another app (the benchmark's floor) is left as it is, without
    Pressroom imported into it."""
    import json
    import os
    import sys

    from .servers import ROOT

    result = subprocess.run(
        [sys.executable, "-c", WORKER_START % {"pressroom": pressroom, "preload": preload}],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, "SECRET_KEY": "worker-start-test-key-of-32-bytes-or-more"},
    )
    assert result.returncode == 0, result.stderr
    (frozen, templates), after, imported = json.loads(result.stdout.splitlines()[-1])
    assert imported == pressroom
    if pressroom and not preload:
        assert frozen == 0 and after[0] > 50_000  # the imports' objects, frozen
        assert after[1] > templates + 10
    else:
        assert after == [frozen, templates]
