"""One query corpus, one set of answers: whichever database runs the suite (SQLite here,
PostgreSQL with TEST_DATABASE_URL), every query finds exactly the statements listed for it."""

import pytest

from pressroom import search

from .search_corpus import CORPUS, HIDDEN, load


@pytest.fixture
def corpus(app, clock):
    """The corpus statements, indexed."""
    load(app)
    return app


def test_the_corpus_is_large_enough():
    """At least 30 Russian and 20 English queries, each naming only statements that exist."""
    ids = {entry["id"] for entry in CORPUS["statements"]}
    assert len(CORPUS["queries"]["ru"]) >= 30
    assert len(CORPUS["queries"]["en"]) >= 20
    for queries in CORPUS["queries"].values():
        for _query, expected in queries:
            assert set(expected) <= ids - HIDDEN


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_query_finds_its_statements(corpus, lang):
    """Each query of the language finds its listed statements, and no others."""
    wrong = []
    with corpus.test_request_context():
        for query, expected in CORPUS["queries"][lang]:
            found = sorted(hit.id for hit in search.find(lang, query, size=50).hits)
            if found != sorted(expected):
                wrong.append((query, found, sorted(expected)))
    assert wrong == [], "\n".join(map(repr, wrong))
