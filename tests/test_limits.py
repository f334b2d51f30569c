"""Request limits and trusted host names answer with localised errors, never a 500."""

import http.client
import time
from contextlib import suppress
from urllib.parse import quote

import pytest
from flask import request

from pressroom.extensions import csrf

from .servers import AppServer, Response
from .staff_client import EMAIL, PASSWORD, hidden

LANGS = ["en", "ru"]
TOO_LARGE = {"en": "Request too large", "ru": "Слишком большой запрос"}
BAD_REQUEST = {"en": "Bad request", "ru": "Неверный запрос"}


@pytest.fixture
def form_echo(app):
    """A view that reads a form, as every staff form does; returns the app's client."""

    @app.post("/<lang:lang>/form-echo")
    @csrf.exempt  # the limits are under test here, not the CSRF token
    def form_echo(lang):
        """Answer how many fields the form had."""
        return str(len(request.form))

    app.config.update(MAX_CONTENT_LENGTH=1000, MAX_FORM_PARTS=5)
    return app.test_client()


@pytest.mark.parametrize("lang", LANGS)
def test_a_body_over_the_limit_is_a_localised_413(form_echo, lang):
    """A form larger than MAX_CONTENT_LENGTH gets the 413 page in the URL's language."""
    response = form_echo.post(f"/{lang}/form-echo", data={"text": "x" * 2000})
    assert response.status_code == 413
    assert TOO_LARGE[lang] in response.get_data(as_text=True)


def test_a_body_within_the_limit_is_read(form_echo):
    """Forms under the limits are read as usual."""
    response = form_echo.post("/en/form-echo", data={"a": "1", "b": "2"})
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "2"


def test_too_many_form_parts_is_a_413(form_echo):
    """More fields than MAX_FORM_PARTS in a multipart form is refused, not parsed."""
    fields = {f"f{n}": "1" for n in range(20)}
    response = form_echo.post("/ru/form-echo", data=fields, content_type="multipart/form-data")
    assert response.status_code == 413
    assert TOO_LARGE["ru"] in response.get_data(as_text=True)


@pytest.fixture
def trusted(app):
    """The app answering only to press.example and its www host."""
    app.config.update(SERVER_NAME=None, TRUSTED_HOSTS=["press.example", "www.press.example"])
    return app.test_client()


@pytest.mark.parametrize("lang", LANGS)
def test_an_untrusted_host_is_a_localised_400(trusted, lang):
    """A Host header outside TRUSTED_HOSTS gets a 400 page in the URL's language, not a 500."""
    response = trusted.get(f"/{lang}/statements/", headers={"Host": "attacker.example"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert BAD_REQUEST[lang] in page
    assert f'<html lang="{lang}">' in page
    assert "attacker.example" not in page


@pytest.mark.parametrize("host", ["press.example", "www.press.example"])
def test_trusted_hosts_are_served(trusted, host):
    """The configured host names get the pages."""
    assert trusted.get("/en/", headers={"Host": host}).status_code == 200


#: A body twice the default MAX_CONTENT_LENGTH (1 MiB).
HUGE = 2 * 1024 * 1024


def multipart(parts: int) -> tuple[bytes, str]:
    """Return a multipart/form-data body with `parts` small fields, and its content type."""
    boundary = "pressroom-test-boundary"
    body = "".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="f{n}"\r\n\r\n1\r\n'
        for n in range(parts)
    ) + f"--{boundary}--\r\n"
    return body.encode(), f"multipart/form-data; boundary={boundary}"


def assert_staff_413(response, lang: str) -> None:
    """Check a 413 from the staff area: the localised page with the staff area's headers."""
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert TOO_LARGE[lang] in page
    assert f'<html lang="{lang}">' in page
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
@pytest.mark.parametrize("path", ["/staff/sign-in", "/staff/statements/new"])
def test_an_oversized_staff_form_is_a_localised_413(app, staff_user, path, signed_in, lang):
    """A 2 MiB form to a staff page: the 413 page, which never reads the body again."""
    from .staff_client import sign_in

    client = app.test_client()
    if signed_in:
        assert sign_in(client).status_code == 303
    body = b"a=" + b"x" * HUGE
    response = client.post(
        f"{path}?lang={lang}", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert_staff_413(response, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/staff/sign-in", "/staff/statements/new"])
def test_a_multipart_form_of_too_many_parts_to_staff_is_a_localised_413(staff, path, lang):
    """10,001 fields (more than MAX_FORM_PARTS): the 413 page, not a bare 500."""
    body, content_type = multipart(10_001)
    response = staff.post(f"{path}?lang={lang}", data=body, content_type=content_type)
    assert_staff_413(response, lang)


def test_a_large_field_of_an_urlencoded_form_is_a_413(form_echo, app):
    """MAX_FORM_MEMORY_SIZE holds for every form, counted in bytes: not only multipart ones."""
    app.config.update(MAX_FORM_MEMORY_SIZE=100)
    assert form_echo.post("/en/form-echo", data={"text": "x" * 100}).status_code == 200
    too_long = form_echo.post("/en/form-echo", data={"text": "x" * 101})
    assert too_long.status_code == 413
    # 60 Cyrillic letters are 120 bytes.
    cyrillic = form_echo.post("/ru/form-echo", data={"text": "ж" * 60})
    assert cyrillic.status_code == 413
    assert TOO_LARGE["ru"] in cyrillic.get_data(as_text=True)
    multipart_field = form_echo.post(
        "/en/form-echo", data={"text": "x" * 101}, content_type="multipart/form-data"
    )
    assert multipart_field.status_code == 413


# Through gunicorn: what reaches the app is what a real server passes on (chunked bodies come
# with `wsgi.input_terminated` and no Content-Length).


@pytest.fixture
def limits_server(app, database_url, tmp_path):
    """The app under gunicorn on the test database, with its default limits."""
    server = AppServer({"DATABASE_URL": database_url}, tmp_path / "gunicorn.log")
    yield server
    server.stop()


def raw_post(url: str, path: str, body, headers: dict, chunked: bool = False) -> Response:
    """POST `body` (bytes, or an iterable of chunks when `chunked`) to the server at `url`.

    The server may answer before reading the whole body; the answer is read all the same.
    """
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=20)
    started = time.monotonic()
    try:
        with suppress(BrokenPipeError, ConnectionResetError):
            connection.request("POST", path, body=body, headers=headers, encode_chunked=chunked)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        return Response(
            response.status, dict(response.getheaders()), text, time.monotonic() - started
        )
    finally:
        connection.close()


def signed_form(server, lang: str = "en") -> tuple[str, str]:
    """Open the sign-in page; return its session cookie and CSRF token."""
    page = server.get(f"/staff/sign-in?lang={lang}")
    cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    return cookie, hidden(page.text, "csrf_token")


def chunks(data: bytes, size: int = 64 * 1024):
    """Yield `data` in pieces, as a chunked upload sends it."""
    for start in range(0, len(data), size):
        yield data[start:start + size]


def assert_headers(response: Response, lang: str, staff: bool) -> None:
    """Check a response from gunicorn: the localised page and the route's security headers."""
    assert f'<html lang="{lang}">' in response.text
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    ancestors = "'none'" if staff else "'self'"
    assert f"frame-ancestors {ancestors}" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/staff/sign-in", "/staff/statements/new"])
def test_oversized_bodies_through_gunicorn_are_localised_413s(limits_server, path, lang):
    """2 MiB with a Content-Length, and 10,001 multipart fields: 413 pages with every header."""
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    response = raw_post(limits_server.url, f"{path}?lang={lang}", b"a=" + b"x" * HUGE, headers)
    assert response.status == 413, response.text[:300]
    assert TOO_LARGE[lang] in response.text
    assert_headers(response, lang, staff=True)
    body, content_type = multipart(10_001)
    response = raw_post(
        limits_server.url, f"{path}?lang={lang}", body, {"Content-Type": content_type}
    )
    assert response.status == 413, response.text[:300]
    assert_headers(response, lang, staff=True)
    assert "Traceback" not in limits_server.log_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_chunked_body_over_the_limit_is_a_413_not_a_cut_form(limits_server, lang):
    """A chunked body has no Content-Length to refuse it by: past MAX_CONTENT_LENGTH it is a
    413, not a form silently cut at the limit and refused as invalid (422)."""
    cookie, token = signed_form(limits_server, lang)
    body = f"csrf_token={token}&email=".encode() + b"x" * (HUGE // 2 + 10) + b"&password=x"
    response = raw_post(
        limits_server.url,
        f"/staff/sign-in?lang={lang}",
        chunks(body),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
         "Transfer-Encoding": "chunked"},
        chunked=True,
    )
    assert response.status == 413, response.text[:300]
    assert TOO_LARGE[lang] in response.text
    assert_headers(response, lang, staff=True)


def test_a_chunked_body_within_the_limit_is_read_whole(limits_server, staff_user):
    """A chunked sign-in under the limit is read to its end: the password after a long field
    arrives, and the member of staff is signed in."""
    cookie, token = signed_form(limits_server)
    padding = "x" * (512 * 1024)
    body = (
        f"padding={padding}&csrf_token={token}&email={quote(EMAIL)}&password={quote(PASSWORD)}"
    ).encode()
    response = raw_post(
        limits_server.url,
        "/staff/sign-in",
        chunks(body),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
         "Transfer-Encoding": "chunked"},
        chunked=True,
    )
    assert response.status == 303, response.text[:300]
