"""The words of search (pressroom/analysis.py), tested without Flask; and, when the suite runs on
PostgreSQL, word for word against PostgreSQL's own text search."""

import re
import sqlite3
from pathlib import Path

import pytest
from markupsafe import Markup
from sqlalchemy import create_engine, text

from pressroom import analysis, search
from pressroom.analysis import MARK_END, MARK_START
from pressroom.demo_content import STATEMENTS
from pressroom.stopwords import ENGLISH, RUSSIAN

from .search_corpus import CORPUS
from .test_search import HOSTILE

LANGS = ("en", "ru")
DATA = Path(__file__).parent / "data"


def normal_words(text: str) -> list[str]:
    """Return the normalised words of a raw text."""
    return [w.text for w in analysis.words(analysis.clean(text))]


def test_words_fold_case_yo_and_drop_invisible_characters():
    """Lower case, ё as е, soft hyphens, joiners, direction marks and stress accents gone."""
    assert normal_words("ЁЛКА и Ёж") == ["елка", "и", "еж"]
    assert normal_words("при\u00adвет за\u0301мок \u200fRTL\u200e x\u200dy") == [
        "привет", "замок", "rtl", "xy",
    ]
    assert normal_words("пресс-служба, COVID-19; U.S. e-mail don't 3.5%") == [
        "пресс", "служба", "covid", "19", "u", "s", "e", "mail", "don", "t", "3", "5",
    ]
    assert normal_words("snake_case İstanbul") == ["snake", "case", "istanbul"]
    assert normal_words("x" * 101 + " ok") == ["ok"]


def test_text_that_clean_passes_as_it_is_has_nothing_to_clean():
    """Every character of clean's fast path is one the full cleaning keeps as it is."""
    for code in range(0x3000):
        ch = chr(code)
        if analysis._PLAIN.fullmatch(ch):
            assert ch.translate(analysis._CLEANER) == ch, hex(code)


def test_plain_text_keeps_words_apart_and_decodes_entities():
    """Blocks separate words, inline tags do not, entities become characters."""
    body = (
        "<p>One</p><p>two <em>thr</em>ee &lt;b&gt; &amp; &quot;q&quot;</p>"
        "<ul><li>a</li><li>b</li></ul>"
    )
    assert analysis.plain_text(body) == 'One two three <b> & "q" a b'


def sanitised_bodies() -> list[str]:
    """Return stored bodies of every shape: the demo's, Markdown made HTML, and the hostile
    corpus through the sanitiser, as the staff form and the import store them."""
    from pressroom.text import markdown_to_html, paragraphs_to_html, sanitize_html

    payloads = (DATA / "xss_payloads.txt").read_text().splitlines()
    bodies = [
        paragraphs_to_html(entry[lang]["body"])
        for entry in STATEMENTS
        for lang in LANGS
        if lang in entry
    ]
    bodies += [markdown_to_html(p) for p in payloads] + [sanitize_html(p) for p in payloads]
    bodies += [
        '<p title="a > b">x<br>y</p><ul><li>A&nbsp;<a href="https://example.test/?a=1&amp;b=2">'
        "link</a></li></ul>&lt;script&gt;",
        "<P>Upper</P><TABLE><TR><TD>cell</TD></TR></TABLE>\x07bell",
    ]
    return bodies


def test_plain_text_of_a_sanitised_body_is_the_html_parsers():
    """The regular expression that reads stored bodies gives the HTML parser's text for
    everything the sanitiser writes; a comment or a stray `<` go through the parser."""
    bodies = sanitised_bodies()
    assert len(bodies) > 400
    for body in bodies:
        assert analysis.plain_text(body) == analysis._parsed_text(body), body
    assert analysis.plain_text("a <!-- b --> c <d") == analysis._parsed_text("a <!-- b --> c <d")


def test_a_long_texts_snippet_comes_from_its_beginning_when_that_holds_a_match():
    """Past SCAN_FIRST characters a text is read only when its beginning holds no match: a
    match near the start wins over a bigger cluster far on; a match only far on is found."""
    filler = " ".join(["filler"] * (analysis.SCAN_FIRST // 7 + 50))
    cluster = "harbour harbour harbour"
    wanted = analysis.parse("harbour", "en").wanted_lexemes
    early = analysis.snippet(f"A harbour {filler} {cluster} end", "en", wanted, size=10)
    assert early.startswith("A <mark>harbour</mark> filler") and early.count("<mark>") == 1
    late = analysis.snippet(f"Nothing here {filler} {cluster} end", "en", wanted, size=10)
    assert late.count("<mark>") == 3 and late.startswith("… filler")
    assert late.endswith("</mark> end")


def test_a_snippet_shows_the_window_holding_the_most_matches():
    """Of several clusters, the one with the most wanted words within the window; the first of
    equal ones."""
    words = ["filler"] * 200
    for k in (10, 100, 102, 104, 150, 152):
        words[k] = "harbour"
    wanted = analysis.parse("harbour", "en").wanted_lexemes
    assert analysis._best_cluster([10, 100, 102, 104, 150, 152], 10) == 100
    assert analysis._best_cluster([100, 104, 108, 150, 152, 154], 10) == 100
    assert analysis._best_cluster([3, 40, 80], 10) == 3
    shown = analysis.snippet(" ".join(words), "en", wanted, size=10)
    assert shown.count("<mark>") == 3
    assert shown.startswith("… filler filler filler filler filler <mark>harbour</mark>")


@pytest.mark.parametrize(
    ("word", "lang", "expected"),
    [
        ("заявлений", "ru", "заявлен"),
        ("sanctions", "ru", "sanction"),  # ASCII words are English in Russian text too
        ("sanctions", "en", "sanction"),
        ("санкции", "en", "санкции"),  # English stemming leaves Cyrillic alone
        ("и", "ru", None),
        ("the", "ru", None),
        ("и", "en", "и"),
        ("g20", "en", "g20"),
        ("2026", "ru", "2026"),
    ],
)
def test_lexemes_follow_the_postgresql_configurations(word, lang, expected):
    """Stemmer and stop list by script and language, digits kept as they are."""
    assert analysis.lexeme(word, lang) == expected


@pytest.mark.parametrize(
    ("query", "postgresql", "fts5"),
    [
        ("Sanctions", '"sanctions"', '("sanction")'),
        ("a b", '"b"', '("b")'),
        ('"end of the war"', '"end of the war"', '("end \ue001 \ue001 war")'),
        ("war -peace", '"war" -"peace"', '(("war") NOT "peac")'),
        ('war -"peace talks"', '"war" -"peace talks"', '(("war") NOT "peac talk")'),
        ("war or peace", '"war" or "peace"', '("war") OR ("peac")'),
        ("war OR -peace", '"war"', '("war")'),  # an alternative with nothing wanted is dropped
        ("or war or", '"war"', '("war")'),
        ("--war", '"war"', '("war")'),
        ("-war", "", ""),
        ("covid-19", '"covid 19"', '("covid 19")'),
        ("«пресс служба»", '"пресс служба"', '("пресс служба")'),
        ('"unclosed phrase', '"unclosed phrase"', '("unclos phrase")'),
        ("war:A | (peace & !talks)", '"war" "peace" "talks"', '("war" AND "peac" AND "talk")'),
        ("NEAR(war peace, 2)", '"near" "war" "peace" "2"', '("near" AND "war" AND "peac" AND "2")'),
        ("café", '"café"', f'("{analysis.ENCODED}636166c3a9")'),
    ],
)
def test_queries_are_written_out_with_every_literal_quoted(query, postgresql, fts5):
    """Parsed queries leave nothing for PostgreSQL or FTS5 to interpret."""
    parsed = analysis.parse(query, "en")
    assert parsed.postgresql() == postgresql
    assert parsed.fts5() == fts5


def test_any_query_is_a_valid_fts5_expression():
    """Every hostile query becomes an FTS5 expression SQLite accepts, built of quoted tokens."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'unicode61 remove_diacritics 0')"
    )
    connection.execute("INSERT INTO t VALUES ('fisheri quota')")
    one = r"(?:[0-9a-zа-я]+|\ue000[0-9a-f]+|\ue001)"
    token = re.compile(f'"{one}(?: {one})*"')
    for query in HOSTILE:
        for lang in LANGS:
            expression = analysis.parse(query.encode("utf-8", "replace").decode(), lang).fts5()
            if not expression:
                continue
            assert set(token.sub("", expression)) <= set("() ANDORT"), (query, expression)
            connection.execute("SELECT count(*) FROM t WHERE t MATCH ?", (expression,))


def test_snippet_marks_wanted_words_and_escapes_the_rest():
    """Around the best cluster of matches, escaped, with ellipses where it cuts."""
    text = " ".join(["filler"] * 40) + ' <b>"Sanctions"</b> & sanction ' + " ".join(["end"] * 40)
    wanted = analysis.parse("sanctions", "en").wanted_lexemes
    found = analysis.snippet(text, "en", wanted, size=10)
    assert found.startswith("… ") and found.endswith(" …")
    marked = "&lt;b&gt;&#34;<mark>Sanctions</mark>&#34;&lt;/b&gt; &amp; <mark>sanction</mark>"
    assert marked in found
    assert analysis.snippet("short text", "en", wanted) == Markup("short text")
    assert analysis.snippet("", "en", wanted) == Markup("")


def test_headlines_become_escaped_html_with_marks():
    """PostgreSQL's sentinels become <mark>; anything else it returns is text."""
    text = 'a <script> "b" & c'
    assert analysis.for_headline(text) == 'a &lt;script&gt; "b" &amp; c'
    headline = f'a &lt;script&gt; "b" &amp; {MARK_START}c{MARK_END}'
    assert analysis.from_headline(headline, text) == Markup(
        'a &lt;script&gt; &#34;b&#34; &amp; <mark>c</mark>'
    )
    assert analysis.from_headline(f"<img src=x onerror=alert(1)> {MARK_START}x", "zzz") == Markup(
        "… &lt;img src=x onerror=alert(1)&gt; <mark>x</mark> …"
    )


@pytest.fixture(scope="module")
def postgresql(database_url):
    """A connection to the PostgreSQL test database; skipped on SQLite."""
    if not database_url.startswith("postgresql"):
        pytest.skip("compares with PostgreSQL: set TEST_DATABASE_URL to a PostgreSQL database")
    engine = create_engine(database_url)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def texts_to_compare():
    """Yield (lang, text) for every title, lead and body of the corpus and the demo content."""
    for entry in CORPUS["statements"]:
        for lang in LANGS:
            if lang in entry:
                given = entry[lang]
                document = analysis.Document.of(lang, given["title"], given["lead"], given["body"])
                yield from ((lang, part) for part in (document.title, document.lead, document.body))
    for entry in STATEMENTS:
        for lang in LANGS:
            if lang in entry:
                yield lang, entry[lang]["title"]
                yield lang, entry[lang]["lead"]
                yield lang, " ".join(entry[lang]["body"])
    yield "ru", "Ёлка, café, straße, λόγος, 中文, g20, 2026г, 1e5, mixedлат, за\u0301мок, İstanbul"


def test_the_fast_way_to_the_words_agrees_with_the_placed_words():
    """The index's words (`word_texts`) are the snippet's and the query's (`words`)."""
    for _lang, raw in texts_to_compare():
        cleaned = analysis.clean(raw)
        assert analysis.word_texts(cleaned) == [w.text for w in analysis.words(cleaned)]


def test_stop_words_are_postgresql_stop_words(postgresql):
    """Each stop word of ours is one for PostgreSQL's dictionaries."""
    for dictionary, listed in (("english_stem", ENGLISH), ("russian_stem", RUSSIAN)):
        lexized = postgresql.execute(
            text(
                "SELECT w, ts_lexize(CAST(:d AS regdictionary), w)"
                " FROM unnest(CAST(:ws AS text[])) AS w"
            ),
            {"d": dictionary, "ws": sorted(listed)},
        ).all()
        assert [w for w, lexemes in lexized if lexemes != []] == []


def test_documents_have_the_lexemes_postgresql_makes(postgresql):
    """For every text, PostgreSQL's to_tsvector of our words has our lexemes at our positions."""
    for lang, raw in texts_to_compare():
        cleaned = analysis.clean(raw)
        mine: dict[str, list[int]] = {}
        for position, lex in enumerate(analysis.lexemes(cleaned, lang), start=1):
            if lex is not None:
                mine.setdefault(lex, []).append(position)
        theirs = dict(
            postgresql.execute(
                text(
                    "SELECT lexeme, positions"
                    " FROM unnest(to_tsvector(CAST(:c AS regconfig), :t))"
                ),
                {"c": analysis.CONFIGS[lang], "t": analysis.postgresql_text(cleaned)},
            ).all()
        )
        assert {k: list(v) for k, v in theirs.items()} == mine, raw[:60]


def test_queries_have_the_lexemes_postgresql_makes(postgresql):
    """websearch_to_tsquery of our written-out query holds exactly our lexemes."""
    for lang in LANGS:
        queries = [q for q, _ in CORPUS["queries"][lang]] + HOSTILE[:30]
        for query in queries:
            parsed = analysis.parse(query.encode("utf-8", "replace").decode(), lang)
            tsquery = postgresql.execute(
                text("SELECT CAST(websearch_to_tsquery(CAST(:c AS regconfig), :q) AS text)"),
                {"c": analysis.CONFIGS[lang], "q": parsed.postgresql()},
            ).scalar()
            mine = {
                lex for clause in parsed.clauses for phrase in (*clause.wanted, *clause.unwanted)
                for lex in phrase.lexemes if lex is not None
            }
            assert set(re.findall(r"'((?:[^']|'')*)'", tsquery)) == mine, query


def test_the_gap_between_fields_is_only_stop_words(postgresql):
    """The padding that keeps phrases inside one field stores nothing in either configuration."""
    for config in analysis.CONFIGS.values():
        vector = postgresql.execute(
            text("SELECT CAST(to_tsvector(CAST(:c AS regconfig), :t) AS text)"),
            {"c": config, "t": search.FIELD_GAP},
        ).scalar()
        assert vector == ""
