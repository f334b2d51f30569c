"""Statements' addresses made without `url_for` on every row are `url_for`'s own."""

from types import SimpleNamespace

import pytest
from flask import url_for

from pressroom.addresses import statement_url

SLUGS = (
    "plain-slug-2026", "кириллица-в-адресе", "with space", "per%cent", "query?and#hash",
    "a/b/c", "tilde~dots.and_underscore", "quote'and(parens)", "",
)


@pytest.mark.parametrize(
    "base_url", ["http://pressroom.test/", "https://pressroom.test/", "https://pressroom.test/press/"]
)
@pytest.mark.parametrize("external", [False, True])
def test_statement_url_is_url_for(app, base_url, external):
    """For every language, odd slugs included, behind a script root and over https (as the
    proxy fix makes the request), the template global writes what url_for writes."""
    with app.test_request_context("/", base_url=base_url):
        for lang in ("en", "ru"):
            for number, slug in enumerate(SLUGS, start=1):
                item = SimpleNamespace(lang=lang, id=number * 977, slug=slug)
                expected = url_for(
                    "site.statement_detail", lang=lang, statement_id=item.id,
                    **({"slug": slug} if slug else {}), _external=external,
                )
                assert statement_url(item, external=external) == expected
