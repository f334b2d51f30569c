"""Search on the public site, on whichever database runs the suite: morphology, folding, phrases,
exclusions, ranking, snippets, visibility, index upkeep, hostile input, htmx, both languages."""

import json
import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from sqlalchemy import select, text

from pressroom import ROOT, create_app, search
from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Statement, StatementText

from .staff_client import create_statement, edit_statement, statement_id_from

LANGS = ["en", "ru"]
HX = {"HX-Request": "true"}


def html(response) -> str:
    """Return a response body as text."""
    return response.get_data(as_text=True)


def found_titles(client, lang: str, query: str, **params) -> list[str]:
    """Return the titles a search page lists, best first."""
    response = client.get(f"/{lang}/search", query_string={"q": query, **params}, headers=HX)
    assert response.status_code == 200, html(response)
    return re.findall(r'<h3 class="row-title"><a href="[^"]+">([^<]+)</a>', html(response))


@pytest.fixture
def texts(app, clock, add_statement):
    """Return a function that stores a statement whose one text has `title` and `body` (plain
    text paragraphs) in `lang`; keyword arguments go to `add_statement`."""

    def add(lang: str, title: str, body: str = "", **kwargs):
        return add_statement({lang: title}, body=f"<p>{body}</p>", **kwargs)

    return add


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/statements/"])
def test_every_public_page_links_to_search_in_its_header(client, lang, path):
    """The header of public pages links to the search page in the page's language."""
    page = html(client.get(path.format(lang=lang)))
    header = page.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    assert f'href="/{lang}/search"' in header


@pytest.mark.parametrize("lang", LANGS)
def test_empty_search_page_has_a_plain_form(client, lang):
    """Without a query: the GET form, no results, noindex, and the page cached like others."""
    response = client.get(f"/{lang}/search")
    page = html(response)
    assert response.status_code == 200
    assert f'<form class="search-form" role="search" method="get" action="/{lang}/search"' in page
    assert '<meta name="robots" content="noindex">' in page
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "HX-Request" in response.headers["Vary"]
    assert "s-maxage=" in response.headers["Cache-Control"]
    assert "search-hits" not in page


def test_russian_morphology(client, texts):
    """Any form of a Russian word finds the others: заявление, заявления, заявлений, заявлением."""
    texts("ru", "Первое", "Министерство сделало заявления.")
    texts("ru", "Второе", "Текст двух заявлений.")
    texts("ru", "Третье", "Выступил с заявлением.")
    texts("ru", "Четвёртое", "Введено много санкций.")
    for query in ("заявление", "заявления", "заявлений", "заявлением"):
        assert sorted(found_titles(client, "ru", query)) == ["Второе", "Первое", "Третье"]
    assert found_titles(client, "ru", "санкции") == ["Четвёртое"]


def test_english_morphology(client, texts):
    """`sanctions` finds `sanction`, and the other way round."""
    texts("en", "Singular", "One sanction was lifted.")
    texts("en", "Plural", "Sanctions were lifted.")
    assert sorted(found_titles(client, "en", "sanctions")) == ["Plural", "Singular"]
    assert sorted(found_titles(client, "en", "sanction")) == ["Plural", "Singular"]


def test_case_and_yo_are_folded(client, texts):
    """ПРИВЕТ finds привет, ёлка finds елка and ЕЛКА finds ёлка."""
    texts("ru", "Приветствие", "Всем привет от пресс-службы.")
    texts("ru", "Праздник", "На площади поставили ёлку.")
    texts("ru", "Ещё праздник", "Нарядная елка у входа.")
    assert found_titles(client, "ru", "ПРИВЕТ") == ["Приветствие"]
    for query in ("ёлка", "елка", "ЁЛКА", "Елку"):
        assert sorted(found_titles(client, "ru", query)) == ["Ещё праздник", "Праздник"]


def test_phrases_and_exclusions(client, texts):
    """Quotes find the words in that order; a minus leaves a word or a phrase out."""
    texts("en", "Conference", "The press conference starts at noon.")
    texts("en", "Office", "Ask the press office about the conference.")
    assert sorted(found_titles(client, "en", "press conference")) == ["Conference", "Office"]
    assert found_titles(client, "en", '"press conference"') == ["Conference"]
    assert found_titles(client, "en", "press -office") == ["Conference"]
    assert found_titles(client, "en", 'conference -"press conference"') == ["Office"]
    assert sorted(found_titles(client, "en", "noon or office")) == ["Conference", "Office"]


def test_a_phrase_stays_within_one_field(client, app, clock, add_statement):
    """A phrase is found inside a title, lead or body, never across two of them (so both
    databases agree: SQLite's columns are apart, PostgreSQL's fields are kept apart)."""
    add_statement({"en": "Harbour"}, body="<p>Works begin.</p>")
    assert found_titles(client, "en", "harbour lead") == ["Harbour"]  # lead: "Lead of Harbour"
    assert found_titles(client, "en", '"lead of harbour"') == ["Harbour"]
    assert found_titles(client, "en", '"harbour works"') == []
    assert found_titles(client, "en", "harbour works") == ["Harbour"]


def test_title_match_ranks_above_body_match_and_ties_go_to_the_newest(client, texts, clock):
    """A word in the title outranks it in the body; equal matches come newest first."""
    now = clock.now
    texts("ru", "Итоги года", "Министерство подвело итоги переговоров.", published_at=now
          - timedelta(hours=1))
    texts("ru", "Переговоры в Тервике", "Подробности позже.", published_at=now
          - timedelta(days=30))
    assert found_titles(client, "ru", "переговоры") == ["Переговоры в Тервике", "Итоги года"]
    texts("en", "Old news", "Fisheries talks.", published_at=now - timedelta(days=9))
    texts("en", "New news", "Fisheries talks.", published_at=now - timedelta(days=2))
    texts("en", "Middle news", "Fisheries talks.", published_at=now - timedelta(days=5))
    assert found_titles(client, "en", "fisheries") == ["New news", "Middle news", "Old news"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_query_in_the_title_then_in_the_lead_then_the_rest_newest_first(
    app, client, texts, clock, lang
):
    """Title and lead, title, lead, then texts holding the words in the body or across fields,
    newest first within each: how often the words come does not count (the newest text, which
    repeats them in its body, is not lifted by it), so both databases order alike."""
    words = {"en": "harbour pilots", "ru": "гавань лоцманы"}[lang]
    title = words.capitalize()
    first, second = words.split()
    made = {
        # name: (title, lead, body), each a day older than the one before
        "body": ("Note", "Nothing to see.", f"{words} {words} {words} {words}."),
        "across": (first.capitalize(), "Nothing to see.", f"{second}."),
        "lead": ("Note", f"{title} met today.", ""),
        "title": (title, "Nothing to see.", ""),
        "both": (f"{title} agree", f"{title} met today.", ""),
    }
    order = {}
    for days, (name, (heading, lead, body)) in enumerate(made.items(), 1):
        statement = texts(lang, f"{heading} {name}", body,
                          published_at=clock.now - timedelta(days=days))
        with app.app_context():
            stored = db.session.get(Statement, statement.id).texts[0]
            stored.lead = lead  # through the ORM, so the index follows
            db.session.commit()
            content_changed()
        order[f"{heading} {name}"] = name
    found = [order[t] for t in found_titles(client, lang, words)]
    assert found == ["both", "title", "lead", "body", "across"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_search_ranks_only_the_most_recently_added_matches(
    client, texts, clock, monkeypatch, lang
):
    """Beyond CANDIDATES matches, the most recently added are ranked and shown, and no others:
    the oldest text, though its title matches, is left out; drafts take no place among them."""
    monkeypatch.setattr(search, "CANDIDATES", 3)
    word = {"en": "lighthouse", "ru": "маяк"}[lang]
    texts(lang, f"{word} first", published_at=clock.now - timedelta(days=1))
    for number in range(2, 5):
        texts(lang, f"Note {number}", f"About the {word}.", published_at=clock.now
              - timedelta(days=number))
    texts(lang, f"Draft {word}", status="draft")
    assert found_titles(client, lang, word) == ["Note 2", "Note 3", "Note 4"]
    response = client.get(f"/{lang}/search", query_string={"q": word, "page": 2})
    assert response.status_code == 404
    # The page that ends the ranking says where the older matches are.
    capped = {
        "en": "Only the 3 most recent matching statements are shown: add words or choose dates"
        " to find older ones.",
        "ru": "Показаны только 3 самых новых подходящих заявления: чтобы найти более ранние,"
        " добавьте слова или выберите даты.",
    }[lang]
    assert capped in html(client.get(f"/{lang}/search", query_string={"q": word}))
    # A search that matches no more than CANDIDATES texts ranks them all, and says nothing.
    assert found_titles(client, lang, f"{word} first") == [f"{word} first"]
    page = html(client.get(f"/{lang}/search", query_string={"q": f"{word} first"}))
    assert "search-capped" not in page


def test_snippet_marks_the_words_and_escapes_the_text(client, app, clock, add_statement):
    """A body that talks about <script> and quotes shows them as text; only <mark> is markup."""
    add_statement(
        {"en": "Security <b>notice</b>"},
        body=(
            "<p>Never paste &lt;script&gt;alert(&quot;sanctions&quot;)&lt;/script&gt; into a form"
            " &amp; never trust 'quotes' about sanctions.</p>"
        ),
    )
    page = html(client.get("/en/search", query_string={"q": "sanctions"}))
    snippet = page.split('<p class="snippet">', 1)[1].split("</p>", 1)[0]
    assert "<script" not in page.lower().replace('<script src="', "")
    # (PostgreSQL's headline may start after the "<" of "<script>": it is a word of its own.)
    assert "script&gt;alert(&#34;<mark>sanctions</mark>&#34;)&lt;/script&gt;" in snippet
    assert "&amp; never" in snippet
    assert "<mark>sanctions</mark>" in snippet
    assert "&amp;lt;" not in snippet  # escaped once, not twice
    assert set(re.findall(r"<(/?\w+)", snippet)) == {"mark", "/mark"}
    assert "Security &lt;b&gt;notice&lt;/b&gt;" in page


def test_drafts_future_and_deleted_statements_never_appear(app, client, texts, clock):
    """Drafts never; future statements at their time; deleted ones no more."""
    texts("en", "Draft reply", "Fisheries quotas.", status="draft")
    texts("en", "Scheduled reply", "Fisheries quotas.", published_at=clock.now + timedelta(hours=2))
    public = texts("en", "Public reply", "Fisheries quotas.")
    assert found_titles(client, "en", "fisheries") == ["Public reply"]
    clock.advance(hours=3)
    assert sorted(found_titles(client, "en", "fisheries")) == ["Public reply", "Scheduled reply"]
    with app.app_context():
        db.session.delete(db.session.get(Statement, public.id))
        db.session.commit()
        content_changed()
        indexed = db.session.execute(text(f"SELECT count(*) FROM {search.TABLE}")).scalar()
    assert found_titles(client, "en", "fisheries") == ["Scheduled reply"]
    assert indexed == 2  # the deleted statement's text left the index with it


def test_the_index_follows_the_staff_form(staff, app, clock):
    """Create, edit and remove a language through the staff form: search follows each save,
    and the cached search page is renewed."""
    response = create_statement(
        staff, en_title="Harbour works", en_body="Dredging of the harbour begins.",
        ru_title="Работы в порту", ru_body="Начинается углубление гавани.",
        published_date="2026-03-14",
    )
    statement_id = statement_id_from(response)
    assert found_titles(staff, "en", "dredging") == ["Harbour works"]
    assert found_titles(staff, "ru", "углубления") == ["Работы в порту"]
    response = edit_statement(
        staff, statement_id, en_title="Harbour works", en_body="Lighthouse repairs begin.",
        published_date="2026-03-14",
    )
    assert response.status_code == 303
    assert found_titles(staff, "en", "dredging") == []
    assert found_titles(staff, "en", "lighthouse") == ["Harbour works"]
    # The Russian text was left empty, so the edit removed it, and the index forgot it.
    assert found_titles(staff, "ru", "углубления") == []


def test_import_and_demo_loading_are_indexed(app, runner, tmp_path, clock):
    """The import (Core inserts) reindexes; the demo loader's statements are found."""
    from pressroom.demo import load_demo
    from pressroom.transfer import dump, load

    with app.app_context():
        load_demo(app.config["PRESSROOM_TIMEZONE"])
    client = app.test_client()
    assert found_titles(client, "en", '"Northern Lantern"')
    with app.app_context():
        document = dump()
        load(json.loads(json.dumps(document)), replace=True)
    assert found_titles(client, "en", '"Northern Lantern"')
    assert found_titles(client, "ru", "экспедиции")


def test_postgresql_keeps_documents_in_their_rows(app):
    """A row too long for its page moves its summary out, not its document, which every search
    reads for thousands of rows: the document's storage is MAIN."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("PostgreSQL's storage of a column")
        storage = db.session.execute(
            text(
                "SELECT attname, attstorage FROM pg_attribute WHERE attrelid ="
                f" '{search.TABLE}'::regclass AND attname IN ('document', 'summary')"
                " ORDER BY attname"
            )
        ).all()
    assert [tuple(row) for row in storage] == [("document", "m"), ("summary", "x")]


def test_reindex_command_rebuilds_the_index(app, runner, texts):
    """`flask search reindex` refills an emptied index, with a progress bar."""
    texts("en", "Fisheries", "Quotas for the season.")
    with app.app_context():
        db.session.execute(text(f"DELETE FROM {search.TABLE}"))
        db.session.commit()
        content_changed()
    client = app.test_client()
    assert found_titles(client, "en", "quotas") == []
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert "Indexing statement texts" in result.output
    assert "Search index rebuilt: 1 statement texts." in result.output
    assert found_titles(client, "en", "quotas") == ["Fisheries"]


#: Queries that must give a page, whatever they hold.
HOSTILE = [
    "",
    " ",
    "\"",
    "\"\"\"",
    "'",
    "-",
    "--",
    "- - -",
    "or",
    "OR OR OR",
    "a or",
    "?!.,;:()[]{}<>",
    "AND",
    "NOT fisheries",
    "fisheries NEAR quotas",
    "NEAR(fisheries quotas, 2)",
    "fish*",
    "*",
    "title:fisheries",
    "fisheries:A",
    "fisheries:*",
    "'fisheries' & !'quotas' | ('x' <-> 'y')",
    "& | ! ( ) <-> <2> :* :AB",
    "\"unbalanced quote fisheries",
    "fisheries\"",
    "\\",
    "\\\"",
    "%",
    "_",
    "\x00",
    "fish\x00eries",
    "\ud800",
    "fisheries\udfff",
    "\u200f\u202efisheries\u202c",
    "\u200d\u200b\u2060\ufeff",
    "\ue000\ue001\ue002\ue003",
    "\U0001f600 fisheries",
    "🐟" * 50,
    "é" * 100 + "\u0301" * 100,
    "x" * 200,
    "a" * 500,
    "x" * 10_000,
    "fisheries " * 1000,
    "\"" * 5000,
    "-" * 10_000,
    "%00%ff",
    "SELECT * FROM statement; --",
    "'); DROP TABLE statement_text; --",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
]


@pytest.mark.parametrize("lang", LANGS)
def test_any_query_gives_a_page(client, texts, lang):
    """Hostile queries (operators, quotes, NUL, surrogates, marks, 10 kB) answer 200 or, over
    the documented length, 400 with a message in the page's language, or over the request
    line limit (LIMIT_REQUEST_LINE) the app's 414 page; never a 500."""
    texts("en", "Fisheries", "Quotas for the season.")
    limit = search.MAX_QUERY
    message = {"en": "at most 200 characters", "ru": "не больше 200 символов"}[lang]
    for query in HOSTILE:
        for headers in ({}, HX):
            # Lone surrogates travel as the bytes a careless encoder makes of them.
            raw = quote(query.encode("utf-8", "surrogatepass"))
            address = f"/{lang}/search?q={raw}"
            response = client.get(address, headers=headers)
            expected = 400 if len(query) > limit else 200
            if len(f"GET {address} HTTP/1.1") > client.application.config["LIMIT_REQUEST_LINE"]:
                expected = 414
            assert response.status_code == expected, (query[:40], response.status_code)
            page = html(response)
            assert (message in page) == (expected == 400), query[:40]
            assert "<script>alert" not in page and "49" not in page.split("</form>")[-1]
    # Raw bytes that are no UTF-8 at all.
    response = client.get(f"/{lang}/search?q=%ff%fe%00%ed%a0%80fisheries")
    assert response.status_code == 200
    with client.application.app_context():
        assert db.session.scalar(select(StatementText.title)) == "Fisheries"


@pytest.mark.parametrize(
    ("query_string", "status"),
    [
        ("q=x&page=0", 404),
        ("q=x&page=-1", 404),
        ("q=x&page=01", 404),
        ("q=x&page=abc", 404),
        ("q=x&page=1.5", 404),
        ("q=x&page=99999999999", 404),
        ("q=fisheries&page=2", 404),
        ("page=2", 404),
        ("q=x&kind=bogus", 404),
        ("q=x&kind=%00", 404),
        ("q=x&kind=statement", 200),
        ("q=x&kind=", 200),
        ("q=x&from=&to=", 200),
        ("q=x&from=2026-02-30", 400),
        ("q=x&from=yesterday", 400),
        ("q=x&to=15.03.2026", 400),
        ("q=x&to=20260315", 400),
        ("q=x&from=%00", 400),
        ("q=x&from=2026-03-10&to=2026-03-01", 400),
        ("q=x&from=0001-01-01&to=9999-12-31", 200),
        ("q=fisheries&from=9999-12-31", 200),
    ],
)
def test_bad_parameters_get_a_message_or_a_404(client, texts, query_string, status):
    """Wrong page or kind: 404 like the listing; wrong dates: 400 saying what is right."""
    texts("en", "Fisheries", "Quotas for the season.")
    response = client.get(f"/en/search?{query_string}")
    assert response.status_code == status
    if status == 400:
        assert "YYYY-MM-DD" in html(response) or "is after" in html(response)


def test_date_messages_speak_russian(client):
    """The date messages are in the page's language."""
    page = html(client.get("/ru/search?q=x&from=вчера&to=2026-01-01"))
    assert "«С»: укажите дату в виде ГГГГ-ММ-ДД." in page


def test_kind_and_dates_narrow_the_search(client, texts, clock):
    """Kind and dates (in the site's zone, both ends included) narrow the results."""
    texts("en", "Early speech", "Fisheries.", kind="speech",
          published_at=clock.now - timedelta(days=10))  # 5 March, 11:00 in Moscow
    texts("en", "Late comment", "Fisheries.", kind="comment",
          published_at=clock.now - timedelta(days=2))  # 13 March
    assert found_titles(client, "en", "fisheries", kind="speech") == ["Early speech"]
    assert found_titles(client, "en", "fisheries", **{"from": "2026-03-06"}) == ["Late comment"]
    assert found_titles(client, "en", "fisheries", to="2026-03-05") == ["Early speech"]
    assert found_titles(client, "en", "fisheries", to="2026-03-04") == []
    both = found_titles(client, "en", "fisheries", **{"from": "2026-03-05", "to": "2026-03-13"})
    assert sorted(both) == ["Early speech", "Late comment"]


def test_results_are_paged(client, texts, clock):
    """Twenty results a page; the next page continues; past the last page is a 404."""
    for n in range(23):
        published = clock.now - timedelta(hours=n + 1)
        texts("en", f"Quota note {n}", "Fisheries.", published_at=published)
    first = found_titles(client, "en", "fisheries")
    second = found_titles(client, "en", "fisheries", page=2)
    assert len(first) == 20 and len(second) == 3
    assert first[0] == "Quota note 0" and second[-1] == "Quota note 22"
    assert 'rel="next" href="/en/search?' in html(client.get("/en/search?q=fisheries"))
    assert client.get("/en/search?q=fisheries&page=3").status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_htmx_gets_the_fragment_and_the_browser_the_page(client, texts, lang):
    """One URL: the results fragment for htmx, the whole page otherwise (and for a history
    restore); both vary on HX-Request and are cached apart."""
    texts(lang, {"en": "Fisheries", "ru": "Рыболовство"}[lang], "fisheries рыболовство")
    url = f"/{lang}/search?q=fisheries+рыболовство"
    page = client.get(url)
    fragment = client.get(url, headers=HX)
    restore = client.get(url, headers={**HX, "HX-History-Restore-Request": "true"})
    again = client.get(url, headers=HX)
    assert "<html" in html(page) and "<html" in html(restore)
    assert "<html" not in html(fragment) and "<form" not in html(fragment)
    assert "search-hits" in html(fragment)
    assert html(again) == html(fragment)
    for response in (page, fragment, restore):
        assert response.status_code == 200
        assert "HX-Request" in response.headers["Vary"]
        # A browser keeps the fragment; htmx's history restore must not be given it.
        assert "HX-History-Restore-Request" in response.headers["Vary"]
    form = html(page).split("<form", 1)[1].split("</form>", 1)[0]
    assert f'hx-get="/{lang}/search"' in form and 'hx-push-url="true"' in form
    assert 'hx-target="#search-results"' in form and 'id="search-results"' in html(page)
    assert 'maxlength="200"' in form


@pytest.mark.parametrize(
    ("lang", "query", "suggestion"),
    [
        ("en", "рыболовство", "Statements in Russian match it."),
        ("ru", "fisheries", "По этому запросу есть заявления на английском языке."),
    ],
)
def test_no_results_suggest_the_other_language(client, texts, lang, query, suggestion):
    """Nothing here, something in the other language: say so and link to that search."""
    texts("en", "Fisheries", "Fisheries.")
    texts("ru", "Рыболовство", "Рыболовство.")
    page = html(client.get(f"/{lang}/search", query_string={"q": query}))
    other = "ru" if lang == "en" else "en"
    assert suggestion in page
    assert f'href="/{other}/search?q=' in page
    nothing = html(client.get(f"/{lang}/search", query_string={"q": "lighthouse маяк"}))
    assert suggestion not in nothing


@pytest.mark.parametrize(
    ("lang", "query", "message"),
    [
        ("en", "the of and", "There is nothing to look for in this search"),
        ("ru", "-санкции", "В этом запросе нечего искать"),
        ("en", "lighthouse", "No statements match this search."),
        ("ru", "маяк", "По этому запросу ничего не найдено."),
    ],
)
def test_empty_answers_say_why(client, texts, lang, query, message):
    """Only stop words or exclusions, or no match: a message in the page's language."""
    texts("en", "Fisheries", "Fisheries.")
    assert message in html(client.get(f"/{lang}/search", query_string={"q": query}))


def test_migration_builds_and_fills_the_index(app_config, database_url, tmp_path):
    """Upgrading to the search migration indexes the texts already stored; downgrading
    removes the index."""
    from flask_migrate import downgrade, upgrade
    from sqlalchemy import create_engine, inspect

    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'search-migration.sqlite3'}"
        engine = None
    else:
        engine = create_engine(database_url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS search_migration CASCADE"))
            connection.execute(text("CREATE SCHEMA search_migration"))
        separator = "&" if "?" in database_url else "?"
        url = f"{database_url}{separator}options=-csearch_path%3Dsearch_migration"
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": url})
    directory = str(ROOT / "migrations")
    try:
        with app.app_context():
            upgrade(directory=directory, revision="7c1e2d4a9b30")
            db.session.execute(
                text(
                    "INSERT INTO statement (id, kind, published_at, status, featured, created_at,"
                    " updated_at, version) VALUES (1, 'statement', '2026-01-01 10:00:00',"
                    " 'published', false, '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1)"
                )
            )
            db.session.execute(
                text(
                    "INSERT INTO statement_text (id, statement_id, lang, title, slug, lead, body,"
                    " body_source) VALUES (1, 1, 'ru', 'Заявление о санкциях', 'z', '',"
                    " '<p>Текст</p>', '')"
                )
            )
            db.session.commit()
            upgrade(directory=directory)
            with app.test_request_context():
                assert [h.id for h in search.find("ru", "санкций").hits] == [1]
            db.session.remove()
            downgrade(directory=directory, revision="base")
            assert not any(
                name.startswith(search.TABLE) for name in inspect(db.engine).get_table_names()
            )
            db.engine.dispose()
    finally:
        if engine is not None:
            with engine.begin() as connection:
                connection.execute(text("DROP SCHEMA search_migration CASCADE"))
            engine.dispose()
