"""Caching: pages come from the cache, every write invalidates, queries never grow per item."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event

from pressroom.extensions import cache, db
from pressroom.pagecache import CachedPages

HX = {"HX-Request": "true"}


@contextmanager
def counted_queries(app):
    """Count the SQL statements the app sends inside the block."""
    statements = []
    with app.app_context():
        engine = db.engine

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def pages(statement_id: int) -> list[str]:
    """The public URLs whose query count is checked."""
    return [
        "/en/",
        "/ru/",
        "/en/statements/",
        "/en/statements/?page=2",
        f"/en/statements/{statement_id}/x",
        "/widgets/latest?limit=20",
        "/widgets/clock",
    ]


def query_counts(app, client, clock, add_statement, start: int, n: int) -> dict[str, int]:
    """Add `n` more statements and count the queries of each page rendered cold."""
    last = None
    for i in range(start, start + n):
        last = add_statement(
            {"en": f"Item {i}", "ru": f"Запись {i}"},
            published_at=clock.now - timedelta(hours=i + 1),
        )
    counts = {}
    for url in pages(last.id):
        with app.app_context():
            cache.clear()
        with counted_queries(app) as statements:
            assert client.get(url, follow_redirects=True).status_code == 200, url
        counts[url.replace(str(last.id), "ID")] = len(statements)
    return counts


def test_query_count_does_not_grow_with_the_archive(app, client, clock, add_statement):
    """Each page makes the same number of queries with 25 or 60 statements (no per-item queries)."""
    small = query_counts(app, client, clock, add_statement, 0, 25)
    large = query_counts(app, client, clock, add_statement, 25, 35)  # 60 in all
    assert small == large, (small, large)
    assert max(small.values()) <= 12, small


def test_cached_pages_make_no_queries(app, client, add_statement):
    """A second request for a page is answered from the cache without touching the database."""
    add_statement({"en": "Cached"})
    for url in ("/en/", "/en/statements/", "/widgets/latest"):
        client.get(url)
        with counted_queries(app) as statements:
            assert client.get(url).status_code == 200
        assert statements == [], url


def test_fragment_and_page_are_cached_apart(client, add_statement):
    """The same URL with and without HX-Request gives the fragment and the page, each cached."""
    add_statement({"en": "Either way"})
    for _ in range(2):
        assert "<html" in client.get("/widgets/latest").get_data(as_text=True)
        assert "<html" not in client.get("/widgets/latest", headers=HX).get_data(as_text=True)


def test_conditional_requests_on_pages(client, add_statement):
    """Public pages carry an ETag and answer 304 while unchanged, with CDN-friendly headers."""
    add_statement({"en": "Tagged"})
    first = client.get("/en/statements/")
    assert "s-maxage=" in first.headers["Cache-Control"]
    assert "stale-while-revalidate=" in first.headers["Cache-Control"]
    assert (
        client.get("/en/statements/", headers={"If-None-Match": first.headers["ETag"]}).status_code
        == 304
    )


@pytest.mark.parametrize("url", ["/en/", "/ru/statements/", "/widgets/latest?lang=ru"])
def test_every_write_invalidates_cached_pages(client, add_statement, url):
    """A statement saved after a page was cached shows on the very next request."""
    add_statement({"en": "Before", "ru": "До"})
    client.get(url)
    add_statement({"en": "After", "ru": "После"})
    body = client.get(url).get_data(as_text=True)
    assert "After" in body or "После" in body


def test_cache_hits_keep_every_header(client, add_statement):
    """A page served from the cache carries the same headers as when it was rendered."""
    add_statement({"en": "Headers"})
    for url in ("/en/", "/widgets/latest"):
        first, hit = client.get(url), client.get(url)
        for name in (
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "Referrer-Policy",
            "Cache-Control",
            "ETag",
            "Vary",
            "Content-Type",
        ):
            assert hit.headers.get(name) == first.headers.get(name), (url, name)
        assert hit.data == first.data
        assert "Set-Cookie" not in hit.headers


def test_cache_hits_still_refuse_untrusted_hosts(make_app):
    """A cached page is not served to a Host the site does not answer to."""
    app = make_app(SERVER_NAME=None, TRUSTED_HOSTS=["press.example"])
    client = app.test_client()
    assert client.get("/en/", headers={"Host": "press.example"}).status_code == 200
    assert client.get("/en/", headers={"Host": "press.example"}).status_code == 200
    assert client.get("/en/", headers={"Host": "evil.example"}).status_code == 400


@contextmanager
def requests_reaching_flask(app):
    """Record the paths of the requests the page-cache middleware passes on to Flask."""
    middleware = app.wsgi_app
    while not isinstance(middleware, CachedPages):  # the request limits stand in front of it
        middleware = middleware.wsgi_app
    inner = middleware.wsgi_app
    reached = []

    def counting(environ, start_response):
        reached.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    middleware.wsgi_app = counting
    try:
        yield reached
    finally:
        middleware.wsgi_app = inner


@pytest.mark.parametrize(
    ("url", "shows_new"),
    [
        ("/en/feed.atom", "Bridge reopens"),
        ("/ru/feed.json?kind=statement", "Мост снова открыт"),
        ("/en/archive/2026/03/", "Bridge reopens"),
        ("/sitemaps/statements-1.xml", "/ru/statements/{id}/"),
        # Pages whose bytes this save does not change: reaching Flask again is the proof.
        ("/sitemap.xml", None),
        ("/sitemaps/pages-1.xml", None),
        ("/robots.txt", None),
    ],
)
def test_feeds_archive_and_crawler_files_are_served_by_the_middleware(
    app, client, clock, add_statement, url, shows_new
):
    """Feeds, archive pages, sitemaps and robots.txt are answered from the cache before Flask
    is reached, and a save sends the next request back to Flask, which shows the change."""
    add_statement({"en": "Harbour opens", "ru": "Гавань открыта"}, published_at=clock.now)
    with requests_reaching_flask(app) as reached:
        first = client.get(url)
        assert first.status_code == 200
        hit = client.get(url)
        assert reached == [first.request.path]
        assert hit.status_code == 200 and hit.data == first.data
        assert hit.headers["Content-Type"] == first.headers["Content-Type"]
        added = add_statement(
            {"en": "Bridge reopens", "ru": "Мост снова открыт"},
            published_at=clock.now - timedelta(hours=1),
        )
        after = client.get(url)
        assert after.status_code == 200
        assert reached == [first.request.path] * 2
    if shows_new:
        assert shows_new.format(id=added.id) in after.get_data(as_text=True)
        assert shows_new.format(id=added.id) not in first.get_data(as_text=True)
