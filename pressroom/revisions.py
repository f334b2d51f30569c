"""A statement's history: a revision per save, the public change notes, and word diffs.

Every save of a statement (new, edit, withdrawal, restore) adds a `StatementRevision` holding a
snapshot of everything the statement says after it. A statement saved before revisions were
kept gets one for its state as it was first (`ensure_baseline`), so nothing said before is lost.
Diffs are made on words with difflib and every word is escaped on its own, so text typed into a
statement can never become markup on the history or conflict page.
"""

import difflib
import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import defer

from . import timekeeping
from .config import LANGUAGES
from .extensions import db
from .models import IMAGE_TEXT_FIELDS, Statement, StatementRevision

#: What a save did, as the history page names it.
ACTIONS = ("baseline", "create", "edit", "restore", "withdraw", "unwithdraw")
#: The fields of a text a snapshot keeps.
TEXT_FIELDS = ("title", "slug", "lead", "body_source", "body", "withdrawn_reason",
               *IMAGE_TEXT_FIELDS)
#: The fields a comparison shows, with their names as the statement form gives them.
COMPARED_FIELDS = {
    "title": _l("Title"),
    "slug": _l("Address (slug)"),
    "lead": _l("Lead"),
    "body_source": _l("Text"),
    "image_alt": _l("Photo: description"),
    "image_caption": _l("Photo: caption"),
    "image_credit": _l("Photo: credit"),
}
#: Words and the whitespace between them, each a token of a diff.
TOKENS = re.compile(r"\s+|[^\s]+")
#: The most pairs of words compared for one changed run of lines (tokens before × after), and
#: for a whole text; a run past either is marked whole. 1,000 tokens a side (about 500 words)
#: take up to ~0.15 s on a busy machine.
MAX_WORD_PAIRS = 1_000_000
MAX_WORD_PAIRS_IN_ALL = 5_000_000


def _instant(value: datetime | None) -> str | None:
    """Return an instant as ISO 8601 text (JSON holds no datetimes)."""
    return value.isoformat() if value is not None else None


def snapshot(statement: Statement) -> dict:
    """Return everything a statement says now, as JSON-ready data."""
    return {
        "kind": statement.kind,
        "status": statement.status,
        "published_at": _instant(statement.published_at),
        "featured": bool(statement.featured),
        "withdrawn_at": _instant(statement.withdrawn_at),
        # Which photo (its file's SHA-256), so a restore knows whether a description fits it.
        "image": statement.image.digest if statement.image is not None else None,
        "texts": {
            text.lang: {name: getattr(text, name) or "" for name in TEXT_FIELDS}
            for text in sorted(statement.texts, key=lambda t: t.lang)
        },
    }


def _next_number(statement_id: int) -> int:
    """Return the number the statement's next revision takes."""
    highest = db.session.scalar(
        select(func.max(StatementRevision.number)).where(
            StatementRevision.statement_id == statement_id
        )
    )
    return (highest or 0) + 1


def _baseline(statement: Statement) -> StatementRevision:
    """Return revision 1 of a statement with no history: how it is now (not added)."""
    return StatementRevision(
        statement_id=statement.id, number=1, created_at=statement.updated_at,
        account_id=None, email=None, action="baseline", restored_from=None,
        statement_version=statement.version or 1, snapshot=snapshot(statement), notes={},
    )


def ensure_baseline(statement: Statement) -> None:
    """Record a stored statement as it is, before its first recorded save changes it.

    Statements written before revisions were kept (or loaded from an older export) have none;
    without this, their text before the first edit would be lost from the history.
    """
    if statement.id is None or _next_number(statement.id) > 1:
        return
    db.session.add(_baseline(statement))


def record(
    statement: Statement, account, action: str, notes: dict[str, str] | None = None,
    restored_from: int | None = None,
) -> StatementRevision:
    """Add a revision of `statement` as it now stands (flush it first, so it has an id and its
    new version). `notes` is the public change note per language, for a change readers are
    told of; it moves the statement's public modified time."""
    now = timekeeping.utcnow()
    if notes:
        statement.public_updated_at = now
        db.session.flush()
    revision = StatementRevision(
        statement_id=statement.id,
        number=_next_number(statement.id),
        created_at=now,
        account_id=getattr(account, "id", None),
        email=getattr(account, "email", None),
        action=action,
        statement_version=statement.version,
        restored_from=restored_from,
        snapshot=snapshot(statement),
        notes=dict(notes or {}),
    )
    db.session.add(revision)
    return revision


def history(statement: Statement) -> list[StatementRevision]:
    """Return a statement's revisions, newest first; a statement saved before revisions were
    kept has one, unstored: itself as it is now (stored at its next save)."""
    # Snapshots are loaded when read: two for a comparison, not every one for the list.
    found = list(db.session.scalars(
        select(StatementRevision)
        .options(defer(StatementRevision.snapshot))
        .where(StatementRevision.statement_id == statement.id)
        .order_by(StatementRevision.number.desc())
    ))
    return found or [_baseline(statement)]


def revision(statement: Statement, number: int) -> StatementRevision | None:
    """Return revision `number` of a statement (see `history` for revision 1 of a statement
    without a history), or None."""
    found = db.session.scalar(select(StatementRevision).where(
        StatementRevision.statement_id == statement.id, StatementRevision.number == number
    ))
    if found is None and number == 1 and _next_number(statement.id) == 1:
        return _baseline(statement)
    return found


def revision_at_version(statement_id: int, version: int) -> StatementRevision | None:
    """Return the revision that left the statement at `version` (or the latest before it: a
    featuring elsewhere moves a version without a revision), or None when none is kept."""
    return db.session.scalar(
        select(StatementRevision)
        .where(
            StatementRevision.statement_id == statement_id,
            StatementRevision.statement_version <= version,
        )
        .order_by(StatementRevision.number.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class Change:
    """A change readers were told of: when, and the note in one language."""

    at: datetime
    note: str


def public_changes(statement_id: int, lang: str) -> tuple[Change, ...]:
    """Return a statement's public change notes in `lang`, newest first."""
    rows = db.session.execute(
        select(StatementRevision.created_at, StatementRevision.notes)
        .where(StatementRevision.statement_id == statement_id)
        .order_by(StatementRevision.number.desc())
    )
    return tuple(
        Change(at, notes[lang]) for at, notes in rows if isinstance(notes, dict) and notes.get(lang)
    )


def _marked(before: list[str], after: list[str], left: list, right: list, inner=None) -> None:
    """Append to `left` and `right` the two sides of a diff of two token lists: equal runs as
    they are, changed runs passed to `inner` (the next, finer level) or else marked whole."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(before[i1:i2]), "".join(after[j1:j2])
        if op == "equal":
            left.append(escape(removed))
            right.append(escape(added))
        elif inner is not None and removed and added:
            inner(removed, added, left, right)
        else:
            if removed:
                left.append(Markup("<del>%s</del>") % removed)
            if added:
                right.append(Markup("<ins>%s</ins>") % added)


def word_diff(old: str, new: str) -> tuple[Markup, Markup]:
    """Return `old` with removed words in `<del>` and `new` with added words in `<ins>`, each
    word escaped: the two sides of a comparison. Lines are compared first and words only
    within the lines that changed, so a long text with a small change is quick; difflib is
    quadratic, so a changed run too long to compare word by word in good time, or past the
    budget of the whole text, is marked whole."""
    budget = [MAX_WORD_PAIRS_IN_ALL]

    def words(removed: str, added: str, left: list, right: list) -> None:
        """Mark the changed words of two changed runs of lines, within the budget."""
        before, after = TOKENS.findall(removed), TOKENS.findall(added)
        pairs = len(before) * len(after)
        if pairs > min(MAX_WORD_PAIRS, budget[0]):
            before, after = [removed], [added]
        else:
            budget[0] -= pairs
        _marked(before, after, left, right)

    left: list = []
    right: list = []
    _marked(
        (old or "").splitlines(keepends=True), (new or "").splitlines(keepends=True),
        left, right, inner=words,
    )
    return Markup("").join(left), Markup("").join(right)


@dataclass(frozen=True)
class FieldDiff:
    """One field of one language compared: its name, both sides marked, and whether it changed."""

    name: str
    label: str
    old: Markup
    new: Markup
    changed: bool


def compare(old: dict | None, new: dict) -> dict[str, list[FieldDiff]]:
    """Compare two snapshots per language (the site's languages in order, those either has):
    title, slug, lead and the Markdown text, words marked."""
    found = {}
    old_texts = (old or {}).get("texts", {})
    new_texts = new.get("texts", {})
    for lang in LANGUAGES:
        if lang not in old_texts and lang not in new_texts:
            continue
        was, now = old_texts.get(lang, {}), new_texts.get(lang, {})
        fields = []
        for name, label in COMPARED_FIELDS.items():
            before = was.get(name) or (was.get("body", "") if name == "body_source" else "")
            after = now.get(name) or (now.get("body", "") if name == "body_source" else "")
            left, right = word_diff(before, after)
            fields.append(FieldDiff(name, label, left, right, before != after))
        found[lang] = fields
    return found
