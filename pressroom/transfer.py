"""All content as one JSON document, to move a site between databases (SQLite ↔ PostgreSQL).

`dump()` writes every column of every content table: statements with their texts in every
language (the sanitised HTML body and the Markdown it was written in), day counters with their
texts, clocks and site settings. `load()` writes them into an empty database in one
transaction, keeping every id, so statement addresses and embedded widgets stay the same.
Dumping what was loaded gives the same document again, and the same rows.

The columns are read from the models' table metadata, not listed by hand, so a column added
later moves with the rest. The one column that stays behind is `NOT_EXPORTED`: a staff
account's session token. It is a credential for sessions on the old site, not content; the
moved site gives every account a fresh one, so everyone signs in again there, and a copied
export file cannot revive a session on either site.

Staff accounts, with their password hashes, are written only when asked (`with_staff`); a
document without them (or with an empty list) leaves the accounts already in the database
alone. A document with accounts replaces them only with `replace`: it is refused while the
database has accounts, so nobody is locked out of the new site by accident. The audit log
travels with the accounts and only with them: its lines name accounts (by id) and client
addresses, which are as private as the accounts themselves, so it is in the document exactly
when the accounts are, and importing accounts replaces the log with the document's.

Bodies are sanitised again on the way in (the allow-list of `text.sanitize_html`, the same the
staff form applies), because the file may have been edited or come from elsewhere: a stored
body is rendered as it is. Sanitising what the site itself sanitised changes nothing.

Version 2 documents (before roles and the audit log) still load: their accounts become
editors, as the migration that added roles made every account, and the log is empty. Version 1
documents (before version 2 added the text rows' ids, `body_source` and `form_token`) load
too: texts get new ids, no Markdown source (the edit form then shows the HTML body, which
Markdown passes through, as for any statement written before the source was kept) and no form
token. Version 3 documents (before day counters' labels carried their own
preposition and settings their contacts) load as the migration of that change upgrades a
database: a label gets "since"/«с» before it and the same event after "until"/«до» as its
label for the time before the event; the contact line stays, the new contacts are empty.
Version 4 documents (before withdrawal and deletion) load with no statement withdrawn, empty
reasons and no deleted ids. A document's `removed_statements` are the ids of deleted statements
with when they went, so their addresses keep answering 410 Gone on the new site.
Version 6 adds `statement_revisions`, every statement's history (snapshots and public change
notes, each naming the account by id and email at the time, so it moves with or without the
accounts), and each statement's `public_updated_at`. Version 5 documents load with no history
and, like the migration, a published statement saved after its publication keeps that time as
its public modified time.
Version 6 also carries statement photos: `statement_images` (size and renditions of each) and
each text's photo alt text, caption and credit; the renditions' files travel in `media`, by
name, base64-encoded, and are written to the new site's media storage. A file whose bytes do not
match its fingerprinted name is refused. Version 5 documents load without photos.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Integer, Table, delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from . import media, search
from .content import SETTINGS_FIELDS, content_changed
from .extensions import db
from .i18n import with_preposition
from .models import (
    IMAGE_TEXT_FIELDS,
    AuditEntry,
    Clock,
    DayCounter,
    DayCounterText,
    RemovedStatement,
    SiteSettings,
    StaffUser,
    Statement,
    StatementImage,
    StatementRevision,
    StatementText,
    new_session_token,
)
from .staff.accounts import AccountError, check_email
from .text import sanitize_html

FORMAT = "pressroom-content"
VERSION = 6
#: The versions `load` reads; older ones are brought up to `VERSION` first.
READABLE_VERSIONS = (1, 2, 3, 4, 5, 6)


@dataclass(frozen=True)
class Section:
    """A list in the document: rows of one table, each with its texts (one per language)."""

    key: str
    model: type
    texts: type | None = None


SECTIONS = (
    Section("statements", Statement, StatementText),
    Section("day_counters", DayCounter, DayCounterText),
    Section("clocks", Clock),
    Section("settings", SiteSettings),
    Section("removed_statements", RemovedStatement),
    Section("statement_revisions", StatementRevision),
    Section("statement_images", StatementImage),
)
#: The document's key of the photos' files: {name: base64 of the bytes}.
MEDIA = "media"
STAFF = Section("staff", StaffUser)
AUDIT = Section("audit", AuditEntry)
#: Content tables in the order rows are inserted (parents first); deletion goes the other way.
TABLES = tuple(model for s in SECTIONS for model in (s.model, s.texts) if model is not None)
#: Columns (as "table.column") left out of the document and made afresh on import: see the
#: module's docstring.
NOT_EXPORTED = frozenset({"staff_user.session_token"})


class TransferError(Exception):
    """A document that cannot be loaded, or a database that must not be loaded into."""


def _parent_column(section: Section) -> Column:
    """Return the column of a section's text table that points at its parent row."""
    parent = section.model.__table__
    keys = section.texts.__table__.foreign_keys
    return next(fk.parent for fk in keys if fk.column.table is parent)


def _exported(table: Table, nested_under: Column | None = None) -> list[Column]:
    """Return the columns of `table` that the document holds, in table order.

    A text's pointer to its parent is left out: the nesting says it.
    """
    return [
        c for c in table.columns
        if f"{table.name}.{c.name}" not in NOT_EXPORTED and c is not nested_under
    ]


def _json_value(value: Any) -> Any:
    """Return a column value as JSON holds it: dates and instants as ISO 8601 text."""
    return value.isoformat() if isinstance(value, date | datetime) else value


def _dump_rows(columns: list[Column], order_by: list[Column]) -> list[dict]:
    """Return the given columns of every row of their table as JSON-ready dicts."""
    result = db.session.execute(select(*columns).order_by(*order_by))
    return [{c.name: _json_value(v) for c, v in zip(columns, row, strict=True)} for row in result]


def _dump_section(section: Section) -> list[dict]:
    """Return a section's rows, each with its texts sorted by language."""
    table = section.model.__table__
    rows = _dump_rows(_exported(table), list(table.primary_key.columns))
    if section.texts is None:
        return rows
    parent = _parent_column(section)
    texts_table = section.texts.__table__
    columns = _exported(texts_table, nested_under=parent)
    texts: dict[Any, list[dict]] = {}
    # One query for all texts: the parent id is read alongside and dropped from the rows.
    result = db.session.execute(
        select(parent, *columns).order_by(parent, texts_table.c.lang, texts_table.c.id)
    )
    for parent_id, *values in result:
        texts.setdefault(parent_id, []).append(
            {c.name: _json_value(v) for c, v in zip(columns, values, strict=True)}
        )
    (key,) = table.primary_key.columns
    return [{**row, "texts": texts.get(row[key.name], [])} for row in rows]


def dump_staff() -> list[dict]:
    """Return the staff accounts, password hashes included, session tokens left out."""
    return _dump_section(STAFF)


def dump(with_staff: bool = False) -> dict:
    """Return all content as a JSON-ready dict; staff accounts only when `with_staff`."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for section in SECTIONS:
        document[section.key] = _dump_section(section)
    document[MEDIA] = _dump_media(document["statement_images"])
    if with_staff:
        document[STAFF.key] = dump_staff()
        document[AUDIT.key] = _dump_section(AUDIT)
    return document


def _rendition_names(images: list[dict]) -> list[str]:
    """Return the file names of every rendition of the given image rows."""
    return [name for image in images for name in sorted(media.rendition_names(image["renditions"]))]


def _dump_media(images: list[dict]) -> dict[str, str]:
    """Return the files of the photos' renditions, base64-encoded, by name."""
    store = media.storage()
    files = {}
    for name in _rendition_names(images):
        data = store.open(name)
        if data is None:
            raise TransferError(f"the photo file {name} is missing from the media storage")
        files[name] = base64.b64encode(data).decode("ascii")
    return dict(sorted(files.items()))


def _media_files(document: dict, rows: dict[type, list[dict]]) -> dict[str, bytes]:
    """Return the files the document's photos need, decoded and checked against their names."""
    given = document.get(MEDIA) or {}
    files = {}
    for name in _rendition_names(rows[StatementImage]):
        try:
            data = base64.b64decode(given[name], validate=True)
        except (KeyError, binascii.Error, TypeError) as error:
            raise ValueError(f"media file {name!r} is missing or not base64") from error
        if not media.matches_content(name, data):
            raise ValueError(f"media file {name!r} does not hold the bytes its name says")
        files[name] = data
    return files


def is_empty() -> bool:
    """Tell whether the database holds no content at all (staff accounts are not content)."""
    return all(
        db.session.scalar(select(func.count()).select_from(model)) == 0 for model in TABLES
    )


def has_staff() -> bool:
    """Tell whether the database has any staff account."""
    return db.session.scalar(select(func.count()).select_from(StaffUser)) > 0


def _upgrade_from_version_1(document: dict) -> dict:
    """Return a version 1 document in the shape of version 2 (see the module's docstring)."""
    ids = {StatementText: 0, DayCounterText: 0}

    def texts(rows: list[dict], model: type) -> list[dict]:
        """Return version 1 texts with fresh ids (and, for statements, no Markdown source)."""
        upgraded = []
        for row in rows:
            ids[model] += 1
            extra = {"body_source": ""} if model is StatementText else {}
            upgraded.append({"id": ids[model], **row, **extra})
        return upgraded

    return {
        **document,
        "version": 2,
        "statements": [
            {**s, "form_token": None, "texts": texts(s["texts"], StatementText)}
            for s in document["statements"]
        ],
        "day_counters": [
            {**c, "texts": texts(c["texts"], DayCounterText)} for c in document["day_counters"]
        ],
    }


def _upgrade_from_version_2(document: dict) -> dict:
    """Return a version 2 document in the shape of version 3: its accounts are editors."""
    staff = [{"role": "editor", **account} for account in document.get(STAFF.key) or []]
    return {**document, "version": 3, **({STAFF.key: staff} if staff else {})}


def _upgrade_from_version_3(document: dict) -> dict:
    """Return a version 3 document in the shape of version 4: counter labels get the
    preposition the old sentence put before them, and the same event before it; settings get
    empty contacts beside the contact line they had (as the migration does)."""
    counters = [
        {**c, "texts": [
            {
                **t,
                "label": with_preposition(t["label"], t["lang"], ahead=False),
                "label_ahead": with_preposition(t["label"], t["lang"], ahead=True),
            }
            for t in c["texts"]
        ]}
        for c in document["day_counters"]
    ]
    contacts = dict.fromkeys(set(SETTINGS_FIELDS) - {"site_title", "contact_line"}, "")
    settings = [{**contacts, **row} for row in document["settings"]]
    return {**document, "version": 4, "day_counters": counters, "settings": settings}


def _upgrade_from_version_4(document: dict) -> dict:
    """Return a version 4 document in the shape of version 5: nothing withdrawn, no reasons,
    no deleted ids (as the migration of that change leaves a database)."""
    statements = [
        {**s, "withdrawn_at": None,
         "texts": [{**t, "withdrawn_reason": ""} for t in s["texts"]]}
        for s in document["statements"]
    ]
    return {**document, "version": 5, "statements": statements, "removed_statements": []}


def _upgrade_from_version_5(document: dict) -> dict:
    """Return a version 5 document in the shape of version 6: no revisions yet, and a published
    statement saved after its publication keeps that save as its public modified time (as the
    migration of that change leaves a database)."""

    def public_updated_at(statement: dict) -> str | None:
        """Return the statement's last save when it was after its publication, else None."""
        saved, published = statement.get("updated_at"), statement.get("published_at")
        if statement.get("status") != "published" or not (saved and published):
            return None
        later = datetime.fromisoformat(saved) > datetime.fromisoformat(published)
        return saved if later else None

    statements = [
        {**s, "public_updated_at": public_updated_at(s),
         # The photo's texts on each statement text: empty before version 6.
         "texts": [{**dict.fromkeys(IMAGE_TEXT_FIELDS, ""), **t} for t in s["texts"]]}
        for s in document["statements"]
    ]
    return {
        **document, "version": 6, "statements": statements, "statement_revisions": [],
        "statement_images": [], MEDIA: {},
    }


def _column_value(column: Column, raw: Any) -> Any:
    """Return a document value as the column takes it; ValueError when it does not fit.

    The checks are the same on every database: SQLite would store a wrong type or a too long
    text that PostgreSQL refuses.
    """
    where = f"{column.table.name}.{column.name}"
    if raw is None:
        if not column.nullable:
            raise ValueError(f"{where} has no value")
        return None
    if isinstance(column.type, JSON):
        # A revision's snapshot and notes: JSON objects (lists for other JSON columns).
        if not isinstance(raw, dict | list):
            raise ValueError(f"{where} is not a JSON object or list")
        return raw
    # A TypeDecorator (UTCDateTime) answers `object`; the type it wraps knows better.
    kind = getattr(column.type, "impl_instance", column.type).python_type
    if kind is datetime:
        if not isinstance(raw, str):
            raise ValueError(f"{where} is not an ISO 8601 instant")
        value = datetime.fromisoformat(raw)
        if value.tzinfo is None:
            raise ValueError(f"{where} has no UTC offset")
        return value
    if kind is date:
        if not isinstance(raw, str):
            raise ValueError(f"{where} is not an ISO 8601 date")
        return date.fromisoformat(raw)
    # bool is an int in Python, so each is checked exactly.
    if type(raw) is not kind:
        raise ValueError(f"{where} is not {kind.__name__}")
    length = getattr(column.type, "length", None)
    if kind is str and length is not None and len(raw) > length:
        raise ValueError(f"{where} is longer than {length} characters")
    return raw


def _table_row(
    table: Table, columns: list[Column], item: dict, nested: bool = False, **given: Any
) -> dict:
    """Return one row for `table` from a document item; refuse missing and unknown fields."""
    unknown = set(item) - {c.name for c in columns} - ({"texts"} if nested else set())
    if unknown:
        raise ValueError(f"{table.name} has unknown fields: {', '.join(sorted(unknown))}")
    return {**{c.name: _column_value(c, item[c.name]) for c in columns}, **given}


def _rows(document: dict) -> dict[type, list[dict]]:
    """Turn a version 2 document into rows per table, checked and parsed."""
    rows: dict[type, list[dict]] = {model: [] for model in (*TABLES, StaffUser, AuditEntry)}
    for section in SECTIONS:
        table = section.model.__table__
        columns = _exported(table)
        nested = section.texts is not None
        if nested:
            parent = _parent_column(section)
            (key,) = table.primary_key.columns
            texts_table = section.texts.__table__
            text_columns = _exported(texts_table, nested_under=parent)
        for item in document[section.key]:
            rows[section.model].append(_table_row(table, columns, item, nested))
            if nested:
                rows[section.texts].extend(
                    _table_row(texts_table, text_columns, t, **{parent.name: item[key.name]})
                    for t in item["texts"]
                )
    for row in rows[StatementText]:
        # The body is rendered as it is stored: whatever the file says, only the allow-list.
        row["body"] = sanitize_html(row["body"])
    table = StaffUser.__table__
    for item in document.get(STAFF.key) or []:
        row = _table_row(table, _exported(table), item, session_token=new_session_token())
        try:
            row["email"] = check_email(row["email"])
        except AccountError as error:
            raise ValueError(f"staff_user.email {item['email']!r}: {error}") from None
        rows[StaffUser].append(row)
    table = AuditEntry.__table__
    accounts = {row["id"] for row in rows[StaffUser]}
    for item in document.get(AUDIT.key) or []:
        row = _table_row(table, _exported(table), item)
        if not accounts:
            raise ValueError("audit lines come only with the staff accounts they name")
        if row["account_id"] is not None and row["account_id"] not in accounts:
            raise ValueError(f"audit line {row['id']} names account {row['account_id']}, "
                             "which the document does not have")
        rows[AuditEntry].append(row)
    return rows


def _move_sequences_past_ids(models: list[type]) -> None:
    """On PostgreSQL, set each id sequence past the ids loaded, so new rows get fresh ids."""
    if db.engine.dialect.name != "postgresql":
        return
    for model in models:
        table = model.__table__
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or not isinstance(keys[0].type, Integer):
            continue
        db.session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{keys[0].name}'), "
            f"COALESCE((SELECT MAX({keys[0].name}) FROM {table.name}), 0) + 1, false)"
        ))


def load(document: dict, replace: bool = False) -> dict[str, int]:
    """Store a document's content; refuse a database with content (or accounts) unless `replace`.

    Returns how many rows of each kind were stored. Everything happens in one transaction:
    a document that fails half-way leaves the database as it was.
    """
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError(f"not a {FORMAT} document")
    version = document.get("version")
    if version not in READABLE_VERSIONS:
        raise TransferError(
            f"{FORMAT} version {version!r} cannot be read here (versions "
            f"{', '.join(map(str, READABLE_VERSIONS))} can)"
        )
    try:
        if version == 1:
            document = _upgrade_from_version_1(document)
        if document["version"] == 2:
            document = _upgrade_from_version_2(document)
        if document["version"] == 3:
            document = _upgrade_from_version_3(document)
        if document["version"] == 4:
            document = _upgrade_from_version_4(document)
        if document["version"] == 5:
            document = _upgrade_from_version_5(document)
        rows = _rows(document)
        files = _media_files(document, rows)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise TransferError(f"the document is incomplete or malformed ({error!r})") from None
    if not replace and not is_empty():
        raise TransferError("the database already has content; use --replace to replace it")
    with_staff = bool(rows[StaffUser])
    if with_staff and not replace and has_staff():
        raise TransferError(
            "the database already has staff accounts; use --replace to replace them with the "
            "document's, or export without --with-staff"
        )
    models = [*TABLES, StaffUser, AuditEntry] if with_staff else list(TABLES)
    try:
        for model in reversed(models):
            db.session.execute(delete(model))
        # Core inserts keep the ids and the stored version numbers as they are.
        for model in models:
            if rows[model]:
                db.session.execute(insert(model.__table__), rows[model])
        _move_sequences_past_ids(models)
        # Core inserts pass the session by: index the loaded texts in the same transaction.
        for _done in search.reindex(db.session.connection()):
            pass
        # Before the commit: a storage that cannot take them leaves the database as it was.
        for name, data in files.items():
            media.storage().save(name, data)
        db.session.commit()
    except SQLAlchemyError as error:
        db.session.rollback()
        reason = str(error).splitlines()[0]
        raise TransferError(f"the database refused the content: {reason}") from error
    except OSError as error:
        db.session.rollback()
        raise TransferError(f"the media storage refused a photo's file: {error}") from error
    content_changed()
    counts = {
        "statements": len(rows[Statement]),
        "day counters": len(rows[DayCounter]),
        "clocks": len(rows[Clock]),
        "settings": len(rows[SiteSettings]),
    }
    if with_staff:
        counts["staff accounts"] = len(rows[StaffUser])
        counts["audit log lines"] = len(rows[AuditEntry])
    return counts
