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
"""

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

from flask import current_app
from flask_caching.backends import NullCache, SimpleCache
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from .extensions import cache, db
from .models import ContentVersion, Statement

STATE_KEY = "content-state"
EXTENSION = "pressroom-content-state"


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


def read_version_and_due(now: datetime) -> tuple[int, datetime | None]:
    """Return the content version and the next instant a scheduled statement falls due."""
    row = db.session.execute(
        select(
            select(ContentVersion.version).where(ContentVersion.id == 1).scalar_subquery(),
            select(func.min(Statement.published_at))
            .where(Statement.status == "published", Statement.published_at > now)
            .scalar_subquery(),
        )
    ).one()
    version, due = row
    if due is not None and due.tzinfo is None:
        due = due.replace(tzinfo=UTC)  # in case a driver returns the subquery's value raw
    return version or 0, due


def bump_version() -> None:
    """Count one more save in the database (creating the row on a database made without
    migrations) and commit."""
    for _ in range(2):
        done = db.session.execute(
            update(ContentVersion).where(ContentVersion.id == 1).values(
                version=ContentVersion.version + 1
            )
        )
        if done.rowcount:
            db.session.commit()
            return
        db.session.add(ContentVersion(id=1, version=1))
        try:
            db.session.commit()
            return
        except IntegrityError:
            db.session.rollback()  # another process made the row first: update it
    raise RuntimeError("could not count the save in content_version")


def init_app(app) -> None:
    """Choose where the state lives: the shared cache, else a file every worker reads."""
    backend = app.extensions["cache"][cache]
    if isinstance(backend, SimpleCache | NullCache):
        store = FileStateStore(app.config["PRESSROOM_STATE_FILE"])
    else:
        store = CacheStateStore(backend)
    app.extensions[EXTENSION] = ContentState(store)
