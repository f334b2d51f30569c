"""Where the content token lives, so that every process serving the site tells the same story.

The *content state* is the current content token, the instant the next scheduled statement
falls due, and the content version it was made from. Every cached page and query result is
keyed on the token, so whoever reads the state decides what is fresh:

- With a shared cache (Redis), the state is a key in it, read by every process on every host.
- With the in-process cache, each worker keeps its own pages, but the state is a small file in
  the instance folder that every worker of the host reads: a save through one worker makes the
  next request to every other worker a miss. Reading it costs one `stat()`; the file is read
  again only when it has changed. Several hosts need Redis (README, "Several workers").

The database keeps the truth: `ContentVersion` counts saves. A process compares the state's
version with it when it starts and after its cache has recovered from an outage, so a save made
while Redis was unreachable — whose invalidation could not reach Redis — is caught even if the
worker that made it has been restarted since.

A save need not make every page stale. The database also counts saves per *area* of the content
(statements as the listings show them, the pages of single statements, counters, clocks,
settings), and a cached page names the areas it shows: a statement edit leaves the clock and
counter widgets cached, a counter edit leaves the listing, and a statement added leaves every
other statement's page cached (it changes the listings, not them). The pages of single
statements are counted in PAGE_GROUPS groups by statement id, so an edit (the typo fixed right
after publishing) renews the pages of one statement in PAGE_GROUPS, its own among them, and not
every statement's. Which areas a save touched is read from what the ORM flushed
(`touched_areas`), so the one call after every write, `content.content_changed()`, cannot name
too few; rows of a model this module does not know count as touching everything.
"""

import json
import os
import secrets
import uuid
from datetime import UTC, datetime
from pathlib import Path

from flask import current_app
from flask_caching.backends import NullCache, SimpleCache
from sqlalchemy import event, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .extensions import cache, db
from .models import ContentVersion, Statement

STATE_KEY = "content-state"
EXTENSION = "pressroom-content-state"
#: The areas of the content a save may touch, each counted in `content_version` under its row id
#: (row 6 counted the pages of single statements before they were split in groups; unused).
AREAS = {"statements": 2, "counters": 3, "clocks": 4, "settings": 5}
#: The area of what shows one statement (its page, its card widget) and nothing of the others,
#: split in PAGE_GROUPS groups by statement id (`statement_pages`), each counted under its own
#: row from PAGE_GROUP_ROW on. In a state, its token holds the epoch and every group's count.
STATEMENT_PAGES = "pages of statements"
PAGE_GROUPS = 64
PAGE_GROUP_ROW = 100
#: Every area: a page showing this much is renewed by any save.
ALL_AREAS = (*AREAS, STATEMENT_PAGES)
#: The areas a content state must have a token of (one an earlier release wrote may lack some).
AREA_NAMES = frozenset(ALL_AREAS)
#: What the reading pages (listings, archive, search, feeds, sitemaps) show: statements, in the
#: site's frame, whose title and contacts are settings.
READING = ("statements", "settings")
#: The areas of a statement's rows: the listings, and its own pages (their group, once known).
A_STATEMENT = ("statements", STATEMENT_PAGES)
#: Row 1 counts every save. Row 0 holds a random number drawn at a database's first save, so
#: pages cached from another database with the same counts (one made again from scratch) differ.
EPOCH_ROW, TOTAL_ROW = 0, 1
#: The area (or areas) of each model's rows; None for rows that are not content. A model
#: missing here touches every area (tests/test_stale_while_render.py asks that each be listed).
MODEL_AREAS = {
    "Statement": A_STATEMENT,
    "StatementText": A_STATEMENT,
    "RemovedStatement": A_STATEMENT,
    # A revision's change notes are shown on its statement's pages.
    "StatementRevision": A_STATEMENT,
    # A statement's photo is on its pages, the listings and the widgets.
    "StatementImage": A_STATEMENT,
    "DayCounter": "counters",
    "DayCounterText": "counters",
    "Clock": "clocks",
    "SiteSettings": "settings",
    "StaffUser": None,
    "AuditEntry": None,
    # Preview links open pages that are never cached.
    "PreviewLink": None,
    "ContentVersion": None,
}
#: Where a session keeps the areas its flushes touched until `content_changed` reads them.
TOUCHED = "pressroom-touched-areas"
#: Where a session keeps the ids of the statements its flushes inserted, for as long.
ADDED = "pressroom-added-statements"


def statement_pages(statement_id: int) -> str:
    """Return the area of one statement's pages: the group of its id."""
    return f"{STATEMENT_PAGES} {statement_id % PAGE_GROUPS}"


def one_statement(statement_id: int, **_) -> tuple[str, ...]:
    """Return what a statement's page and card show (given the view's arguments): that
    statement, whose pages are in its group, in the site's frame."""
    return (statement_pages(statement_id), "settings")


def group_token(areas: dict[str, str], name: str) -> str:
    """Return the token of a group of statement pages (`statement_pages`) from a state's
    areas, where the token of STATEMENT_PAGES is "epoch:count,count,…" with a count per group;
    "?" for a name that is no group (a page cached by an earlier release), which no page's
    token matches, so that page is made again."""
    prefix, _, number = name.rpartition(" ")
    epoch, _, counts = areas.get(STATEMENT_PAGES, "").partition(":")
    found = counts.split(",")
    if prefix != STATEMENT_PAGES or not number.isdigit() or int(number) >= len(found):
        return "?"
    return f"{epoch}.{found[int(number)]}"


def _rows(name: str) -> list[int]:
    """Return the rows of `content_version` that count an area's saves."""
    if name == STATEMENT_PAGES:
        return list(range(PAGE_GROUP_ROW, PAGE_GROUP_ROW + PAGE_GROUPS))
    if name.startswith(STATEMENT_PAGES):
        return [PAGE_GROUP_ROW + int(name.rpartition(" ")[2])]
    return [AREAS[name]]


class CacheStateStore:
    """The state as a key of a shared cache backend."""

    def __init__(self, backend):
        self.backend = backend
        self._outages_seen = 0

    def read(self) -> dict | None:
        """Return the stored state, or None."""
        return self.backend.get(STATE_KEY)

    def write(self, state: dict) -> None:
        """Store `state` for every process."""
        self.backend.set(STATE_KEY, state, timeout=0)

    def create(self, state: dict) -> dict:
        """Store `state` unless another process has stored one since it was dropped; return
        the state that is stored (`state` itself if the cache cannot be reached)."""
        if self.backend.add(STATE_KEY, state, timeout=0):
            return state
        return self.backend.get(STATE_KEY) or state

    def clear(self) -> None:
        """Drop the state, so the next request makes a new token."""
        self.backend.delete(STATE_KEY)

    def outages(self) -> int:
        """Return how many outages the backend has recovered from (0 for a plain backend)."""
        return getattr(self.backend, "recoveries", 0)


class FileStateStore:
    """The state as a JSON file shared by the processes of one host."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._signature: tuple | None = None
        self._state: dict | None = None

    def read(self) -> dict | None:
        """Return the stored state, or None; re-read the file only when it has changed."""
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            return None
        signature = (found.st_ino, found.st_mtime_ns, found.st_ctime_ns, found.st_size)
        if signature != self._signature:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None  # replaced or half-visible: a miss, never an error
            due = raw.get("due")
            self._state = {**raw, "due": datetime.fromisoformat(due) if due else None}
            self._signature = signature
        return self._state

    def _partial(self, state: dict) -> Path:
        """Write `state` to a new file beside the state file and return its path."""
        due = state["due"]
        text = json.dumps({**state, "due": due.isoformat() if due else None})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f".{self.path.name}.{os.getpid()}.{uuid.uuid4().hex}")
        partial.write_text(text, encoding="utf-8")
        return partial

    def write(self, state: dict) -> None:
        """Store `state` atomically: a reader sees the old file or the new one, never half."""
        os.replace(self._partial(state), self.path)

    def create(self, state: dict) -> dict:
        """Store `state` unless another process has stored one since it was dropped (a hard
        link is made only where no file is); return the state that is stored."""
        partial = self._partial(state)
        try:
            os.link(partial, self.path)
        except FileExistsError:
            partial.unlink()
            return self.read() or state
        except OSError:  # a file system without hard links: the last writer wins
            os.replace(partial, self.path)
            return state
        partial.unlink()
        return state

    def clear(self) -> None:
        """Drop the state, so the next request in any process makes a new token."""
        self.path.unlink(missing_ok=True)

    def outages(self) -> int:
        """A file has no outages to recover from."""
        return 0


class ContentState:
    """The app's state store, and whether this process still has to check it against the
    database (at start, and after each recovered cache outage)."""

    def __init__(self, store):
        self.store = store
        self._checked_outages: int | None = None  # None: not checked since this process began

    def needs_check(self) -> bool:
        """Tell whether the state must be compared with the database before it is trusted."""
        return self._checked_outages != self.store.outages()

    def checked(self, outages: int) -> None:
        """Record that the state was compared with the database as of `outages`."""
        self._checked_outages = outages


def state() -> ContentState:
    """Return the current app's content state."""
    return current_app.extensions[EXTENSION]


def read_versions(now: datetime) -> dict:
    """Return the content state's facts from the database: the count of saves (`version`), the
    next instant a scheduled statement falls due (`due`) and a token per area (`areas`)."""
    counts = dict(db.session.execute(select(ContentVersion.id, ContentVersion.version)).all())
    due = db.session.execute(
        select(func.min(Statement.published_at)).where(
            Statement.status == "published", Statement.published_at > now
        )
    ).scalar()
    if due is not None and due.tzinfo is None:
        due = due.replace(tzinfo=UTC)  # in case a driver returns the value raw
    epoch = counts.get(EPOCH_ROW, 0)
    areas = {name: f"{epoch:x}.{counts.get(row, 0)}" for name, row in AREAS.items()}
    groups = range(PAGE_GROUP_ROW, PAGE_GROUP_ROW + PAGE_GROUPS)
    areas[STATEMENT_PAGES] = f"{epoch:x}:" + ",".join(str(counts.get(row, 0)) for row in groups)
    return {"version": counts.get(TOTAL_ROW, 0), "due": due, "areas": areas}


def bump_version(areas=ALL_AREAS) -> None:
    """Count one more save in the database, in all and in each of `areas` (creating missing
    rows, and the epoch, on a database that has none yet), and commit."""
    rows = [TOTAL_ROW, *sorted({row for name in areas for row in _rows(name)})]
    for _ in range(2):
        done = db.session.execute(
            update(ContentVersion).where(ContentVersion.id.in_(rows)).values(
                version=ContentVersion.version + 1
            )
        )
        if done.rowcount == len(rows):
            db.session.commit()
            return
        db.session.rollback()
        present = set(db.session.scalars(select(ContentVersion.id)))
        missing = [row for row in (EPOCH_ROW, *rows) if row not in present]
        for row in missing:
            version = secrets.randbits(48) if row == EPOCH_ROW else 0
            db.session.add(ContentVersion(id=row, version=version))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # another process made the rows first
    raise RuntimeError("could not count the save in content_version")


def note_flushed(session, flush_context) -> None:
    """Record the areas of the rows a flush wrote in the session, for `touched_areas`.

    A row of a statement's model touches the pages of that statement: their group. The rows of
    a statement added since (its texts, photo, first revision, and the statement again when a
    later flush completes it) touch the listings only: until now it had no page (a 404 is never
    cached), and it changes no other statement's.
    """
    touched = session.info.setdefault(TOUCHED, set())
    added = session.info.setdefault(ADDED, set())
    added.update(row.id for row in session.new if isinstance(row, Statement))
    for row in (*session.new, *session.dirty, *session.deleted):
        areas = MODEL_AREAS.get(type(row).__name__, "*")
        if areas is None:
            continue
        if isinstance(areas, str):
            areas = (areas,)
        if STATEMENT_PAGES in areas:
            statement_id = _statement_id(row)
            areas = tuple(area for area in areas if area != STATEMENT_PAGES)
            if statement_id is None:
                areas += (STATEMENT_PAGES,)  # whose pages is not known: every statement's
            elif row in session.deleted or statement_id not in added:
                areas += (statement_pages(statement_id),)
        touched.update(areas)


def _statement_id(row) -> int | None:
    """Return the id of the statement a row of a statement's model belongs to (a removed
    statement's row has that statement's id as its own)."""
    if isinstance(row, Statement) or type(row).__name__ == "RemovedStatement":
        return row.id
    return getattr(row, "statement_id", None)


def touched_areas(session) -> tuple[str, ...]:
    """Return (and forget) the areas the session's flushes touched since last asked; every
    area when a model unknown here was written, or when nothing was recorded (a write made
    without the ORM's unit of work)."""
    touched = session.info.pop(TOUCHED, set())
    session.info.pop(ADDED, None)
    if not touched or "*" in touched:
        return ALL_AREAS
    names = [name for name in ALL_AREAS if name in touched]
    if STATEMENT_PAGES not in touched:
        names += sorted(name for name in touched if name.startswith(STATEMENT_PAGES))
    return tuple(names)


def init_app(app) -> None:
    """Choose where the state lives: the shared cache, else a file every worker reads."""
    backend = app.extensions["cache"][cache]
    if isinstance(backend, SimpleCache | NullCache):
        store = FileStateStore(app.config["PRESSROOM_STATE_FILE"])
    else:
        store = CacheStateStore(backend)
    app.extensions[EXTENSION] = ContentState(store)
    if not event.contains(Session, "after_flush", note_flushed):
        event.listen(Session, "after_flush", note_flushed)
