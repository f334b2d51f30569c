"""Statements' addresses as `url_for` makes them, without its cost on every row.

`url_for` resolves a rule, its defaults and converters each time (about 14 µs); a listing, a
results page or a child sitemap makes one address per row. The part before the statement's id
is the same for every statement in a language: it is made once by `url_for` itself (so the
script root, the scheme and host behind the proxy fix come out as `url_for` writes them), and
the rest is written as the path converter writes it.
"""

import re
from collections.abc import Callable

from flask import current_app, g, url_for
from werkzeug.routing import PathConverter

from .config import LANGUAGES

#: A slug the path converter would write out as it is: characters `quote` keeps in a path (the
#: slugs the site makes are all of them), so most addresses need no quoting at all.
PLAIN_SLUG = re.compile(r"[A-Za-z0-9_.~!$&'()*+,/:;=@-]*")


def statement_address(external: bool = True) -> Callable[[str, int, str], str]:
    """Return a function that makes a statement's address (absolute unless `external` is
    false) exactly as `url_for` does, from its language, id and slug."""
    heads = {}
    for lang in LANGUAGES:
        sample = url_for(
            "site.statement_detail", lang=lang, statement_id=1, slug="slug", _external=external
        )
        assert sample.endswith("/1/slug"), sample
        heads[lang] = sample.removesuffix("1/slug")
    # The converter of the `<path:slug>` segment, which quotes a slug as url_for does.
    quote_slug = PathConverter(current_app.url_map).to_url

    def address(lang: str, statement_id: int, slug: str) -> str:
        """Return the address of a statement's page in `lang`."""
        if not PLAIN_SLUG.fullmatch(slug):
            slug = quote_slug(slug)
        return f"{heads[lang]}{statement_id}/{slug}"

    return address


def statement_url(item, external: bool = False) -> str:
    """Template global: the address of a statement's page in its language (`item` has `lang`,
    `id` and `slug`), as `url_for('site.statement_detail', …)` makes it; the heads are made
    once per request."""
    if not item.slug:
        return url_for(
            "site.statement_detail", lang=item.lang, statement_id=item.id, _external=external
        )
    key = "statement_addresses_external" if external else "statement_addresses"
    address = g.get(key)
    if address is None:
        address = statement_address(external)
        setattr(g, key, address)
    return address(item.lang, item.id, item.slug)
