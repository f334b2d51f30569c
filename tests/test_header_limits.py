"""The request line and header limits are the app's (pressroom/headerlimits.py): over them it
answers 414 or 431 with its localised page, before the page cache, the body or the database.

tests/test_error_statuses.py checks the pages' language and headers on every kind of route;
tests/test_deploy.py the same answers through gunicorn and nginx.
"""

import pytest
from sqlalchemy import event

from pressroom.extensions import db
from pressroom.headerlimits import refusal, request_line_length

from .route_policy import route_of, security_problems

#: The limits of the test configuration (the defaults).
LINE, FIELDS, FIELD_SIZE = 4094, 50, 8190
TOO_LONG = {"en": "Address too long", "ru": "Слишком длинный адрес"}
TOO_LARGE = {"en": "Request headers too large", "ru": "Слишком большие заголовки запроса"}


def line_of(length: int, start: str) -> str:
    """Return an address starting with `start` whose request line (`GET <address> HTTP/1.1`) is
    `length` bytes long."""
    return start + "x" * (length - len(f"GET {start} HTTP/1.1"))


def test_the_limits_are_the_documented_defaults(app):
    """LIMIT_REQUEST_LINE, LIMIT_REQUEST_FIELDS and LIMIT_REQUEST_FIELD_SIZE, as README says."""
    config = app.config
    assert (
        config["LIMIT_REQUEST_LINE"], config["LIMIT_REQUEST_FIELDS"],
        config["LIMIT_REQUEST_FIELD_SIZE"],
    ) == (LINE, FIELDS, FIELD_SIZE)


def test_the_limits_come_from_the_environment(make_app, monkeypatch):
    """The same variables set the app's limits (and gunicorn's backstop, gunicorn.conf.py)."""
    monkeypatch.setenv("LIMIT_REQUEST_LINE", "100")
    monkeypatch.setenv("LIMIT_REQUEST_FIELDS", "5")
    monkeypatch.setenv("LIMIT_REQUEST_FIELD_SIZE", "200")
    client = make_app().test_client()
    assert client.get(line_of(100, "/en/?q=")).status_code == 200
    assert client.get(line_of(101, "/en/?q=")).status_code == 414
    assert client.get("/en/", headers={"X-A": "1", "X-B": "1"}).status_code == 200
    assert client.get("/en/", headers={f"X-{n}": "1" for n in range(5)}).status_code == 431
    assert client.get("/en/", headers={"X-P": "x" * 300}).status_code == 431


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_each_limit_holds_to_the_byte(client, lang):
    """A request exactly at each limit is answered; one byte or one field more is refused. The
    test client sends Host and User-Agent: 48 more fields make 50."""
    start = f"/{lang}/statements/?q="
    assert client.get(line_of(LINE, start)).status_code == 200
    longer = client.get(line_of(LINE + 1, start))
    assert longer.status_code == 414
    assert TOO_LONG[lang] in longer.get_data(as_text=True)
    fields = {f"X-Field-{n}": "1" for n in range(FIELDS - 2)}
    assert client.get(f"/{lang}/", headers=fields).status_code == 200
    more = client.get(f"/{lang}/", headers={**fields, "X-One-More": "1"})
    assert more.status_code == 431
    assert TOO_LARGE[lang] in more.get_data(as_text=True)
    # A field as sent: `X-Padding: <value>` and its line end.
    value = "x" * (FIELD_SIZE - len("X-Padding: \r\n"))
    assert client.get(f"/{lang}/", headers={"X-Padding": value}).status_code == 200
    larger = client.get(f"/{lang}/", headers={"X-Padding": value + "x"})
    assert larger.status_code == 431
    assert TOO_LARGE[lang] in larger.get_data(as_text=True)


def test_the_language_of_an_address_without_one_comes_from_the_browser(client):
    """Where the address names no language (the staff area without `?lang=`), the page follows
    Accept-Language, as the other error pages do."""
    response = client.get(
        "/staff/", headers={"Accept-Language": "ru", **{f"X-F-{n}": "1" for n in range(60)}}
    )
    assert response.status_code == 431
    assert TOO_LARGE["ru"] in response.get_data(as_text=True)


def test_a_refused_request_is_never_answered_from_the_page_cache(client):
    """A page in the cache (a hit next time) still answers a request over a limit with 431,
    and one over the request line with 414: the limits stand in front of the cache."""
    assert client.get("/en/statements/").headers["X-Cache"] == "MISS"
    assert client.get("/en/statements/").headers["X-Cache"] == "HIT"
    refused = client.get("/en/statements/", headers={f"X-F-{n}": "1" for n in range(60)})
    assert refused.status_code == 431
    assert "X-Cache" not in refused.headers
    assert client.get("/en/statements/").headers["X-Cache"] == "HIT"  # and nothing stored


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read

    def tell(self):
        return 0

    def seek(self, *args):
        return 0


def test_a_refusal_reads_no_body_and_asks_no_database(client, staff_user):
    """A form post over a limit (to the sign-in form, which reads the body for its CSRF token
    and the database for the account) is refused first: 431, not the CSRF 400; its body never
    read, no database statement run (the site settings come from the cache, warmed here)."""
    assert client.get("/staff/sign-in?lang=ru").status_code == 200
    statements = []

    def count(*args):
        statements.append(args[2])

    with client.application.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        response = client.post(
            "/staff/sign-in?lang=ru",
            input_stream=Unreadable(),
            content_length=100,
            content_type="application/x-www-form-urlencoded",
            headers={f"X-F-{n}": "1" for n in range(60)},
        )
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert response.status_code == 431
    assert TOO_LARGE["ru"] in response.get_data(as_text=True)
    assert statements == []


def test_the_request_line_is_measured_as_received():
    """The address as the server received it (gunicorn's RAW_URI), percent-escapes included;
    rebuilt from the path and query when a server does not pass it."""
    sent = {"REQUEST_METHOD": "GET", "RAW_URI": "/ru/%D0%B0?q=1", "SERVER_PROTOCOL": "HTTP/1.1"}
    assert request_line_length(sent) == len("GET /ru/%D0%B0?q=1 HTTP/1.1")
    rebuilt = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/ru/\xd0\xb0",  # WSGI's latin-1 spelling of the UTF-8 bytes
        "QUERY_STRING": "q=1",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    assert request_line_length(rebuilt) == len("GET /ru/%D0%B0?q=1 HTTP/1.1")
    assert refusal(sent, len("GET /ru/%D0%B0?q=1 HTTP/1.1"), 1, 100) is None
    assert refusal(sent, len("GET /ru/%D0%B0?q=1 HTTP/1.1") - 1, 1, 100) == 414


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_preview_address_keeps_its_privacy_when_refused(client, lang):
    """A preview link's address over a limit gets the preview area's error headers: never
    stored, no Referer (its token must not leave in one)."""
    path = f"/preview/{lang}/{'t' * 43}"
    for response in (
        client.get(line_of(LINE + 1, path + "?q=")),
        client.get(path, headers={f"X-F-{n}": "1" for n in range(60)}),
    ):
        assert response.status_code in (414, 431)
        assert f'<html lang="{lang}">' in response.get_data(as_text=True)
        route = route_of(client.application, path, "GET")
        assert security_problems(route, response, "*") == []
        assert response.headers["Referrer-Policy"] == "no-referrer"


def test_behind_an_https_proxy_a_refusal_carries_hsts(make_app):
    """Behind the proxy fix, an https request over a limit gets its page with HSTS (the
    scheme as Flask sees it), a plain one without."""
    client = make_app(PRESSROOM_PROXY_FIX=1).test_client()
    https = {"X-Forwarded-Proto": "https"}
    for response in (
        client.get(line_of(LINE + 1, "/en/statements/?q="), headers=https),
        client.get("/en/", headers={**https, "X-Padding": "x" * FIELD_SIZE}),
    ):
        assert response.status_code in (414, 431)
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    plain = client.get(line_of(LINE + 1, "/en/statements/?q="))
    assert plain.status_code == 414
    assert "Strict-Transport-Security" not in plain.headers
