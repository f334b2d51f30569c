"""Behind an HTTPS proxy: cached pages keep the scheme they were made for, with their headers.

The page cache keys on everything a response's bytes depend on and sees the request after
ProxyFix, so an https visitor never gets a page cached for http (http canonical and hreflang
links, no HSTS), whether the hit is served by Flask or by the middleware, in one process or
under gunicorn.
"""

import re

import pytest

from pressroom.pagecache import canonical_query

from .servers import AppServer

HTTPS = {"X-Forwarded-Proto": "https"}
#: Pages whose bytes carry absolute URLs: canonical and hreflang links, oEmbed and snippets.
PAGES = ("/en/", "/ru/statements/", "/widgets/latest?lang=en", "/widgets/?lang=ru")


def absolute_urls(page: str) -> set[str]:
    """Return the schemes of the absolute URLs of this site in a page."""
    return set(re.findall(r"(https?)://pressroom\.test", page))


@pytest.fixture
def proxied(make_app):
    """A client of the app behind one trusted proxy."""
    return make_app(PRESSROOM_PROXY_FIX=1).test_client()


@pytest.mark.parametrize("path", PAGES)
def test_https_requests_get_https_pages_and_hsts_from_the_cache(proxied, path):
    """The second https request (a cache hit) has HSTS and https links like the first."""
    for _ in range(3):
        response = proxied.get(path, headers=HTTPS)
        assert response.status_code == 200
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
        assert absolute_urls(response.get_data(as_text=True)) == {"https"}


@pytest.mark.parametrize("path", PAGES)
def test_http_and_https_never_share_a_cached_page(proxied, path):
    """Cached for http first, the page is still made afresh for https, and the other way."""
    plain = proxied.get(path)
    assert absolute_urls(plain.get_data(as_text=True)) == {"http"}
    assert "Strict-Transport-Security" not in plain.headers
    secure = proxied.get(path, headers=HTTPS)
    assert absolute_urls(secure.get_data(as_text=True)) == {"https"}
    again = proxied.get(path)
    assert absolute_urls(again.get_data(as_text=True)) == {"http"}
    assert "Strict-Transport-Security" not in again.headers


def test_forwarded_proto_is_ignored_without_a_configured_proxy(client):
    """Without PRESSROOM_PROXY_FIX, a made-up X-Forwarded-Proto changes nothing."""
    response = client.get("/en/", headers=HTTPS)
    assert absolute_urls(response.get_data(as_text=True)) == {"http"}
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("", ""),
        ("lang=en&tz=Europe/Moscow", "lang=en&tz=Europe%2FMoscow"),
        ("tz=Europe%2FMoscow&lang=en", "lang=en&tz=Europe%2FMoscow"),
        # Repeated names keep their order: it is the order of the clocks.
        ("tz=B&lang=en&tz=A", "lang=en&tz=B&tz=A"),
        ("b=&a", "a=&b="),
        ("q=%D0%BC%D0%B8%D1%80+x", "q=%D0%BC%D0%B8%D1%80+x"),
        # Bytes that are not UTF-8 stay as they were: two different queries, two keys.
        ("q=%FF", "q=%FF"),
    ],
)
def test_canonical_query(query, canonical):
    """One spelling per meaning: sorted by name, values of a name in order, one escaping."""
    assert canonical_query(query) == canonical


def test_reordered_parameters_share_a_cache_entry_and_repeated_ones_do_not(client):
    """The same widget asked with its parameters in another order is the same page; clocks
    in another order are another page."""
    first = client.get("/widgets/clock?lang=en&tz=Europe/Moscow&tz=Asia/Tokyo")
    same = client.get("/widgets/clock?tz=Europe/Moscow&tz=Asia/Tokyo&lang=en")
    assert same.get_data() == first.get_data()
    other = client.get("/widgets/clock?lang=en&tz=Asia/Tokyo&tz=Europe/Moscow")
    page = other.get_data(as_text=True)
    assert page.index("Tokyo") < page.index("Moscow")


def test_gunicorn_behind_a_proxy_serves_https_pages_from_the_cache(app, database_url, tmp_path):
    """Under gunicorn, where cache hits are answered before Flask, https stays https."""
    server = AppServer(
        {
            "DATABASE_URL": database_url,
            "PRESSROOM_PROXY_FIX": "1",
            "PRESSROOM_STATE_FILE": str(tmp_path / "state.json"),
        },
        tmp_path / "gunicorn.log",
    )
    try:
        for path in PAGES:
            plain = server.get(path, headers={"Host": "pressroom.test"})
            assert plain.status == 200
            assert "Strict-Transport-Security" not in plain.headers
            for _ in range(2):  # a miss, then a hit
                secure = server.get(path, headers={"Host": "pressroom.test", **HTTPS})
                assert secure.status == 200
                assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
                assert absolute_urls(secure.text) == {"https"}, path
    finally:
        server.stop()


def test_statement_links_follow_the_forwarded_scheme(app, add_statement, make_app):
    """Statements' addresses, made once per request and language (pressroom/addresses.py),
    take the scheme the proxy forwards: absolute in the latest widget, relative in the
    listing, over http and https alike."""
    statement = add_statement({"en": "Harbour works"})
    path = f"/en/statements/{statement.id}/harbour-works"
    proxied = make_app(PRESSROOM_PROXY_FIX=1).test_client()
    for scheme, headers in (("https", HTTPS), ("http", {})):
        widget = proxied.get("/widgets/latest?lang=en", headers=headers).get_data(as_text=True)
        assert f'href="{scheme}://pressroom.test{path}"' in widget
        listing = proxied.get("/en/statements/", headers=headers).get_data(as_text=True)
        assert f'href="{path}"' in listing
