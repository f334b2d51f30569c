"""Link previews: Open Graph, the X card, JSON-LD and descriptions, read the way consumers read
them (extruct for Open Graph and JSON-LD, an HTML parser for named meta tags), in both
languages, with and without a translation, over http and behind an HTTPS proxy."""

import json
import re
import struct
import subprocess
import sys
from datetime import timedelta
from html.parser import HTMLParser

import extruct
import pytest

from pressroom import ROOT
from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import SiteSettings, Statement
from pressroom.site.metadata import SHARE_IMAGE, SHARE_IMAGE_SIZE, excerpt, script_json

from .staff_client import create_statement, edit_statement, statement_id_from

LANGS = ["en", "ru"]
OTHER = {"en": "ru", "ru": "en"}
OG_LOCALE = {"en": "en_GB", "ru": "ru_RU"}
#: Titles that break naive markup: quotes of both kinds, a script end tag, a comment opener,
#: an ampersand, Cyrillic, and a line separator that older JavaScript parsers end lines at.
TITLES = {
    "en": "He said \"no\" to 'them' </script><script>alert(1)</script> & <!-- left",
    "ru": '«Ответ» — "нет" </SCRIPT > & <!-- ёж\u2028Щ',
}
HTTPS = {"X-Forwarded-Proto": "https"}


class HeadReader(HTMLParser):
    """Collect what a consumer reads from a page: named meta tags, Open Graph properties and
    the raw text of each JSON-LD script element."""

    def __init__(self):
        super().__init__()
        self.names: list[tuple[str, str]] = []
        self.properties: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        """Record meta tags; note the start of a JSON-LD script."""
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.names.append((attrs["name"], attrs.get("content")))
        if tag == "meta" and "property" in attrs:
            self.properties.append((attrs["property"], attrs.get("content")))
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.scripts.append("")

    def handle_data(self, data):
        """Keep the text of a JSON-LD script."""
        if self._in_json_ld:
            self.scripts[-1] += data

    def handle_endtag(self, tag):
        """A script element ends at its end tag."""
        if tag == "script":
            self._in_json_ld = False


def read(page: str) -> HeadReader:
    """Parse a page with the standard library's HTML parser."""
    reader = HeadReader()
    reader.feed(page)
    reader.close()
    return reader


def consume(response, url: str) -> dict:
    """Read a page's metadata as a link-preview consumer would, with two parsers that agree."""
    page = response.get_data(as_text=True)
    found = extruct.extract(page, base_url=url, syntaxes=["opengraph", "json-ld"], uniform=False)
    reader = read(page)
    assert [json.loads(text) for text in reader.scripts] == found["json-ld"]
    assert len(found["opengraph"]) == 1
    properties = found["opengraph"][0]["properties"]
    assert properties == reader.properties
    return {
        "og": dict(properties),
        "og_all": properties,
        "names": dict(reader.names),
        "name_counts": [name for name, _ in reader.names],
        "json_ld": found["json-ld"],
        "raw_scripts": reader.scripts,
        "page": page,
    }


def graph_nodes(documents: list[dict]) -> list[dict]:
    """Return every top-level node of the JSON-LD documents, `@graph`s opened."""
    nodes = []
    for document in documents:
        nodes.extend(document.get("@graph", [document]))
    return nodes


def node(documents: list[dict], kind: str) -> dict:
    """Return the one node of type `kind`."""
    found = [n for n in graph_nodes(documents) if n.get("@type") == kind]
    assert len(found) == 1, (kind, documents)
    return found[0]


def url_of(lang: str, statement_id: int, slug: str, scheme: str = "http") -> str:
    """Return the absolute URL of a statement page."""
    return f"{scheme}://pressroom.test/{lang}/statements/{statement_id}/{slug}"


def slug_of(app, statement_id: int, lang: str) -> str:
    """Return the stored slug of a statement in `lang`."""
    with app.app_context():
        return db.session.get(Statement, statement_id).text(lang).slug


def assert_harmless(result: dict, scripts: int) -> None:
    """The page has exactly the script elements it should, and JSON-LD holds no markup."""
    assert len(result["raw_scripts"]) == scripts
    for text in result["raw_scripts"]:
        assert not set("<>&\u2028\u2029") & set(text), text
    # Titles never open an element of their own anywhere in the page.
    assert "<script>alert(1)" not in result["page"]
    assert "<!-- left" not in result["page"] and "<!-- ёж" not in result["page"]


@pytest.mark.parametrize("lang", LANGS)
def test_statement_with_a_translation(app, client, clock, add_statement, lang):
    """Every preview field of a statement page, intact, with the translation linked."""
    statement = add_statement(TITLES)
    sid = statement.id
    url = url_of(lang, sid, slug_of(app, sid, lang))
    other_url = url_of(OTHER[lang], sid, slug_of(app, sid, OTHER[lang]))
    title = TITLES[lang]
    # Descriptions are one line: runs of whitespace (the line separator too) become a space.
    lead = " ".join(f"Lead of {title}".split())
    site = {"en": "Press statements", "ru": "Заявления для прессы"}[lang]

    result = consume(client.get(url), url)

    og = result["og"]
    assert og["og:type"] == "article"
    assert og["og:title"] == title
    assert og["og:description"] == lead
    assert og["og:url"] == url
    assert og["og:site_name"] == site
    assert og["og:locale"] == OG_LOCALE[lang]
    assert og["og:locale:alternate"] == OG_LOCALE[OTHER[lang]]
    # Published an hour before the frozen 12:00 in Moscow and saved at 12:00; readers were
    # told of no change since, so it was last modified when published.
    assert og["article:published_time"] == "2026-03-15T11:00:00+03:00"
    assert og["article:modified_time"] == "2026-03-15T11:00:00+03:00"
    image = r"http://pressroom\.test/static/img/share\.png\?v=[0-9a-f]{12}"
    assert re.fullmatch(image, og["og:image"])
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
    assert og["og:image:alt"] == site

    names = result["names"]
    assert names["description"] == lead
    assert result["name_counts"].count("description") == 1
    assert names["twitter:card"] == "summary_large_image"
    assert names["twitter:title"] == title
    assert names["twitter:description"] == lead
    assert names["twitter:image"] == og["og:image"]

    article = node(result["json_ld"], "NewsArticle")
    assert result["json_ld"][0]["@context"] == "https://schema.org"
    assert article["headline"] == title
    assert article["description"] == lead
    assert article["inLanguage"] == lang
    assert article["url"] == url
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["datePublished"] == "2026-03-15T11:00:00+03:00"
    assert article["dateModified"] == "2026-03-15T11:00:00+03:00"  # no change since
    assert article["image"] == [og["og:image"]]
    assert article["publisher"]["@type"] == "Organization"
    assert article["publisher"]["name"] == site
    assert article["publisher"]["@id"] == "http://pressroom.test/#organization"
    # English is the site's default language: the English text is the work, the Russian its
    # translation, and each page says so from its side.
    link = {"en": "workTranslation", "ru": "translationOfWork"}[lang]
    unused = {"en": "translationOfWork", "ru": "workTranslation"}[lang]
    assert article[link]["url"] == other_url
    assert article[link]["@id"] == other_url + "#article"
    assert article[link]["inLanguage"] == OTHER[lang]
    assert unused not in article

    assert_harmless(result, scripts=1)


@pytest.mark.parametrize("lang", LANGS)
def test_statement_without_a_translation(app, client, clock, add_statement, lang):
    """One language only: no alternate locale and no translation link."""
    statement = add_statement({lang: TITLES[lang]})
    url = url_of(lang, statement.id, slug_of(app, statement.id, lang))

    result = consume(client.get(url), url)

    assert result["og"]["og:title"] == TITLES[lang]
    assert result["og"]["og:locale"] == OG_LOCALE[lang]
    assert "og:locale:alternate" not in result["og"]
    article = node(result["json_ld"], "NewsArticle")
    assert article["headline"] == TITLES[lang]
    assert "workTranslation" not in article and "translationOfWork" not in article
    assert_harmless(result, scripts=1)


def test_the_default_language_is_the_original(make_app, add_statement):
    """On a site whose default language is Russian, the Russian text is the work."""
    statement = add_statement({"en": "Both", "ru": "Оба"})
    client = make_app(PRESSROOM_DEFAULT_LANGUAGE="ru").test_client()
    ru = url_of("ru", statement.id, "oba")
    en = url_of("en", statement.id, "both")
    ru_article = node(consume(client.get(ru), ru)["json_ld"], "NewsArticle")
    en_article = node(consume(client.get(en), en)["json_ld"], "NewsArticle")
    assert ru_article["workTranslation"]["url"] == en
    assert en_article["translationOfWork"]["url"] == ru


def test_modified_time_follows_staff_edits(app, clock, staff):
    """A statement published at 11:00 and changed (with a change note) at 12:20 was modified
    at 12:20."""
    sid = statement_id_from(create_statement(staff, en_title="Edited later", en_lead="Lead."))
    clock.advance(minutes=20)  # within a staff session's idle time
    edit_statement(staff, sid, en_title="Edited later", en_slug="edited-later", en_lead="New.",
                   change="major", change_note_en="A new lead.")
    url = url_of("en", sid, "edited-later")
    result = consume(staff.get(url), url)
    assert result["og"]["article:published_time"] == "2026-03-15T11:00:00+03:00"
    assert result["og"]["article:modified_time"] == "2026-03-15T12:20:00+03:00"
    assert node(result["json_ld"], "NewsArticle")["dateModified"] == "2026-03-15T12:20:00+03:00"
    assert result["names"]["description"] == "New."


def test_a_statement_saved_before_its_time_was_modified_when_published(
    app, client, clock, add_statement
):
    """An edit before the publication time is not a modification after publication."""
    statement = add_statement({"en": "Scheduled"}, published_at=clock.now - timedelta(minutes=5))
    with app.app_context():
        stored = db.session.get(Statement, statement.id)
        stored.updated_at = clock.now - timedelta(days=1)
        db.session.commit()
        content_changed()
    url = url_of("en", statement.id, "scheduled")
    og = consume(client.get(url), url)["og"]
    assert (
        og["article:modified_time"] == og["article:published_time"] == ("2026-03-15T11:55:00+03:00")
    )


def test_without_a_lead_the_description_is_the_start_of_the_body(app, client, clock, add_statement):
    """No lead: the description is the body as text, tags gone, entities read, cut at a word."""
    body = "<p>Ships &amp; boats <strong>return</strong>.</p><p>" + "word " * 80 + "</p>"
    statement = add_statement({"ru": "Без лида"}, body=body)
    with app.app_context():
        db.session.get(Statement, statement.id).text("ru").lead = ""
        db.session.commit()
        content_changed()
    url = url_of("ru", statement.id, "bez-lida")
    result = consume(client.get(url), url)
    description = result["names"]["description"]
    assert description.startswith("Ships & boats return. word word")
    assert description.endswith("word…") and len(description) <= 200
    assert result["og"]["og:description"] == description
    assert node(result["json_ld"], "NewsArticle")["description"] == description


def test_excerpt():
    """Plain text from HTML, whitespace collapsed, cut at a word boundary with an ellipsis."""
    assert excerpt("<p>A&nbsp;b</p>\n<p>c &lt;d&gt;</p>") == "A\xa0b c <d>"
    assert excerpt("<p>one two three four</p>", limit=12) == "one two…"
    assert excerpt("") == ""


@pytest.fixture
def odd_site_titles(app):
    """Site titles with quotes, a script end tag and Cyrillic."""
    titles = {"en": 'The "Office" </script> & co', "ru": "Пресс-служба «Ведомства» </script>"}
    with app.app_context():
        db.session.add_all(
            [SiteSettings(lang=lang, site_title=title) for lang, title in titles.items()]
        )
        db.session.commit()
        content_changed()
    return titles


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "path", ["/{lang}/", "/{lang}/statements/", "/{lang}/statements/?kind=speech"]
)
def test_home_and_listing_describe_the_site(client, odd_site_titles, lang, path):
    """Home and listing: Open Graph `website`, the X card, WebSite and Organization JSON-LD."""
    url = "http://pressroom.test" + path.format(lang=lang)
    result = consume(client.get(url), url)
    site = odd_site_titles[lang]
    home = f"http://pressroom.test/{lang}/"

    website = node(result["json_ld"], "WebSite")
    assert website["url"] == home
    assert website["name"] == site
    assert website["inLanguage"] == lang
    organization = node(result["json_ld"], "Organization")
    assert organization["name"] == site
    assert organization["@id"] == "http://pressroom.test/#organization"
    assert website["publisher"] == {"@id": organization["@id"]}

    og = result["og"]
    assert og["og:type"] == "website"
    assert og["og:url"] == url
    assert og["og:site_name"] == site
    assert og["og:locale"] == OG_LOCALE[lang]
    assert og["og:locale:alternate"] == OG_LOCALE[OTHER[lang]]
    description = result["names"]["description"]
    assert description.startswith(site + ": ")
    assert og["og:description"] == result["names"]["twitter:description"] == description
    cyrillic = bool(re.search("[а-я]", description.removeprefix(site)))
    assert cyrillic == (lang == "ru")
    assert_harmless(result, scripts=1)


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_page_has_one_description(client, add_statement, lang):
    """Statement pages, listings, the archive, search, the home page, error pages, the gallery
    and every widget's own page: one description, in the page's language."""
    only_other = add_statement({OTHER[lang]: "Elsewhere"})
    paths = [
        f"/{lang}/",
        f"/{lang}/statements/",
        f"/{lang}/statements/?kind=interview",
        f"/{lang}/statements/{only_other.id}/elsewhere",  # not in this language: a 404 page
        f"/{lang}/statements/999999/",
        f"/{lang}/archive/",
        f"/{lang}/search?q=words",
        f"/widgets/?lang={lang}",
        f"/widgets/clock?tz=Europe/Moscow&lang={lang}",
        f"/widgets/latest?lang={lang}",
        f"/widgets/clock?tz=Nowhere/Else&lang={lang}",  # a widget address with a mistake
    ]
    for path in paths:
        reader = read(client.get(path).get_data(as_text=True))
        descriptions = [content for name, content in reader.names if name == "description"]
        assert len(descriptions) == 1 and descriptions[0].strip(), path
        assert bool(re.search("[а-я]", descriptions[0])) == (lang == "ru"), (path, descriptions)


def metadata_urls(result: dict) -> list[str]:
    """Return every absolute URL in a page's Open Graph, X card and JSON-LD."""
    values = [value for _, value in result["og_all"]] + list(result["names"].values())
    urls = [value for value in values if value.startswith(("http:", "https:"))]
    text = json.dumps(result["json_ld"])
    urls += re.findall(r'"(https?://[^"]+)"', text)
    # The vocabulary's own address is no address of this site.
    return [url for url in urls if url != "https://schema.org"]


@pytest.mark.parametrize("lang", LANGS)
def test_metadata_urls_are_https_behind_an_https_proxy(make_app, add_statement, lang):
    """Behind a proxy that says https, every metadata URL is https, cached or not, while plain
    http requests keep http URLs (the page cache keys on the scheme)."""
    client = make_app(PRESSROOM_PROXY_FIX=1).test_client()
    statement = add_statement({"en": "Secure", "ru": "Защищено"})
    slug = {"en": "secure", "ru": "zashchishcheno"}[lang]
    for path in (f"/{lang}/statements/{statement.id}/{slug}", f"/{lang}/", f"/{lang}/statements/"):
        plain = consume(client.get(path), "http://pressroom.test" + path)
        assert {u.split(":", 1)[0] for u in metadata_urls(plain)} == {"http"}
        for _ in range(2):  # a miss, then a hit
            secure = consume(client.get(path, headers=HTTPS), "https://pressroom.test" + path)
            urls = metadata_urls(secure)
            assert urls and all(u.startswith("https://pressroom.test/") for u in urls), urls
            assert secure["og"]["og:url"] == "https://pressroom.test" + path
            assert secure["og"]["og:image"].startswith("https://pressroom.test/static/img/")
    article = node(
        consume(
            client.get(f"/{lang}/statements/{statement.id}/{slug}", headers=HTTPS), "https://x/"
        )["json_ld"],
        "NewsArticle",
    )
    link = article.get("workTranslation") or article["translationOfWork"]
    assert link["url"].startswith(f"https://pressroom.test/{OTHER[lang]}/statements/")


def png_size(data: bytes) -> tuple[int, int]:
    """Return the width and height of a PNG from its header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_share_image_is_served_at_its_stated_size(client, add_statement):
    """The image every preview names is a 1200×630 PNG, served from the URL in the page."""
    statement = add_statement({"en": "Picture"})
    url = url_of("en", statement.id, "picture")
    image_url = consume(client.get(url), url)["og"]["og:image"]
    response = client.get(image_url.removeprefix("http://pressroom.test"))
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert png_size(response.data) == SHARE_IMAGE_SIZE
    response.close()
    assert png_size((ROOT / "static" / SHARE_IMAGE).read_bytes()) == SHARE_IMAGE_SIZE


def test_the_share_image_script_makes_an_image_with_a_sites_own_name(tmp_path):
    """tools/share_image.py draws a 1200×630 PNG with the names it is given."""
    output = tmp_path / "share.png"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "share_image.py"),
            "--title",
            "Пресс-служба",
            "--title",
            "Press office",
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
    )
    assert png_size(output.read_bytes()) == SHARE_IMAGE_SIZE


@pytest.mark.parametrize(
    "value",
    ["</script><script>alert(1)</script>", "<!--", "a & b > c", "«ёж»", "line\u2028sep\u2029", '"'],
)
def test_script_json_round_trips_and_holds_no_markup(value):
    """JSON for a <script> element: the same data back, and no character that ends the element."""
    text = str(script_json({"headline": value}))
    assert json.loads(text) == {"headline": value}
    assert not set("<>&\u2028\u2029") & set(text)


def test_staff_pages_have_no_previews(staff):
    """The staff area offers nothing to link previews beyond a description."""
    reader = read(staff.get("/staff/").get_data(as_text=True))
    assert reader.properties == [] and reader.scripts == []
