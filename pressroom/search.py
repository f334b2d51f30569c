"""Full-text search of public statements: the index on each database, its upkeep, and queries.

PostgreSQL keeps a `tsvector` per statement text in `statement_search` (GIN-indexed), made with
the `english` or `russian` configuration of the text's language, the title weighted A, the lead
B and the body C; queries go through `websearch_to_tsquery` and their snippets come from
`ts_headline`. SQLite keeps an FTS5 table of the same name, fed with the same lexemes (Snowball
stems, see analysis.py). Both return the same statements for the same query, in the same order
(see `_matches`); a corpus test holds them to it (tests/search_corpus.json).

Neither table is in the models' metadata (SQLAlchemy cannot describe an FTS5 table): they are
made by `create_index` after `create_all` and by the migration, and left out of Alembic's
comparisons by `outside_models`.

Upkeep: every text the ORM inserts or changes is indexed in the same flush (the staff form, the
demo loader, anything else that saves through the session); a deleted text leaves the index by
itself (a foreign key on PostgreSQL, a trigger on SQLite); writes that bypass the ORM (the
import) call `reindex`. Visibility is not indexed: drafts and future statements are filtered out
when a query runs, so a scheduled statement appears at its time.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from markupsafe import Markup
from sqlalchemy import (
    Connection,
    Integer,
    String,
    Text,
    bindparam,
    case,
    cast,
    column,
    event,
    func,
    inspect,
    literal_column,
    select,
    table,
    text,
    true,
)
from sqlalchemy.dialects.postgresql import TSQUERY

from . import analysis, content, timekeeping
from .extensions import db
from .models import Statement, StatementText

TABLE = "statement_search"
#: The statements that make the index on each database, in order (migrations keep their own
#: copy, as a migration must not change after it has run). Migrations fill the index with this
#: module's `reindex`, which writes the columns made here: a migration that changes them
#: rebuilds the index itself, and the earlier ones leave it to it (see the search index's
#: migrations).
CREATE = {
    "postgresql": (
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        " text_id INTEGER NOT NULL,"
        # The text's language and statement, which never change: a search learns both from
        # the index's row, without reading the text's (see `_candidates`).
        " lang VARCHAR(2) NOT NULL,"
        " statement_id INTEGER NOT NULL,"
        " document TSVECTOR NOT NULL,"
        # The text a result's snippet is cut from (`analysis.Document.summary`): made from the
        # stored HTML once, when the text is saved, instead of for each result shown.
        " summary TEXT NOT NULL,"
        f" CONSTRAINT pk_{TABLE} PRIMARY KEY (text_id),"
        f" CONSTRAINT fk_{TABLE}_text_id_statement_text FOREIGN KEY (text_id)"
        " REFERENCES statement_text (id) ON DELETE CASCADE)",
        f"CREATE INDEX IF NOT EXISTS ix_{TABLE}_document ON {TABLE} USING gin (document)",
        # A search reads the documents of thousands of rows and the summaries of twenty: a row
        # too long for its page has its summary moved out first (MAIN: the document is
        # compressed or moved only after that). By default the document, the longer of the
        # two once the summary is compressed, went out, and a search read it from there.
        f"ALTER TABLE {TABLE} ALTER COLUMN document SET STORAGE MAIN",
    ),
    "sqlite": (
        # rowid = statement_text.id. `remove_diacritics 0`: й is not и.
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        "title, lead, body, tokenize = 'unicode61 remove_diacritics 0')",
        f"CREATE TRIGGER IF NOT EXISTS {TABLE}_forget AFTER DELETE ON statement_text"
        f" BEGIN DELETE FROM {TABLE} WHERE rowid = old.id; END",
    ),
}
DROP = {
    "postgresql": (f"DROP TABLE IF EXISTS {TABLE}",),
    "sqlite": (f"DROP TRIGGER IF EXISTS {TABLE}_forget", f"DROP TABLE IF EXISTS {TABLE}"),
}
#: Positions left empty before the lead and before the body in a PostgreSQL document, so that,
#: as between the SQLite table's columns, no phrase spans two fields: more than the words a
#: query of MAX_QUERY characters can hold. Each stands for a stop word ("the" is one in both
#: configurations), which takes a position but stores nothing.
FIELD_GAP = " ".join(["the"] * 128)
#: The longest query searched, in characters; a longer one gets a message instead.
MAX_QUERY = 200
#: ts_headline's settings: about as long as the SQLite snippet, the MARK_* sentinels around
#: matches (escaped and replaced by <mark> in analysis.from_headline).
HEADLINE_OPTIONS = (
    f"StartSel={analysis.MARK_START}, StopSel={analysis.MARK_END}, "
    "MaxWords=30, MinWords=15, ShortWord=3"
)
#: How many words around the best cluster of matches ts_headline is given to choose from (a
#: few more than its MaxWords): its time grows with the text it parses (parsing a whole text
#: again for each result took most of a search's time; 45 words, 20 % longer than 36).
HEADLINE_WINDOW = 36
#: What a text's score adds when the whole query matches within its title, or within its lead
#: (PostgreSQL's default weights of A and B); a text matching only across fields or in its body
#: scores 0. Equal scores go to the newest. See `_matches`.
FIELD_WEIGHTS = {"title": 1.0, "lead": 0.4}
#: How many of a query's matches are ranked and shown (five pages of twenty): the most recently
#: added ones. Matches are read newest-added first and the reading stops here, so a word found
#: in most statements costs no more than a rare one; a phrase of common words is checked in
#: about 30 texts per match found (see docs/benchmarks.md: 200 took the Russian phrase's page
#: to 25 ms at the 99th percentile on PostgreSQL). Older matches are reached with more words
#: or with the dates, as the last page says.
CANDIDATES = 100
#: A lexeme of a tsquery as PostgreSQL writes it ('it''s'), as an SQL literal for
#: `regexp_replace`: `_matches` gives each a weight.
QUOTED_LEXEME = "'(''(?:[^'']|'''')*'')'"

_index = table(
    TABLE, column("rowid"), column("text_id"), column("lang"), column("statement_id"),
    column("document"), column("summary"),
)


def outside_models(name, type_, parent_names) -> bool:
    """Alembic `include_name` hook: leave the search index (and FTS5's own tables) out of
    comparisons with the models."""
    return not (type_ == "table" and name is not None and name.startswith(TABLE))


def create_index(connection: Connection) -> None:
    """Make the search index of the connection's database, if it is not there."""
    for statement in CREATE[connection.dialect.name]:
        connection.exec_driver_sql(statement)


def drop_index(connection: Connection) -> None:
    """Remove the search index of the connection's database."""
    for statement in DROP[connection.dialect.name]:
        connection.exec_driver_sql(statement)


@event.listens_for(db.metadata, "after_create")
def _after_create(target, connection, **kw):
    """`create_all` makes the search index too."""
    create_index(connection)


@event.listens_for(db.metadata, "before_drop")
def _before_drop(target, connection, **kw):
    """`drop_all` removes the search index first (on PostgreSQL it refers to statement_text)."""
    drop_index(connection)


@dataclass(frozen=True)
class Entry:
    """A statement text as the index is given it."""

    text_id: int
    statement_id: int
    document: analysis.Document


def write(connection: Connection, entries: Sequence[Entry]) -> None:
    """Put `entries` into the index, replacing what it had for the same texts."""
    if not entries:
        return
    if connection.dialect.name == "postgresql":
        config = "CAST(:config AS regconfig)"
        connection.execute(
            text(
                f"INSERT INTO {TABLE} (text_id, lang, statement_id, document, summary)"
                f" VALUES (:id, :lang, :statement_id, setweight(to_tsvector({config}, :title), 'A')"
                f" || setweight(to_tsvector({config}, :lead), 'B')"
                f" || setweight(to_tsvector({config}, :body), 'C'), :summary)"
                " ON CONFLICT (text_id) DO UPDATE"
                " SET document = excluded.document, summary = excluded.summary"
            ),
            [
                {
                    "id": e.text_id,
                    "lang": e.document.lang,
                    "statement_id": e.statement_id,
                    "config": analysis.CONFIGS[e.document.lang],
                    "title": analysis.postgresql_text(e.document.title),
                    "lead": f"{FIELD_GAP} {analysis.postgresql_text(e.document.lead)}",
                    "body": f"{FIELD_GAP} {analysis.postgresql_text(e.document.body)}",
                    "summary": e.document.summary,
                }
                for e in entries
            ],
        )
        return
    connection.execute(
        text(f"DELETE FROM {TABLE} WHERE rowid = :id"), [{"id": e.text_id} for e in entries]
    )
    connection.execute(
        text(f"INSERT INTO {TABLE} (rowid, title, lead, body) VALUES (:id, :title, :lead, :body)"),
        [
            {
                "id": e.text_id,
                "title": analysis.fts5_text(e.document.title, e.document.lang),
                "lead": analysis.fts5_text(e.document.lead, e.document.lang),
                "body": analysis.fts5_text(e.document.body, e.document.lang),
            }
            for e in entries
        ],
    )


def entry(text_row) -> Entry:
    """Return the index entry of a StatementText (or a row with the same attributes)."""
    return Entry(
        text_row.id,
        text_row.statement_id,
        analysis.Document.of(text_row.lang, text_row.title, text_row.lead or "", text_row.body),
    )


def _changed(text_row: StatementText) -> bool:
    """Tell whether a text's indexed fields changed in this flush."""
    state = inspect(text_row)
    return any(state.attrs[name].history.has_changes() for name in ("title", "lead", "body"))


@event.listens_for(db.session, "after_flush")
def _follow_texts(session, flush_context):
    """Index the texts this flush inserted or changed, in the same transaction."""
    texts = [o for o in session.new if isinstance(o, StatementText)]
    texts += [o for o in session.dirty if isinstance(o, StatementText) and _changed(o)]
    if texts:
        write(session.connection(), [entry(t) for t in texts])


def reindex(connection: Connection, batch: int = 500) -> Iterator[int]:
    """Rebuild the whole index from the stored texts; yield how many texts each step did."""
    connection.exec_driver_sql(f"DELETE FROM {TABLE}")
    last = 0
    columns = (
        StatementText.id, StatementText.statement_id, StatementText.lang, StatementText.title,
        StatementText.lead, StatementText.body,
    )
    while True:
        rows = connection.execute(
            select(*columns).where(StatementText.id > last).order_by(StatementText.id).limit(batch)
        ).all()
        if not rows:
            return
        write(connection, [entry(row) for row in rows])
        last = rows[-1].id
        yield len(rows)


def count_texts(connection: Connection) -> int:
    """Return how many statement texts there are to index."""
    return connection.execute(select(func.count()).select_from(StatementText)).scalar_one()


@dataclass(frozen=True)
class Hit(content.Item):
    """A statement found by a search, with a snippet of its text (escaped HTML with <mark>)."""

    snippet: Markup = Markup("")


@dataclass(frozen=True)
class Results:
    """One page of search results, best first."""

    hits: list[Hit]
    number: int
    has_next: bool
    #: Whether this last page ends where the ranking stops (CANDIDATES): older texts may match.
    capped: bool = False


@dataclass(frozen=True)
class Filters:
    """What narrows a search besides its words: kind and a publication interval (UTC)."""

    kind: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    @property
    def shape(self) -> tuple[bool, bool, bool]:
        """Which filters are set: what a search's SQL depends on besides its language."""
        return (bool(self.kind), self.start is not None, self.end is not None)

    def parameters(self, now: datetime) -> dict:
        """Return the values of the bound parameters of `conditions(self.shape)` at `now`."""
        found = {"now": now, "kind": self.kind, "start": self.start, "end": self.end}
        return {name: value for name, value in found.items() if value is not None}


def conditions(shape: tuple[bool, bool, bool]) -> list:
    """Return the SQL conditions of public visibility and of filters of `shape`, their values
    bound parameters (`Filters.parameters`): one statement serves every search of a shape."""
    kind, start, end = shape
    found = [
        Statement.status == "published",
        Statement.published_at <= bindparam("now"),
        Statement.withdrawn_at.is_(None),
    ]
    if kind:
        found.append(Statement.kind == bindparam("kind"))
    if start:
        found.append(Statement.published_at >= bindparam("start"))
    if end:
        found.append(Statement.published_at < bindparam("end"))
    return found


@dataclass(frozen=True)
class _Search:
    """What a search's statements are built for: its language, the shape of its filters and
    the database's dialect."""

    lang: str
    shape: tuple[bool, bool, bool]
    dialect: str


def _parameters(query: analysis.Query, filters: Filters) -> dict:
    """Return the values of a search's bound parameters: its words for each engine and its
    filters' values now (a statement takes those it names and leaves the rest)."""
    match = query.fts5()
    return {
        "words": query.postgresql(),
        "candidates": CANDIDATES,
        "match": match,
        **{f"{field}_match": f"{field} : ({match})" for field in FIELD_WEIGHTS},
        **filters.parameters(timekeeping.utcnow()),
    }


#: What a result shows of each statement text found; besides, the text its snippet is cut
#: from (`_summary_columns`).
RESULT_COLUMNS = (
    StatementText.id.label("text_id"), Statement.id, Statement.kind, Statement.published_at,
    StatementText.lang, StatementText.title, StatementText.slug, StatementText.lead,
)


def _summary_columns(dialect: str) -> tuple:
    """Return the columns a result's summary comes from: PostgreSQL's index keeps it, made
    when the text was saved; on SQLite it is made from the lead and body each time."""
    if dialect == "postgresql":
        return (_index.c.summary,)
    return (StatementText.body,)


def _summary(row, dialect: str) -> str:
    """Return the text a result's snippet is cut from: its lead and body as plain text."""
    if dialect == "postgresql":
        return row.summary
    return analysis.Document.of(row.lang, row.title, row.lead, row.body).summary


def _candidates(search: _Search):
    """Return the select of the public texts matching the search's words, the most recently
    added (highest id) first: their ids, the sort keys of ties and, on PostgreSQL, the document
    ranking reads."""
    if search.dialect == "postgresql":
        # Each document of the language that matches, newest first, then its statement: one
        # look-up each, the language and statement being the index's own columns (the text's
        # row was read for both). Joined plainly, PostgreSQL merged the index with
        # statement_text's primary key, reading every text the walk passed. The LIMIT keeps the
        # look-up a subquery of its own, done per match.
        visible = (
            select(Statement.published_at, Statement.id.label("statement_id"))
            .where(Statement.id == _index.c.statement_id, *conditions(search.shape))
            .limit(1)
            .lateral("visible")
        )
        return (
            select(
                _index.c.text_id, visible.c.published_at, visible.c.statement_id,
                _index.c.document,
            )
            .select_from(_index)
            .join(visible, true())
            .where(
                _index.c.lang == search.lang,
                _index.c.document.op("@@")(_tsquery(search.lang)),
            )
            .order_by(_index.c.text_id.desc())
        )
    visible = _visible(search)
    return (
        select(
            StatementText.id.label("text_id"),
            Statement.published_at,
            Statement.id.label("statement_id"),
        )
        .select_from(_index)
        .join(StatementText, StatementText.id == _index.c.rowid)
        .join(Statement, Statement.id == StatementText.statement_id)
        .where(text(f"{TABLE} MATCH :match"), *visible)
        .order_by(_index.c.rowid.desc())
    )


def _visible(search: _Search) -> list:
    """Return the conditions on a text and its statement: the search's language, its filters,
    public now."""
    return [StatementText.lang == search.lang, *conditions(search.shape)]


def _regconfig(lang: str):
    """Return the text-search configuration of `lang` as a constant of the statement.

    Not a bound parameter: PostgreSQL reads a configuration's name through the search path, so
    `CAST(:name AS regconfig)` is no constant and `websearch_to_tsquery` was parsed again for
    every row a search walked (26 ms of a phrase search's 32 over 5,400 rows).
    """
    return literal_column(f"'{analysis.CONFIGS[lang]}'::regconfig")


def _tsquery(lang: str, words=None):
    """Return a search's words (the bound parameter `words` unless given) as PostgreSQL's
    tsquery in the configuration of `lang`."""
    if words is None:
        words = bindparam("words", type_=String)
    return func.websearch_to_tsquery(_regconfig(lang), words)


def _within_weight(document, tsquery, weight: str):
    """Return whether `tsquery` matches within the lexemes of `weight` of `document` (A: the
    title, B: the lead; see `write`): the query with each of its lexemes restricted to the
    weight ('word':A), made once per search (a scalar subquery), matched against the whole
    document. Keeping the weight's lexemes first (`ts_filter`) copied each document."""
    weighted = select(
        cast(
            func.regexp_replace(
                cast(tsquery, Text),
                literal_column(QUOTED_LEXEME),
                literal_column(f"'\\1:{weight}'"),
                literal_column("'g'"),
            ),
            TSQUERY,
        )
    ).scalar_subquery()
    return document.op("@@")(weighted)


def _matches(search: _Search):
    """Return the select of the ids of the texts a search shows and their `position`, best
    first: the CANDIDATES most recently added public texts matching its words, ranked by
    FIELD_WEIGHTS (the whole query within the title, within the lead), then newest first.

    Both engines rank alike, so they show the same page in the same order. Neither counts how
    often or how close the words are: FTS5's `bm25` first counts, for each phrase of the query,
    every text of the table that holds it (11 ms for a common word, 34 ms for a phrase of two,
    whatever the LIMIT), where a field's match among the candidates is one more look-up in the
    index (under 1 ms).

    Only ids: `_page` joins the shown page's texts to them, so no body goes through the sort.
    """
    found = _candidates(search).limit(bindparam("candidates", type_=Integer)).cte("found")
    if search.dialect == "postgresql":
        # The title's lexemes are those of weight A, the lead's of weight B (see `write`).
        weights = {"title": "A", "lead": "B"}

        def within(field: str):
            """Whether the query matches within `field` of a candidate."""
            return _within_weight(found.c.document, _tsquery(search.lang), weights[field])
    else:
        oldest = select(func.min(found.c.text_id)).scalar_subquery()

        def within(field: str):
            """Whether the query matches within `field` of a candidate: FTS5's column filter,
            read from the oldest candidate on."""
            return found.c.text_id.in_(
                select(_index.c.rowid).where(
                    text(f"{TABLE} MATCH :{field}_match"), _index.c.rowid >= oldest
                )
            )

    score = sum(case((within(field), weight), else_=0.0) for field, weight in FIELD_WEIGHTS.items())
    position = func.row_number().over(
        order_by=(score.desc(), found.c.published_at.desc(), found.c.statement_id.desc())
    )
    return select(found.c.text_id, position.label("position")).order_by("position")


@lru_cache(maxsize=64)
def _page_statement(search: _Search):
    """Return the select of the result columns of the texts `_matches` ranks, from the bound
    parameter `offset` on, at most `limit`, in their order: one query, which reads the bodies
    of these texts only.

    Built once for each kind of search: building it and working out its cache key took as
    long as running it (2 ms); the words, filters' values and page are its parameters.
    """
    ranked = (
        _matches(search)
        .offset(bindparam("offset", type_=Integer))
        .limit(bindparam("limit", type_=Integer))
        .subquery()
    )
    found = (
        select(*RESULT_COLUMNS, *_summary_columns(search.dialect))
        .join(Statement, Statement.id == StatementText.statement_id)
        .join(ranked, ranked.c.text_id == StatementText.id)
    )
    if search.dialect == "postgresql":
        found = found.join(_index, _index.c.text_id == StatementText.id)
    return found.order_by(ranked.c.position)


def _page(query: analysis.Query, filters: Filters, dialect: str, offset: int, limit: int):
    """Return the rows of the texts `_matches` ranks from `offset` on, at most `limit`."""
    statement = _page_statement(_Search(query.lang, filters.shape, dialect))
    parameters = {**_parameters(query, filters), "offset": offset, "limit": limit}
    return db.session.execute(statement, parameters).all()


def _snippets(query: analysis.Query, summaries: list[str], dialect: str) -> list[Markup]:
    """Return a snippet of each text, with the words the query wants marked."""
    if dialect != "postgresql" or not summaries:
        return [analysis.snippet(s, query.lang, query.wanted_lexemes) for s in summaries]
    config = _regconfig(query.lang)
    headlines = db.session.execute(
        text(
            f"SELECT ts_headline({config}, u.summary, websearch_to_tsquery({config}, :query),"
            " :options)"
            " FROM unnest(CAST(:summaries AS text[])) WITH ORDINALITY AS u(summary, n)"
            " ORDER BY u.n"
        ),
        {
            "query": query.postgresql(),
            "options": HEADLINE_OPTIONS,
            "summaries": [
                analysis.for_headline(
                    analysis.excerpt(s, query.lang, query.wanted_lexemes, HEADLINE_WINDOW)
                )
                for s in summaries
            ],
        },
    ).scalars()
    return [analysis.from_headline(h, s) for h, s in zip(headlines, summaries, strict=True)]


def find(
    lang: str, words: str, filters: Filters = Filters(), number: int = 1, size: int = 20
) -> Results:
    """Return page `number` of the public statements in `lang` that match `words`."""
    query = analysis.parse(words, lang)
    if not query:
        return Results([], number, has_next=False)

    def compute():
        dialect = db.session.get_bind().dialect.name
        rows = _page(query, filters, dialect, (number - 1) * size, size + 1)
        summaries = [_summary(r, dialect) for r in rows[:size]]
        snippets = _snippets(query, summaries, dialect)
        hits = [
            Hit(r.id, r.kind, r.published_at, r.lang, r.title, r.slug, r.lead, snippet=s)
            for r, s in zip(rows, snippets, strict=False)
        ]
        return hits, len(rows) > size

    hits, has_next = content.cached(
        "search", lang, query.postgresql(), filters.kind or "", filters.start, filters.end,
        number, size, compute=compute,
    )
    capped = not has_next and (number - 1) * size + len(hits) >= CANDIDATES
    return Results(hits, number, has_next, capped)


def has_matches(lang: str, words: str, filters: Filters = Filters()) -> bool:
    """Tell whether any public statement in `lang` matches `words`."""
    query = analysis.parse(words, lang)
    if not query:
        return False

    def compute():
        dialect = db.session.get_bind().dialect.name
        statement = _any_statement(_Search(lang, filters.shape, dialect))
        return db.session.execute(statement, _parameters(query, filters)).first() is not None

    return content.cached(
        "search-any", lang, query.postgresql(), filters.kind or "", filters.start, filters.end,
        compute=compute,
    )


@lru_cache(maxsize=64)
def _any_statement(search: _Search):
    """Return the select of one public text matching the search's words, if any: whether any
    matches, not which is best, so nothing is ranked."""
    if search.dialect != "postgresql":
        return _candidates(search).limit(1)
    # Asked for one row, PostgreSQL would walk the primary key expecting an early match, and
    # read every text when there is none: the GIN index gives the matches first.
    matching = (
        select(_index.c.text_id, _index.c.statement_id)
        .where(
            _index.c.document.op("@@")(_tsquery(search.lang)), _index.c.lang == search.lang
        )
        .cte("matching")
        .prefix_with("MATERIALIZED")
    )
    return (
        select(matching.c.text_id)
        .join(Statement, Statement.id == matching.c.statement_id)
        .where(*conditions(search.shape))
        .limit(1)
    )


def title_matches(words: str):
    """Return the select of the ids of statements, drafts included, with a title in either
    language matching `words` (the same index and parsing as the site's search), or None when
    `words` have nothing to look for. For the staff dashboard: nothing is cached or ranked."""
    dialect = db.session.get_bind().dialect.name
    found = []
    for lang in analysis.CONFIGS:
        query = analysis.parse(words, lang)
        if not query:
            continue
        if dialect == "postgresql":
            # The GIN index finds the texts; the title's words are those of weight A.
            tsquery = _tsquery(lang, bindparam(f"words_{lang}", query.postgresql(), String))
            match = select(_index.c.text_id.label("id")).where(
                _index.c.document.op("@@")(tsquery),
                _within_weight(_index.c.document, tsquery, "A"),
            )
        else:
            match = select(_index.c.rowid.label("id")).where(
                text(f"{TABLE} MATCH :title_{lang}").bindparams(
                    **{f"title_{lang}": f"title : ({query.fts5()})"}
                )
            )
        found.append(
            select(StatementText.statement_id).where(
                StatementText.lang == lang, StatementText.id.in_(match)
            )
        )
    if not found:
        return None
    return found[0] if len(found) == 1 else found[0].union(*found[1:])
