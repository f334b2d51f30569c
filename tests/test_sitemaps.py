"""What crawlers read: robots.txt, and a sitemap index whose children validate against the
sitemaps.org schema, split at the configured size, and name each page's language versions exactly
as the page itself does."""

import re
import time
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import xmlschema
from flask import url_for
from sqlalchemy import create_engine, event, update
from sqlalchemy import text as sql

from pressroom import dbtimeouts
from pressroom.content import content_changed
from pressroom.extensions import cache, db
from pressroom.models import StatementText
from pressroom.site import crawlers

from .staff_client import create_statement, edit_statement, statement_id_from
from .test_caching import counted_queries

SCHEMAS = Path(__file__).parent / "data" / "sitemaps"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def schemas() -> dict[str, xmlschema.XMLSchema]:
    """The sitemaps.org schemas: the index, and a sitemap with its xhtml:link elements."""
    return {
        "sitemapindex": xmlschema.XMLSchema(SCHEMAS / "siteindex.xsd"),
        "urlset": xmlschema.XMLSchema(
            [SCHEMAS / "sitemap.xsd", SCHEMAS / "xhtml-link.xsd"]
        ),
    }


def fetch(client, url: str, schemas) -> ET.Element:
    """GET a sitemap, check its type and its schema; return its root element."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    kind = root.tag.removeprefix(SM)
    schemas[kind].validate(response.data.decode())
    return root


def crawl(client, schemas) -> dict[str, dict]:
    """Read the index and every child; return {loc: {"lastmod", "links", "child"}}."""
    index = fetch(client, "/sitemap.xml", schemas)
    found = {}
    for child in index.findall(SM + "sitemap"):
        url = child.findtext(SM + "loc")
        root = fetch(client, urlsplit(url).path, schemas)
        for entry in root.findall(SM + "url"):
            loc = entry.findtext(SM + "loc")
            assert loc not in found, f"{loc} twice"
            found[loc] = {
                "lastmod": entry.findtext(SM + "lastmod"),
                "links": {
                    link.get("hreflang"): link.get("href")
                    for link in entry.findall(XHTML + "link")
                },
                "child": url,
            }
    return found


def page_alternates(client, url: str) -> dict[str, str]:
    """Return the `<link rel="alternate" hreflang>` tags of a page's head."""
    head = client.get(url).get_data(as_text=True).split("</head>", 1)[0]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))


@pytest.fixture
def content(clock, add_statement):
    """Statements in both languages, one in English only, one in Russian only, a draft and a
    scheduled one."""
    made = [
        add_statement({"en": f"Item {n}", "ru": f"Запись {n}"},
                      published_at=clock.now - timedelta(days=40 * n + 1))
        for n in range(4)
    ]
    made.append(add_statement({"en": "English only"}))
    made.append(add_statement({"ru": "Только по-русски"}))
    add_statement({"en": "A draft", "ru": "Черновик"}, status="draft")
    add_statement({"en": "Soon", "ru": "Скоро"}, published_at=clock.now + timedelta(days=1))
    return made


def test_robots_txt_keeps_crawlers_out_of_staff_and_search(client):
    """Plain text: the staff area and both languages' search results are off limits, and the
    sitemap index is named by its absolute address."""
    response = client.get("/robots.txt")
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /staff/", "Disallow: /en/search", "Disallow: /ru/search"} <= set(lines)
    assert "Sitemap: http://pressroom.test/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_behind_an_https_proxy_every_address_is_https(make_app, clock, add_statement):
    """With the proxy fix, robots.txt and the sitemaps speak https, as the pages do."""
    add_statement({"en": "Secure", "ru": "Защищённое"})
    client = make_app(PRESSROOM_PROXY_FIX=1).test_client()
    https = {"X-Forwarded-Proto": "https"}
    robots = client.get("/robots.txt", headers=https).get_data(as_text=True)
    assert "Sitemap: https://pressroom.test/sitemap.xml" in robots
    index = client.get("/sitemap.xml", headers=https).get_data(as_text=True)
    child = client.get("/sitemaps/statements-1.xml", headers=https).get_data(as_text=True)
    assert "http://" not in index.replace("http://www.sitemaps.org", "")
    assert "http://" not in child.replace("http://www.sitemaps.org", "").replace(
        "http://www.w3.org", ""
    )


def test_every_sitemap_validates_and_lists_every_public_page(client, content, schemas):
    """Index and children pass the sitemaps.org schema; together they list each statement in
    each of its languages, home, listing, archive, years and months, and nothing unpublished."""
    found = crawl(client, schemas)
    paths = {urlsplit(loc).path for loc in found}
    for statement in content:
        for text in statement.texts:
            assert f"/{text.lang}/statements/{statement.id}/{text.slug}" in paths
    assert {"/en/", "/ru/", "/en/statements/", "/ru/statements/", "/en/archive/",
            "/ru/archive/", "/en/archive/2026/", "/ru/archive/2026/03/"} <= paths
    statements = [p for p in paths if "/statements/" in p and p.count("/") == 4]
    assert len(statements) == 4 * 2 + 2
    assert not any(word in str(found) for word in ("draft", "soon", "skoro", "chernovik"))


def test_children_hold_at_most_the_configured_number(make_app, clock, add_statement, schemas):
    """With a limit of 3 the same addresses are spread over more children, none holding more
    than 3; the index names them all."""
    for n in range(5):
        add_statement({"en": f"Item {n}", "ru": f"Запись {n}"},
                      published_at=clock.now - timedelta(days=n + 1))
    everything = crawl(make_app().test_client(), schemas)
    small = make_app(PRESSROOM_SITEMAP_SIZE=3).test_client()
    with small.application.app_context():
        cache.clear()
    split = crawl(small, schemas)
    assert set(split) == set(everything)
    children = {}
    for entry in split.values():
        children[entry["child"]] = children.get(entry["child"], 0) + 1
    assert max(children.values()) <= 3
    assert len([c for c in children if "/statements-" in c]) == 5  # one statement (2 URLs) each
    assert len(children) == len(fetch(small, "/sitemap.xml", schemas).findall(SM + "sitemap"))
    assert small.get("/sitemaps/statements-6.xml").status_code == 404
    assert small.get(f"/sitemaps/pages-{len(children)}.xml").status_code == 404


def test_hreflang_is_reciprocal_and_matches_each_page(client, content, schemas):
    """Each address names every language version and x-default, the versions name each other,
    and the page itself carries the very same `<link rel="alternate">` tags."""
    found = crawl(client, schemas)
    for loc, entry in found.items():
        links = entry["links"]
        assert "x-default" in links and loc in links.values(), loc
        for lang, href in links.items():
            if lang != "x-default":
                assert found[href]["links"] == links, (loc, href)
        assert page_alternates(client, urlsplit(loc).path) == links, loc
    english_only = next(s for s in content if [t.lang for t in s.texts] == ["en"])
    entry = next(e for loc, e in found.items() if f"/statements/{english_only.id}/" in loc)
    assert set(entry["links"]) == {"en", "x-default"}
    russian_only = next(s for s in content if [t.lang for t in s.texts] == ["ru"])
    entry = next(e for loc, e in found.items() if f"/statements/{russian_only.id}/" in loc)
    assert entry["links"]["x-default"] == entry["links"]["ru"]  # as its page says


def test_lastmod_is_the_last_edit(client, clock, staff, schemas):
    """A statement's lastmod is its publication until it is edited, then the edit's time."""
    statement_id = statement_id_from(
        create_statement(staff, en_title="Counted", ru_title="Учтённое",
                         published_date="2026-03-10", published_time="10:00")
    )
    created = clock.now

    def lastmods() -> set[datetime]:
        """Return the lastmods the sitemaps give the statement's addresses."""
        found = crawl(client, schemas)
        return {
            datetime.fromisoformat(e["lastmod"])
            for loc, e in found.items()
            if f"/statements/{statement_id}/" in loc
        }

    assert lastmods() == {created}  # saved after its publication time
    clock.advance(minutes=20)
    assert edit_statement(staff, statement_id, en_title="Counted again", ru_title="Учтённое",
                          published_date="2026-03-10", published_time="10:00").status_code == 303
    assert lastmods() == {created + timedelta(minutes=20)}


def test_a_child_is_one_query_without_bodies(app, client, clock, add_statement):
    """A statements child, rendered cold, makes the same queries for 6 statements as for 30,
    one of them about statements, and none reads a body or its Markdown."""

    def cold() -> list[str]:
        """Render the first statements child with an empty cache; return the SQL it sent."""
        with app.app_context():
            cache.clear()
        client.get("/sitemap.xml")  # the index: how many children there are
        with counted_queries(app) as statements:
            assert client.get("/sitemaps/statements-1.xml").status_code == 200
        return statements

    for n in range(6):
        add_statement({"en": f"Item {n}", "ru": f"Запись {n}"},
                      published_at=clock.now - timedelta(days=n + 1))
    small = cold()
    for n in range(6, 30):
        add_statement({"en": f"Item {n}", "ru": f"Запись {n}"},
                      published_at=clock.now - timedelta(days=n + 1))
    large = cold()
    assert len(small) == len(large)
    reading = [sql for sql in large if "statement_text" in sql]
    assert len(reading) == 1, reading
    assert "statement_text.body" not in reading[0]


def test_sitemaps_answer_304_to_their_etag(client, content):
    """Like the pages: an ETag, a 304 for a crawler that has the sitemap, and shared caching."""
    for path in ("/sitemap.xml", "/sitemaps/pages-1.xml", "/sitemaps/statements-1.xml",
                 "/robots.txt"):
        first = client.get(path)
        assert "s-maxage" in first.headers["Cache-Control"]
        again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, path


def test_an_empty_site_has_a_valid_index(client, schemas):
    """No statements: the index names the pages child only, and it validates."""
    found = crawl(client, schemas)
    assert {urlsplit(loc).path for loc in found} == {
        "/en/", "/ru/", "/en/statements/", "/ru/statements/", "/en/archive/", "/ru/archive/"
    }
    assert client.get("/sitemaps/statements-1.xml").status_code == 404


def test_addresses_are_spelled_as_the_pages_spell_them(app, client, clock, add_statement, schemas):
    """A slug that needs quoting (an imported one, say) is written exactly as url_for writes
    it, and the page answers at that address."""
    made = add_statement({"en": "Odd", "ru": "Странное"})
    with app.app_context():
        db.session.execute(
            update(StatementText)
            .where(StatementText.statement_id == made.id, StatementText.lang == "en")
            .values(slug="odd slug/ü&x'y")
        )
        db.session.commit()
        content_changed()
    with app.test_request_context():
        expected = url_for("site.statement_detail", lang="en", statement_id=made.id,
                           slug="odd slug/ü&x'y", _external=True)
    found = crawl(client, schemas)
    assert expected in found
    assert client.get(urlsplit(expected).path).status_code == 200


@pytest.fixture
def postgresql_only(database_url):
    """Skip on SQLite: statement timeouts and the connection watchdog are PostgreSQL's."""
    if database_url.startswith("sqlite"):
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL): SQLite has no statement timeout")


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_statement_timeout_is_the_503_page_with_retry_after(
    make_app, database_url, postgresql_only, add_statement, caplog, lang
):
    """A child sitemap whose query outlasts the statement timeout (here a tiny one, the query
    waiting for a lock) answers the localised 503 with Retry-After, as any database outage."""
    add_statement({"en": "Waiting", "ru": "Ожидание"})
    app = make_app(PRESSROOM_DATABASE_TIMEOUT=5.0)
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "checkout")
    def tiny_timeout(dbapi_connection, record, proxy):
        """After the app's own checkout (which sets 5 s): 100 ms."""
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 100")
        dbapi_connection.commit()

    client = app.test_client()
    assert client.get("/sitemap.xml").status_code == 200  # the index, before the lock
    locker = create_engine(database_url)
    try:
        with locker.connect() as connection:
            connection.execute(sql("LOCK TABLE statement IN ACCESS EXCLUSIVE MODE"))
            response = client.get("/sitemaps/statements-1.xml",
                                  headers={"Accept-Language": lang})
            connection.rollback()
    finally:
        locker.dispose()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert {"en": "Temporarily unavailable", "ru": "Временно недоступно"}[lang] in page
    assert any("statement timeout" in r.getMessage() for r in caplog.records)
    assert client.get("/sitemaps/statements-1.xml").status_code == 200  # the lock is gone


def test_a_long_render_does_not_hold_the_database_connection(
    make_app, postgresql_only, add_statement, monkeypatch
):
    """The child's rows are read, then its connection goes back to the pool before the
    addresses are written out: a render longer than the database timeout (as 50,000 addresses
    are on a busy machine) is a sitemap, not a connection cut by the watchdog and a 503."""
    add_statement({"en": "Slow", "ru": "Медленно"})
    app = make_app(PRESSROOM_DATABASE_TIMEOUT=1.0)
    writing = crawlers.statement_groups

    def slow(locations):
        """Take longer than the database timeout."""
        time.sleep(1.5)
        return writing(locations)

    monkeypatch.setattr(crawlers, "statement_groups", slow)
    client = app.test_client()
    fired = dbtimeouts.watchdog.fired
    assert client.get("/sitemaps/statements-1.xml").status_code == 200
    assert dbtimeouts.watchdog.fired == fired
    assert client.get("/en/").status_code == 200  # and the database is not left alone after
