"""A statement that is not public yet, shown on the public layout: the staff preview and the
signed preview links that lend it to someone who is not signed in.

A link's token is 32 random bytes, shown once when the link is made; only its SHA-256 is
stored, so the table alone opens nothing. These pages are never shared: no cache may keep them
(`Cache-Control: private, no-store`), search engines are told not to index them, and the token
never leaves in a Referer. They are outside the page cache's prefixes, so the cache never looks
them up nor stores them.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from flask import current_app, render_template, request
from sqlalchemy import select

from .content import _article
from .extensions import db
from .models import PreviewLink, Statement

#: Where preview links live: outside the page cache's prefixes (pagecache.PUBLIC_PREFIXES).
PREVIEW_PREFIX = "/preview"
#: A token as links carry it: URL-safe base64 of 32 bytes. Anything else is not looked up.
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")
#: Headers of every preview page, found or not.
PREVIEW_HEADERS = (
    ("Cache-Control", "private, no-store"),
    ("X-Robots-Tag", "noindex"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
)


def token_hash(token: str) -> str:
    """Return the stored form of a token: its SHA-256 in hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_link(
    statement: Statement, account_id: int | None, now: datetime
) -> tuple[PreviewLink, str]:
    """Add a new preview link to `statement` to the session, valid for
    PRESSROOM_PREVIEW_LINK_HOURS from `now`; return it and its token (the only time the token
    is known)."""
    token = secrets.token_urlsafe(32)
    hours = current_app.config["PRESSROOM_PREVIEW_LINK_HOURS"]
    link = PreviewLink(
        token_hash=token_hash(token), statement_id=statement.id, created_by=account_id,
        created_at=now, expires_at=now + timedelta(hours=hours),
    )
    db.session.add(link)
    return link, token


def find_link(token: str) -> PreviewLink | None:
    """Return the link a token opens, expired and revoked ones included, or None."""
    if not TOKEN.fullmatch(token):
        return None
    return db.session.scalar(
        select(PreviewLink).where(PreviewLink.token_hash == token_hash(token))
    )


def links_of(statement_id: int) -> list[PreviewLink]:
    """Return the preview links of a statement, newest first."""
    return list(db.session.scalars(
        select(PreviewLink)
        .where(PreviewLink.statement_id == statement_id)
        .order_by(PreviewLink.created_at.desc(), PreviewLink.id.desc())
    ))


def render_preview(statement: Statement, lang: str, addresses: dict[str, str], note: str):
    """Return the statement's page in `lang` as the public site would render it, under the
    preview banner (`note` says who can see it), or None when it has no text in `lang`.

    `addresses` maps each language the statement has to this preview's address in it (for the
    language switcher).
    """
    article = _article(statement, lang)
    if article is None:
        return None
    return render_template(
        "site/statements/detail.html",
        statement=article,
        alternates=addresses,
        title=article.title,
        metadata=None,
        preview=note,
    )


def render_missing(addresses: dict[str, str]) -> str:
    """Return the page saying the statement has no text in this language, linking to the
    preview in the languages it has."""
    return render_template(
        "site/statements/missing.html", translations=addresses, preview=True
    )


def no_store(response):
    """Give a preview response the headers that keep it private."""
    for name, value in PREVIEW_HEADERS:
        response.headers[name] = value
    return response


def keep_private(response):
    """After each request under PREVIEW_PREFIX, whatever answered it (the view, an error page, a
    405 that matched no method): the headers that keep it private."""
    path = request.path
    if path == PREVIEW_PREFIX or path.startswith(PREVIEW_PREFIX + "/"):
        no_store(response)
    return response


def init_app(app) -> None:
    """Register the headers of preview pages."""
    app.after_request(keep_private)
