"""Deployment files: nginx's site parses and works in front of gunicorn; gunicorn's limits."""

import shutil
import subprocess

import pytest

from bench.nginx import adapted_site, write_config

from .servers import AppServer, free_port, http_get, stop_process, wait_until

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
