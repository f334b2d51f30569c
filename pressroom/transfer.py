"""All content as one JSON document, to move a site between databases (SQLite ↔ PostgreSQL).

`dump()` reads statements with their texts in every language, day counters, clocks and site
settings; `load()` writes them into an empty database in one transaction, keeping ids, so
statement addresses and embedded widgets stay the same. Dumping what was loaded gives the same
document again.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from .content import content_changed
from .extensions import db
from .models import Clock, DayCounter, DayCounterText, SiteSettings, Statement, StatementText

FORMAT = "pressroom-content"
VERSION = 1
#: Tables in the order rows are inserted (parents first); deletion goes the other way.
TABLES = (Statement, StatementText, DayCounter, DayCounterText, Clock, SiteSettings)
#: Tables whose ids are kept and whose PostgreSQL sequences must then move past them.
KEPT_IDS = (Statement, DayCounter, Clock)


class TransferError(Exception):
    """A document that cannot be loaded, or a database that must not be loaded into."""


def _row(obj, *names: str) -> dict[str, Any]:
    """Return the named attributes of `obj`, dates and instants as ISO 8601 text."""
    row = {}
    for name in names:
        value = getattr(obj, name)
        row[name] = value.isoformat() if isinstance(value, date | datetime) else value
    return row


def dump_staff() -> list[dict]:
    """Return the staff accounts, password hashes included (exported only on request).

    The staff area fills this in with its model (one dict per account) and `load_staff` below.
    """
    return []


def load_staff(rows: list[dict]) -> None:
    """Store staff accounts from a document; see `dump_staff`."""
    if rows:
        raise TransferError("the document has staff accounts, but this site has no staff model")


def dump(with_staff: bool = False) -> dict:
    """Return all content as a JSON-ready dict; staff accounts only when `with_staff`."""
    statements = db.session.scalars(select(Statement).order_by(Statement.id))
    counters = db.session.scalars(select(DayCounter).order_by(DayCounter.id))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "statements": [
            {
                **_row(s, "id", "kind", "status", "featured", "published_at", "created_at",
                       "updated_at", "version"),
                "texts": [
                    _row(t, "lang", "title", "slug", "lead", "body")
                    for t in sorted(s.texts, key=lambda t: t.lang)
                ],
            }
            for s in statements
        ],
        "day_counters": [
            {
                **_row(c, "id", "event_date", "timezone", "position"),
                "texts": [
                    _row(t, "lang", "label", "caption")
                    for t in sorted(c.texts, key=lambda t: t.lang)
                ],
            }
            for c in counters
        ],
        "clocks": [
            _row(c, "id", "timezone", "position")
            for c in db.session.scalars(select(Clock).order_by(Clock.id))
        ],
        "settings": [
            _row(s, "lang", "site_title", "contact_line")
            for s in db.session.scalars(select(SiteSettings).order_by(SiteSettings.lang))
        ],
    }
    if with_staff:
        document["staff"] = dump_staff()
    return document


def is_empty() -> bool:
    """Tell whether the database holds no content at all."""
    return all(
        db.session.scalar(select(func.count()).select_from(model)) == 0 for model in TABLES
    )


def _rows(document: dict) -> dict[type, list[dict]]:
    """Turn a document into rows per table, parsing dates and instants."""
    rows: dict[type, list[dict]] = {model: [] for model in TABLES}
    for s in document["statements"]:
        rows[Statement].append({
            **{k: s[k] for k in ("id", "kind", "status", "featured", "version")},
            **{
                k: datetime.fromisoformat(s[k])
                for k in ("published_at", "created_at", "updated_at")
            },
        })
        rows[StatementText].extend({**t, "statement_id": s["id"]} for t in s["texts"])
    for c in document["day_counters"]:
        rows[DayCounter].append({
            "id": c["id"], "event_date": date.fromisoformat(c["event_date"]),
            "timezone": c["timezone"], "position": c["position"],
        })
        rows[DayCounterText].extend({**t, "counter_id": c["id"]} for t in c["texts"])
    rows[Clock] = list(document["clocks"])
    rows[SiteSettings] = list(document["settings"])
    return rows


def _move_sequences_past_ids() -> None:
    """On PostgreSQL, set each id sequence past the ids loaded, so new rows get fresh ids."""
    if db.engine.dialect.name != "postgresql":
        return
    for model in KEPT_IDS:
        table = model.__tablename__
        db.session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))


def load(document: dict, replace: bool = False) -> dict[str, int]:
    """Store a document's content; refuse a non-empty database unless `replace`.

    Returns how many rows of each kind were stored. Everything happens in one transaction:
    a document that fails half-way leaves the database as it was.
    """
    if document.get("format") != FORMAT or document.get("version") != VERSION:
        raise TransferError(f"not a {FORMAT} document of version {VERSION}")
    if not replace and not is_empty():
        raise TransferError("the database already has content; use --replace to replace it")
    try:
        rows = _rows(document)
    except (KeyError, TypeError, ValueError) as error:
        raise TransferError(f"the document is incomplete or malformed ({error!r})") from None
    try:
        for model in reversed(TABLES):
            db.session.execute(delete(model))
        # Core inserts keep the ids and the stored version numbers as they are.
        for model in TABLES:
            if rows[model]:
                db.session.execute(insert(model.__table__), rows[model])
        if "staff" in document:
            load_staff(document["staff"])
        _move_sequences_past_ids()
        db.session.commit()
    except (SQLAlchemyError, TransferError) as error:
        db.session.rollback()
        if isinstance(error, TransferError):
            raise
        reason = str(error).splitlines()[0]
        raise TransferError(f"the database refused the content: {reason}") from error
    content_changed()
    return {
        "statements": len(rows[Statement]),
        "day counters": len(rows[DayCounter]),
        "clocks": len(rows[Clock]),
        "settings": len(rows[SiteSettings]),
    }
