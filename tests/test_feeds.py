"""Feeds: Atom 1.0 and JSON Feed 1.1 per language and kind, read the way feed readers read them."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import feedparser
import pytest

from .staff_client import create_statement, edit_statement, statement_id_from
from .test_images import post_new, upload

LANGS = ["en", "ru"]
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: RFC 3339 date-time with an explicit offset, in ASCII digits.
RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", re.ASCII)
#: Elements RFC 4287 allows at most once in a feed or an entry (3.1–4.2).
ONCE_IN_FEED = ("id", "title", "updated", "subtitle", "rights", "generator", "icon", "logo")
ONCE_IN_ENTRY = ("id", "title", "updated", "published", "summary", "content", "rights", "source")


@pytest.fixture
def statements(clock, add_statement):
    """Five statements in both languages a day apart (#2 a speech, English only), a draft and
    one scheduled for tomorrow."""
    made = []
    for n in range(5):
        titles = {"en": f"Item {n}", "ru": f"Запись {n}"}
        if n == 2:
            del titles["ru"]
        made.append(
            add_statement(
                titles,
                published_at=clock.now - timedelta(days=n + 1),
                kind="speech" if n == 2 else "statement",
                body=f"<p>Body {n} &amp; <a href=\"/en/\">more</a></p>",
            )
        )
    add_statement({"en": "A draft", "ru": "Черновик"}, status="draft")
    add_statement({"en": "Tomorrow", "ru": "Завтра"}, published_at=clock.now + timedelta(days=1))
    return made


def atom(client, url: str) -> tuple[ET.Element, bytes]:
    """GET an Atom feed; return its root element and its bytes."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "application/atom+xml"
    assert response.mimetype_params["charset"] == "utf-8"
    return ET.fromstring(response.data), response.data


def children(element: ET.Element, name: str) -> list[ET.Element]:
    """Return the Atom children called `name`."""
    return element.findall(ATOM + name)


def links(element: ET.Element, rel: str = "alternate") -> list[dict]:
    """Return the attributes of the element's atom:link children with relation `rel`."""
    found = children(element, "link")
    return [dict(link.attrib) for link in found if link.get("rel", "alternate") == rel]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("query", ["", "?kind=statement", "?kind=speech"])
def test_feedparser_reads_every_feed_without_complaint(client, statements, lang, query):
    """Both formats, every language and kind: feedparser finds no fault (`bozo` stays 0)."""
    for path in (f"/{lang}/feed.atom{query}", f"/{lang}/feed.json{query}"):
        response = client.get(path)
        assert response.status_code == 200, path
        if path.endswith(".json" + query):
            document = json.loads(response.data)
            assert document["version"] == "https://jsonfeed.org/version/1.1"
            continue
        parsed = feedparser.parse(response.data)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        expected = {"": 4 if lang == "ru" else 5, "?kind=statement": 4, "?kind=speech": 1}[query]
        if lang == "ru" and query == "?kind=speech":
            expected = 0
        assert len(parsed.entries) == expected


@pytest.mark.parametrize("lang", LANGS)
def test_atom_follows_rfc_4287(client, statements, lang):
    """The rules that matter: one id/title/updated per feed and entry, absolute unique ids, an
    author, self and alternate links (no two alternates alike), html content, text summary."""
    other = "ru" if lang == "en" else "en"
    root, _ = atom(client, f"/{lang}/feed.atom")
    assert root.tag == ATOM + "feed"
    assert root.get(XML_LANG) == lang
    for name in ONCE_IN_FEED:
        assert len(children(root, name)) <= 1, name
    for name in ("id", "title", "updated"):
        assert len(children(root, name)) == 1, name
    assert children(root, "author")[0].findtext(ATOM + "name")
    (self_link,) = links(root, "self")
    assert self_link["href"] == f"http://pressroom.test/{lang}/feed.atom"
    alternates = links(root)
    pairs = [(link.get("type"), link.get("hreflang")) for link in alternates]
    assert len(pairs) == len(set(pairs)), "two alternate links with the same type and hreflang"
    by_type = {(link["type"], link["hreflang"]): link["href"] for link in alternates}
    assert by_type[("text/html", lang)] == f"http://pressroom.test/{lang}/statements/"
    assert by_type[("application/atom+xml", other)] == f"http://pressroom.test/{other}/feed.atom"
    assert by_type[("application/feed+json", lang)] == f"http://pressroom.test/{lang}/feed.json"

    entries = children(root, "entry")
    ids = [entry.findtext(ATOM + "id") for entry in entries]
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    for entry in entries:
        for name in ONCE_IN_ENTRY:
            assert len(children(entry, name)) <= 1, name
        for name in ("id", "title", "updated"):
            assert len(children(entry, name)) == 1, name
        assert urlsplit(entry.findtext(ATOM + "id")).scheme == "http"  # an absolute IRI
        (alternate,) = links(entry)
        assert alternate["type"] == "text/html"
        assert client.get(alternate["href"]).status_code == 200
        assert children(entry, "content")[0].get("type") == "html"
        assert children(entry, "summary")[0].get("type") == "text"
    first = entries[0]
    assert first.findtext(ATOM + "title") == ("Item 0" if lang == "en" else "Запись 0")
    assert first.findtext(ATOM + "summary") == f"Lead of {first.findtext(ATOM + 'title')}"
    # The sanitised body in full, as HTML text.
    assert first.findtext(ATOM + "content") == '<p>Body 0 &amp; <a href="/en/">more</a></p>'
    assert [e.findtext(ATOM + "title") for e in entries][:2] == (
        ["Item 0", "Item 1"] if lang == "en" else ["Запись 0", "Запись 1"]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_dates_are_rfc_3339_machine_dates_in_every_language(client, statements, lang):
    """Russian feeds carry the same ASCII RFC 3339 instants as English ones, never "марта"."""
    root, raw = atom(client, f"/{lang}/feed.atom")
    dates = [el.text for el in root.iter() if el.tag in (ATOM + "updated", ATOM + "published")]
    assert len(dates) == 1 + 2 * len(children(root, "entry"))
    for value in dates:
        assert RFC3339.fullmatch(value), value
    assert not re.search("[а-яА-Я]", "".join(dates))
    newest = statements[0].published_at
    entry = children(root, "entry")[0]
    assert datetime.fromisoformat(entry.findtext(ATOM + "published")) == newest
    assert entry.findtext(ATOM + "published") == "2026-03-14T12:00:00+03:00"  # Moscow's offset
    parsed = feedparser.parse(raw)
    assert datetime(*parsed.entries[0].published_parsed[:6], tzinfo=UTC) == newest
    items = client.get(f"/{lang}/feed.json").json["items"]
    for item in items:
        for key in ("date_published", "date_modified"):
            assert RFC3339.fullmatch(item[key]), item[key]
    assert datetime.fromisoformat(items[0]["date_published"]) == newest


def test_ids_stay_and_updated_moves_when_a_statement_is_edited(client, clock, staff):
    """An edit that changes title and slug, with a change note, keeps the entry's id and moves
    its `updated`, and the feed's; the feed's ETag changes with it."""
    created = create_statement(staff, en_title="First words", ru_title="Первые слова")
    statement_id = statement_id_from(created)
    before, _ = atom(client, "/en/feed.atom")
    etag = client.get("/en/feed.atom").headers["ETag"]
    (entry,) = children(before, "entry")
    clock.advance(minutes=10)  # within a staff session's idle limit
    edited = edit_statement(staff, statement_id, en_title="Better words", en_slug="better-words",
                            ru_title="Первые слова", change="major",
                            change_note_en="Better words.", change_note_ru="Слова лучше.")
    assert edited.status_code == 303
    after, _ = atom(client, "/en/feed.atom")
    (changed,) = children(after, "entry")
    assert changed.findtext(ATOM + "id") == entry.findtext(ATOM + "id")
    assert changed.findtext(ATOM + "id") == f"http://pressroom.test/en/statements/{statement_id}/"
    assert changed.findtext(ATOM + "title") == "Better words"
    assert links(changed)[0]["href"].endswith("/better-words")
    assert changed.findtext(ATOM + "published") == entry.findtext(ATOM + "published")
    # Created after its publication time, with no change note: updated when published.
    was = datetime.fromisoformat(entry.findtext(ATOM + "updated"))
    assert was == datetime.fromisoformat(entry.findtext(ATOM + "published"))
    now = datetime.fromisoformat(changed.findtext(ATOM + "updated"))
    assert now == clock.now
    assert after.findtext(ATOM + "updated") == changed.findtext(ATOM + "updated")
    assert client.get("/en/feed.atom", headers={"If-None-Match": etag}).status_code == 200


@pytest.mark.parametrize("path", ["/en/feed.atom", "/ru/feed.json", "/en/feed.atom?kind=speech"])
def test_feeds_answer_304_to_their_etag(client, statements, path):
    """Like the pages: an ETag, and a 304 without a body for a client that has it."""
    first = client.get(path)
    assert first.headers["ETag"]
    assert "s-maxage" in first.headers["Cache-Control"]
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.data == b""


def test_drafts_stay_out_and_scheduled_statements_appear_at_their_time(client, clock, statements):
    """No draft ever; a scheduled statement only from its time, though the feed was cached."""
    for path in ("/en/feed.atom", "/ru/feed.json"):
        body = client.get(path).get_data(as_text=True)
        assert "A draft" not in body and "Черновик" not in body
        assert "Tomorrow" not in body and "Завтра" not in body
    clock.advance(days=1, seconds=1)
    assert "Tomorrow" in client.get("/en/feed.atom").get_data(as_text=True)
    assert "Завтра" in client.get("/ru/feed.json").get_data(as_text=True)


def test_kind_feeds_hold_that_kind_and_unknown_kinds_are_404(client, statements):
    """`?kind=speech` holds speeches only, and says so in its title and links."""
    root, _ = atom(client, "/en/feed.atom?kind=speech")
    assert [e.findtext(ATOM + "title") for e in children(root, "entry")] == ["Item 2"]
    assert root.findtext(ATOM + "title").endswith("Speech")
    assert links(root, "self")[0]["href"] == "http://pressroom.test/en/feed.atom?kind=speech"
    document = client.get("/ru/feed.json?kind=speech").json
    assert document["items"] == [] and document["title"].endswith("Выступление")
    assert client.get("/en/feed.atom?kind=poem").status_code == 404
    assert client.get("/en/feed.json?kind=poem").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_json_feed_1_1(client, statements, lang):
    """JSON Feed 1.1: its MIME type, version, language, authors; string ids equal the Atom ids."""
    response = client.get(f"/{lang}/feed.json")
    assert response.mimetype == "application/feed+json"
    document = json.loads(response.data)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["language"] == lang
    assert document["feed_url"] == f"http://pressroom.test/{lang}/feed.json"
    assert document["home_page_url"] == f"http://pressroom.test/{lang}/statements/"
    assert document["authors"][0]["name"]
    root, _ = atom(client, f"/{lang}/feed.atom")
    assert [item["id"] for item in document["items"]] == [
        e.findtext(ATOM + "id") for e in children(root, "entry")
    ]
    for item in document["items"]:
        assert isinstance(item["id"], str)
        assert item["content_html"].startswith("<p>Body ")
        assert item["summary"] == f"Lead of {item['title']}"
        assert item["url"].startswith(f"http://pressroom.test/{lang}/statements/")


def test_characters_xml_cannot_carry_are_left_out(client, clock, add_statement):
    """A control character typed into a title does not break the Atom feed."""
    add_statement({"en": "Bell\x07 and tab\tstop"}, body="<p>Form\x0cfeed</p>")
    root, raw = atom(client, "/en/feed.atom")
    assert feedparser.parse(raw).bozo == 0
    assert children(root, "entry")[0].findtext(ATOM + "title") == "Bell and tab\tstop"


def test_an_empty_site_has_valid_empty_feeds(client):
    """No statements: a feed with its id, title and updated, and no entries."""
    root, raw = atom(client, "/ru/feed.atom")
    assert feedparser.parse(raw).bozo == 0
    assert children(root, "entry") == [] and RFC3339.fullmatch(root.findtext(ATOM + "updated"))
    assert client.get("/en/feed.json").json["items"] == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/", "/statements/", "/statements/?kind=speech", "/archive/"])
def test_home_and_listing_pages_announce_their_feeds(client, statements, lang, path):
    """`<link rel="alternate">` autodiscovery in the head: this language's feeds, the kind's
    first on a kind's listing."""
    page = client.get(f"/{lang}{path}").get_data(as_text=True)
    head = page.split("</head>", 1)[0]
    found = re.findall(r'<link rel="alternate" type="(application/[a-z+]+)" title="[^"]+" '
                       r'href="([^"]+)">', head)
    expected = [("application/atom+xml", f"/{lang}/feed.atom"),
                ("application/feed+json", f"/{lang}/feed.json")]
    if "kind=" in path:
        expected = [(t, f"{href}?kind=speech") for t, href in expected] + expected
    assert found == expected
    for _, href in found:
        assert client.get(href.replace("&amp;", "&")).status_code == 200


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_statement_with_a_photo_carries_it_in_both_feeds(photo_app, editor, clock, lang):
    """The photo goes with its entry: an Atom enclosure and a JSON Feed image, both its widest
    JPEG at an absolute address, and a figure with its alt text at the top of the content."""
    saved = post_new(editor, image=upload("valid.jpg"), status="published")
    sid = statement_id_from(saved)
    clock.advance(minutes=1)
    client = photo_app.test_client()
    parsed = feedparser.parse(client.get(f"/{lang}/feed.atom").get_data())
    assert not parsed.bozo
    entry = next(e for e in parsed.entries if e.id.endswith(f"/statements/{sid}/"))
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.type == "image/jpeg"
    assert re.fullmatch(r"http://pressroom\.test/media/[0-9a-f]+-\d+\.jpg", enclosure.href)
    assert client.get(urlsplit(enclosure.href).path).status_code == 200
    alt = {"en": "Cranes over the harbour at dawn", "ru": "Краны над портом на рассвете"}[lang]
    content = entry.content[0].value  # feedparser's sanitiser orders the attributes
    body = {"en": "Text.", "ru": "Текст."}[lang]
    assert content.startswith("<figure><img ") and f"</figure><p>{body}</p>" in content
    assert f'src="{enclosure.href}"' in content and f'alt="{alt}"' in content

    document = json.loads(client.get(f"/{lang}/feed.json").get_data())
    item = next(i for i in document["items"] if i["id"].endswith(f"/statements/{sid}/"))
    assert item["image"] == enclosure.href
    assert item["content_html"].startswith("<figure><img ")
