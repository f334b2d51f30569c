"""Deployment files: nginx's site parses and works in front of gunicorn; gunicorn's limits."""

import shutil
import subprocess

import pytest

from bench.nginx import adapted_site, write_config
from pressroom.security import BASE_POLICY

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


def test_gunicorn_refuses_oversized_headers(app_server):
    """Header limits from gunicorn.conf.py: refused before the app runs (431 in gunicorn 24+)."""
    assert app_server.get("/en/", headers={"X-Padding": "x" * 1000}).status == 200
    assert app_server.get("/en/", headers={"X-Padding": "x" * 9000}).status in (400, 431)
    many = {f"X-Field-{n}": "1" for n in range(60)}
    assert app_server.get("/en/", headers=many).status in (400, 431)
    assert app_server.get("/en/statements/?q=" + "x" * 5000).status == 414


#: The request line nginx and gunicorn both accept at most (method, path, query and version).
LONGEST_LINE = 4094
#: The headers of nginx's page for a request refused for its size: the strictest route's (the
#: staff area's), since the route is not known when the request is refused.
REFUSED_PAGE_HEADERS = {
    "Content-Security-Policy": f"{BASE_POLICY}; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cache-Control": "no-store",
    "X-Robots-Tag": "noindex",
}


def line_of(length: int, lang: str) -> str:
    """Return a path whose request line (`GET <path> HTTP/1.1`) is `length` bytes long."""
    start = f"/{lang}/statements/?q="
    return start + "x" * (length - len(f"GET {start} HTTP/1.1"))


def test_gunicorn_answers_its_own_refusals_bare(app_server):
    """gunicorn refuses a too-long request line (414) and too many header fields (431) before the
    app runs, with a page of its own: English only, and no header but Connection, Content-Type
    and Content-Length (no CSP, no nosniff, no framing policy). gunicorn has no hook for these
    pages, so the app cannot give them its headers; in production nginx answers instead (see
    the next test and deploy/nginx/pressroom.conf)."""
    assert app_server.get(line_of(LONGEST_LINE, "en")).status == 200
    line = app_server.get(line_of(LONGEST_LINE + 1, "en"))
    fields = app_server.get("/en/", headers={f"X-Field-{n}": "1" for n in range(60)})
    for response, status in ((line, 414), (fields, 431)):
        assert response.status == status
        assert set(response.headers) == {"Connection", "Content-Type", "Content-Length"}


@needs_nginx
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_nginx_answers_requests_too_large_with_a_page_and_headers(nginx, lang):
    """Behind nginx nothing refused for its size gets a bare page: a request line over gunicorn's
    limit and a header field over 4 KiB are refused by nginx itself (its limits match or are
    below gunicorn's), a body over 1 MiB too, and gunicorn's 431 for too many header fields and
    the app's own 413 are replaced: each gets the page in both languages with the headers."""
    assert http_get(nginx, line_of(LONGEST_LINE, lang)).status == 200  # reaches the app
    staff_form = {"Content-Type": "application/x-www-form-urlencoded"}
    parts, multipart_type = multipart(10_001)  # under 1 MiB: nginx passes it, the app refuses it
    answers = {
        "line": (414, http_get(nginx, line_of(LONGEST_LINE + 1, lang))),
        "field": (400, http_get(nginx, f"/{lang}/", headers={"X-Padding": "x" * 5000})),
        # An address not asked before, so no cached page answers it.
        "fields": (431, http_get(
            nginx, f"/{lang}/statements/?page=2", headers={f"X-F-{n}": "1" for n in range(60)}
        )),
        "body": (413, raw_post(
            nginx, f"/staff/sign-in?lang={lang}", b"a=" + b"x" * (2 * 1024 * 1024), staff_form
        )),
        "parts": (413, raw_post(
            nginx, f"/staff/sign-in?lang={lang}", parts, {"Content-Type": multipart_type}
        )),
    }
    for name, (status, response) in answers.items():
        assert response.status == status, (name, response.status, response.text[:200])
        assert "Request too large" in response.text, name
        assert "Слишком большой запрос" in response.text, name
        for header, value in REFUSED_PAGE_HEADERS.items():
            assert response.headers.get(header) == value, (name, header, response.headers)
        assert response.headers["Content-Type"] == "text/html; charset=utf-8", name


@needs_nginx
def test_the_refusal_page_is_not_an_address(nginx):
    """The page nginx answers with is internal: asked for directly, it does not exist."""
    assert http_get(nginx, "/errors/request-too-large.html").status == 404
