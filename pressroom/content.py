"""Read-side queries for public pages and widgets, cached under a content version.

Every query result is cached under a key made of its name, its parameters and the current
*content token*. Any write calls `content_changed()`, which drops the token so every cached
result is stale at once, in every process (`contentstate.py` says where the token lives). The
token also remembers when the next scheduled statement falls due; a request after that instant
makes a new token, so a scheduled statement appears by itself at its time without a cron job.
"""

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import lru_cache

from flask import g
from sqlalchemy import bindparam, select

from . import contentstate, revisions, timekeeping
from .extensions import cache, db
from .models import (
    Clock,
    DayCounter,
    DayCounterText,
    RemovedStatement,
    SiteSettings,
    Statement,
    StatementImage,
    StatementText,
)

#: Statement ids above this cannot exist; larger numbers in URLs are answered 404 before a query.
MAX_ID = 2**31 - 1


@dataclass(frozen=True)
class Rendition:
    """One file of a statement's image: its name in the media storage, size and type."""

    name: str
    width: int
    height: int
    type: str


@dataclass(frozen=True)
class Picture:
    """A statement's lead image in one language: its renditions, alt text, caption, credit."""

    width: int
    height: int
    renditions: tuple[Rendition, ...]
    alt: str = ""
    caption: str = ""
    credit: str = ""

    def of_type(self, content_type: str) -> list[Rendition]:
        """Return the renditions of one type (image/webp, image/jpeg), narrowest first."""
        return [r for r in self.renditions if r.type == content_type]

    @property
    def fallback(self) -> Rendition:
        """Return the rendition for browsers without `srcset`, and for link previews: the
        widest JPEG."""
        return self.of_type("image/jpeg")[-1]

    @property
    def thumbnail(self) -> Rendition:
        """Return the narrowest JPEG, for small pictures beside a title."""
        return self.of_type("image/jpeg")[0]


def picture(width: int | None, height: int | None, renditions: str | None, text=None):
    """Return a Picture from an image row's columns and a text's captions, or None without."""
    if renditions is None:
        return None
    return Picture(
        width, height, tuple(Rendition(**r) for r in json.loads(renditions)),
        alt=text.image_alt if text is not None else "",
        caption=text.image_caption if text is not None else "",
        credit=text.image_credit if text is not None else "",
    )


#: The columns of a statement's image that listings read beside the text (outer-joined).
IMAGE_COLUMNS = (StatementImage.width, StatementImage.height, StatementImage.renditions)


@dataclass(frozen=True)
class Item:
    """A statement as a listing shows it: no body."""

    id: int
    kind: str
    published_at: datetime
    lang: str
    title: str
    slug: str
    lead: str
    #: The lead image, when the statement has one.
    image: Picture | None = None


@dataclass(frozen=True)
class Article(Item):
    """A statement in one language, in full, with the slugs of all its translations."""

    body: str = ""
    featured: bool = False
    slugs: dict[str, str] = field(default_factory=dict)
    #: When readers were last told of a change (its public change note): link previews, JSON-LD
    #: and feeds give it as the modified time. None: not changed since publication.
    updated_at: datetime | None = None
    #: The public change notes in this language, newest first (`revisions.Change`).
    changes: tuple = ()
    #: When it was withdrawn (None: it was not), and why, in this language.
    withdrawn_at: datetime | None = None
    withdrawn_reason: str = ""


@dataclass(frozen=True)
class Removed:
    """A statement that was deleted: its addresses answer 410 Gone."""

    id: int
    deleted_at: datetime


@dataclass(frozen=True)
class Page:
    """One page of a listing."""

    items: list[Item]
    number: int
    has_next: bool


@dataclass(frozen=True)
class Counter:
    """A day counter in one language."""

    id: int
    event_date: date
    timezone: str
    label: str
    label_ahead: str
    caption: str


@dataclass(frozen=True)
class Settings:
    """The site title and the press office's contacts in one language."""

    site_title: str = ""
    contact_address: str = ""
    contact_phone_label: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    contact_line: str = ""


#: The columns of SiteSettings that Settings carries (the staff form edits the same ones).
SETTINGS_FIELDS = tuple(f.name for f in fields(Settings))


def content_changed() -> None:
    """Invalidate every cached query, and every cached page showing what the write touched, in
    every process: call after each write."""
    contentstate.bump_version(contentstate.touched_areas(db.session))
    contentstate.state().store.clear()
    for name in ("content_token", "content_due", "content_areas"):
        g.pop(name, None)


def token_of(state: dict | None, now: datetime) -> str | None:
    """Return the token of a stored content state, or None once it is missing or out of date
    (a scheduled statement has fallen due since it was made, or it predates one of the content
    areas: a release that adds an area finds the state the one before it wrote)."""
    if state is None or (state["due"] is not None and now >= state["due"]):
        return None
    if not state.get("areas", {}).keys() >= contentstate.AREA_NAMES:
        return None
    return state["token"]


def page_token(areas: dict[str, str], shown: tuple[str, ...]) -> str:
    """Return the token of a page showing the `shown` areas, given the state's area tokens (a
    group of statement pages is read from the token of them all)."""
    return "|".join(
        [areas[name] if name in areas else contentstate.group_token(areas, name) for name in shown]
    )


def content_token() -> str:
    """Return the current content token, renewing it when a scheduled statement falls due, and
    checking it against the database's content version when this process has not yet."""
    token = g.get("content_token")
    if token is not None:
        return token
    now = timekeeping.utcnow()
    current = contentstate.state()
    state = current.store.read()
    found = None
    replace = state is not None  # out of date, if it is replaced below
    if current.needs_check():
        outages = current.store.outages()
        found = contentstate.read_versions(now)
        if state is not None and state.get("version") != found["version"]:
            state = None  # made before a save whose invalidation was lost
        current.checked(outages)
    if token_of(state, now) is None:
        fresh = {"token": uuid.uuid4().hex, **(found or contentstate.read_versions(now))}
        if replace:
            current.store.write(fresh)
            state = fresh
        else:
            # After a save every process finds no state at once: the first one's token is
            # everybody's, so each page is rendered once for it, not once per process.
            state = current.store.create(fresh)
    g.content_token = state["token"]
    g.content_due = state["due"]  # no page made now is true after it
    g.content_areas = state["areas"]
    return state["token"]


def cached(name: str, *params, compute: Callable):
    """Return `compute()`, cached under `name`, `params` and the content token."""
    key = ":".join(["q", name, content_token(), *map(str, params)])
    hit = cache.get(key)
    if hit is not None:
        return hit[0]
    value = compute()
    cache.set(key, (value,))
    return value


def _published(now: datetime):
    """Return the conditions that make a statement's page answer at `now` (withdrawn or not)."""
    return (Statement.status == "published", Statement.published_at <= now)


def _public(now: datetime):
    """Return the conditions that put a statement in listings, feeds and widgets at `now`:
    published, due, and not withdrawn."""
    return (*_published(now), Statement.withdrawn_at.is_(None))


#: What a listing shows of a text, its photo's captions included: columns, not the text as an
#: object (each object loaded goes through the session's identity map; a page reads 21).
LISTING_TEXT_COLUMNS = (
    StatementText.lang, StatementText.title, StatementText.slug, StatementText.lead,
    StatementText.image_alt, StatementText.image_caption, StatementText.image_credit,
)

#: What a listing row shows (an Item): the statement, its text, its photo (outer-joined).
ITEM_COLUMNS = (
    Statement.id, Statement.kind, Statement.published_at, *LISTING_TEXT_COLUMNS, *IMAGE_COLUMNS,
)


@lru_cache(maxsize=2)
def _listing_query(by_kind: bool):
    """Return the select of public statements with text in a language, newest first, no bodies.

    Built once (building it took longer than running it, about 0.5 ms a page at 100,000
    statements); the language, the instant, the kind and the page are bound when it runs.
    """
    query = (
        select(*ITEM_COLUMNS)
        .join(StatementText, StatementText.statement_id == Statement.id)
        .outerjoin(StatementImage, StatementImage.statement_id == Statement.id)
        .where(StatementText.lang == bindparam("lang"), *_public(bindparam("now")))
        .order_by(Statement.published_at.desc(), Statement.id.desc())
    )
    if by_kind:
        query = query.where(Statement.kind == bindparam("kind"))
    return query.offset(bindparam("offset")).limit(bindparam("limit"))


def _listing(lang: str, kind: str | None, offset: int, limit: int):
    """Return the rows of public statements in `lang` (of `kind`, if given), newest first."""
    params = {"lang": lang, "now": timekeeping.utcnow(), "offset": offset, "limit": limit}
    if kind:
        params["kind"] = kind
    return db.session.execute(_listing_query(bool(kind)), params)


def _item(row) -> Item:
    """Turn a listing row into an Item (the row names the photo's captions as the text does)."""
    return Item(
        row.id, row.kind, row.published_at, row.lang, row.title, row.slug, row.lead,
        image=picture(row.width, row.height, row.renditions, row),
    )


def latest(lang: str, limit: int, kind: str | None = None) -> list[Item]:
    """Return the newest `limit` public statements in `lang`."""

    def compute():
        return [_item(row) for row in _listing(lang, kind, 0, limit)]

    return cached("latest", lang, limit, kind or "", compute=compute)


def page(lang: str, number: int, size: int, kind: str | None = None) -> Page | None:
    """Return page `number` of the listing in `lang`, or None when there is no such page.

    No total is counted: counting a large archive costs more than the page itself. One row past
    the page tells whether another page follows.
    """

    def compute():
        return [_item(row) for row in _listing(lang, kind, (number - 1) * size, size + 1)]

    rows = cached("page", lang, number, size, kind or "", compute=compute)
    if number > 1 and not rows:
        return None
    return Page(rows[:size], number, has_next=len(rows) > size)


def _article(statement: Statement, lang: str) -> Article | None:
    """Return `statement` in `lang` as an Article, or None without text in `lang`."""
    text = statement.text(lang)
    if text is None:
        return None
    return Article(
        statement.id,
        statement.kind,
        statement.published_at,
        lang,
        text.title,
        text.slug,
        text.lead,
        body=text.body,
        featured=statement.featured,
        slugs={t.lang: t.slug for t in statement.texts},
        updated_at=statement.public_updated_at,
        changes=revisions.public_changes(statement.id, lang),
        withdrawn_at=statement.withdrawn_at,
        withdrawn_reason=text.withdrawn_reason if statement.withdrawn_at else "",
        image=statement.image and picture(
            statement.image.width, statement.image.height, statement.image.renditions, text
        ),
    )


def statement(statement_id: int, lang: str) -> Article | None | dict[str, str] | Removed:
    """Return a public statement in `lang`, withdrawn ones included (the Article says so).

    Returns the Article, or — when the statement is public but lacks `lang` — a dict of the
    slugs it has in other languages, or Removed when it was deleted, or None when no public
    statement has that id.
    """
    if not 1 <= statement_id <= MAX_ID:
        return None

    def compute():
        found = db.session.get(Statement, statement_id)
        if found is None:
            removed = db.session.get(RemovedStatement, statement_id)
            return Removed(removed.id, removed.deleted_at) if removed else None
        if not found.is_public(timekeeping.utcnow()):
            return None
        return _article(found, lang) or {t.lang: t.slug for t in found.texts}

    return cached("statement", statement_id, lang, compute=compute)


@lru_cache(maxsize=1)
def _featured_query():
    """Return the select of the newest featured public statement in a language, built once
    (as `_listing_query`); the language and the instant are bound when it runs."""
    return (
        select(Statement.id, Statement.kind, Statement.published_at, StatementText,
               *IMAGE_COLUMNS)
        .join(StatementText, StatementText.statement_id == Statement.id)
        .outerjoin(StatementImage, StatementImage.statement_id == Statement.id)
        .where(Statement.featured, StatementText.lang == bindparam("lang"),
               *_public(bindparam("now")))
        .order_by(Statement.published_at.desc())
        .limit(1)
    )


def featured(lang: str) -> Article | None:
    """Return the featured public statement in `lang`, if any."""

    def compute():
        # One row in one query: the home page needs this language's text only.
        row = db.session.execute(
            _featured_query(), {"lang": lang, "now": timekeeping.utcnow()}
        ).first()
        if row is None:
            return None
        sid, kind, published_at, text, *image = row
        return Article(
            sid,
            kind,
            published_at,
            lang,
            text.title,
            text.slug,
            text.lead,
            body=text.body,
            featured=True,
            slugs={lang: text.slug},
            image=picture(*image, text),
        )

    return cached("featured", lang, compute=compute)


def counters(lang: str) -> list[Counter]:
    """Return the day counters with a label in `lang`, in display order."""

    def compute():
        # Columns in one query: loading each counter and then its texts took 1 ms cold.
        rows = db.session.execute(
            select(DayCounter.id, DayCounter.event_date, DayCounter.timezone,
                   DayCounterText.label, DayCounterText.label_ahead, DayCounterText.caption)
            .join(DayCounterText, DayCounterText.counter_id == DayCounter.id)
            .where(DayCounterText.lang == lang)
            .order_by(DayCounter.position, DayCounter.id)
        )
        return [Counter(*row) for row in rows]

    return cached("counters", lang, compute=compute)


def counter(counter_id: int, lang: str) -> Counter | None:
    """Return one day counter in `lang`, or None."""
    if not 1 <= counter_id <= MAX_ID:
        return None

    def compute():
        found = db.session.get(DayCounter, counter_id)
        return None if found is None or not found.text(lang) else counter_in(found, lang)

    return cached("counter", counter_id, lang, compute=compute)


def counter_in(found: DayCounter, lang: str) -> Counter:
    """Return a DayCounter row as a Counter in `lang`."""
    text = found.text(lang)
    return Counter(
        found.id, found.event_date, found.timezone, text.label, text.label_ahead, text.caption
    )


def clocks() -> list[str]:
    """Return the time zones of the site's clocks, in display order."""

    def compute():
        return list(db.session.scalars(select(Clock.timezone).order_by(Clock.position, Clock.id)))

    return cached("clocks", compute=compute)


def settings(lang: str) -> Settings:
    """Return the site settings in `lang` (empty strings where none are set)."""

    def compute():
        found = db.session.get(SiteSettings, lang)
        if found is None:
            return Settings()
        return Settings(**{name: getattr(found, name) for name in SETTINGS_FIELDS})

    return cached("settings", lang, compute=compute)
