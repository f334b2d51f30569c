"""Database models: statements with one text row per language, day counters, clocks, settings."""

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from . import timekeeping
from .extensions import db


@dataclass(frozen=True)
class Kind:
    """The names of a kind of publication: one ("Speech") and several ("Speeches")."""

    one: str
    many: str


#: The kinds of publication, in the order forms and filters show them, with their names: one
#: for a statement's line, several for a listing's heading. Adding one needs a migration of the
#: statement table's CHECK constraint.
KINDS = {
    "statement": Kind(_l("Statement"), _l("Statements")),
    "speech": Kind(_l("Speech"), _l("Speeches")),
    "interview": Kind(_l("Interview"), _l("Interviews")),
    "article": Kind(_l("Article"), _l("Articles")),
    "comment": Kind(_l("Comment"), _l("Comments")),
    "answers": Kind(_l("Answers to media questions"), _l("Answers to media questions")),
    "briefing": Kind(_l("Briefing"), _l("Briefings")),
}
#: A statement's states: a draft, waiting for an editor's review, or published (public from its
#: publication time on). Only "published" is ever shown to the public.
STATUSES = ("draft", "review", "published")
#: Staff roles: a writer drafts and submits for review; an editor does everything (see
#: pressroom/staff/permissions.py for what each may do).
ROLES = ("writer", "editor")


class UTCDateTime(TypeDecorator):
    """A datetime stored as naive UTC on every database and returned as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """Convert an aware datetime to naive UTC before it is stored."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        """Attach UTC to a stored naive datetime."""
        return None if value is None else value.replace(tzinfo=UTC)


def _now() -> datetime:
    """Return the current instant for timestamp defaults."""
    return timekeeping.utcnow()


class Statement(db.Model):
    """A publication: kind, when, whether public, and its texts in one or both languages."""

    __tablename__ = "statement"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in KINDS)})", name="kind"),
        CheckConstraint(f"status IN ({', '.join(repr(s) for s in STATUSES)})", name="status"),
        # The public listings read published statements newest first.
        Index("ix_statement_status_published_at", "status", "published_at"),
        # The dashboard reads every statement newest first, and its withdrawn ones apart.
        Index("ix_statement_published_at_id", "published_at", "id"),
        Index("ix_statement_withdrawn_at", "withdrawn_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="statement")
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, onupdate=_now)
    #: Bumped on every save; an edit based on an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: The one-time token of the staff form that created this statement: a second submit of
    #: the same form finds the statement instead of creating another.
    form_token: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    #: When an editor withdrew the published statement: its page stays, under a notice giving
    #: the reason (each text's `withdrawn_reason`), but it leaves every listing. None: not.
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: When readers were last told of a change (the latest public change note): what feeds,
    #: link previews and JSON-LD give as the modified time. A minor edit leaves it as it is
    #: (GOV.UK's model). None: never changed since publication.
    public_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    texts: Mapped[list["StatementText"]] = relationship(
        back_populates="statement", cascade="all, delete-orphan", lazy="selectin"
    )
    #: The lead image, if any (its alt text, caption and credit are on each text).
    image: Mapped["StatementImage | None"] = relationship(
        cascade="all, delete-orphan", lazy="select", uselist=False
    )

    __mapper_args__ = {"version_id_col": version}

    def text(self, lang: str) -> "StatementText | None":
        """Return the text in `lang`, or None when the statement lacks that language."""
        return next((t for t in self.texts if t.lang == lang), None)

    @property
    def languages(self) -> list[str]:
        """Return the languages this statement has text in."""
        return sorted(t.lang for t in self.texts)

    def is_public(self, now: datetime) -> bool:
        """Tell whether the public may see this statement at instant `now`."""
        return self.status == "published" and self.published_at <= now


#: The fields of a text that describe its statement's photo (empty without one).
IMAGE_TEXT_FIELDS = ("image_alt", "image_caption", "image_credit")


class StatementText(db.Model):
    """A statement's title, slug, lead and body in one language."""

    __tablename__ = "statement_text"
    __table_args__ = (
        UniqueConstraint("statement_id", "lang"),
        UniqueConstraint("lang", "slug"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(String(300))
    slug: Mapped[str] = mapped_column(String(200))
    lead: Mapped[str] = mapped_column(Text, default="")
    #: Sanitised HTML, safe to render as is.
    body: Mapped[str] = mapped_column(Text, default="")
    #: The Markdown the body was written in, shown again when the statement is edited.
    body_source: Mapped[str] = mapped_column(Text, default="")
    #: Why the statement was withdrawn, in this language; kept after a restore for the record
    #: of the last withdrawal, shown only while `Statement.withdrawn_at` is set.
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    #: The lead image's text alternative, caption and credit in this language (empty without
    #: an image; the alt text is required in every language the statement has when it has one).
    image_alt: Mapped[str] = mapped_column(Text, default="")
    image_caption: Mapped[str] = mapped_column(Text, default="")
    image_credit: Mapped[str] = mapped_column(Text, default="")

    statement: Mapped[Statement] = relationship(back_populates="texts")


class StatementImage(db.Model):
    """A statement's lead image: its size after orientation, and the renditions made of it
    once on upload (pressroom/images.py), kept in the media storage (pressroom/media.py)."""

    __tablename__ = "statement_image"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    #: SHA-256 of the uploaded file: the same photo uploaded twice is recognised.
    digest: Mapped[str] = mapped_column(String(64))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    #: JSON: a list of {"name", "width", "height", "type"}, one per rendition, narrowest first.
    renditions: Mapped[str] = mapped_column(Text)


class RemovedStatement(db.Model):
    """A deleted statement's id and when it was deleted, so its addresses answer 410 Gone
    rather than 404 (new statements never take these ids: staff.withdrawal.new_statement_id)."""

    __tablename__ = "removed_statement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    deleted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)


class StatementRevision(db.Model):
    """One save of a statement: who, when, and everything the statement said after it (both
    languages' texts, kind, status, times), with the public change note of that save, if any."""

    __tablename__ = "statement_revision"
    __table_args__ = (UniqueConstraint("statement_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id", ondelete="CASCADE"))
    #: 1, 2, 3… within the statement.
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    #: The account that saved; None for the record of a statement as it was before its first
    #: recorded save. No foreign key: the history moves between sites without the accounts
    #: (pressroom/transfer.py), and the email says who it was.
    account_id: Mapped[int | None] = mapped_column(Integer, default=None)
    #: The account's email at the time: who it was, whatever becomes of the account.
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    #: One of `pressroom.revisions.ACTIONS`: what the save did.
    action: Mapped[str] = mapped_column(String(20), default="edit")
    #: The statement's version after this save: the conflict page finds the version an editor
    #: started from by it.
    statement_version: Mapped[int] = mapped_column(Integer, default=1)
    #: The revision number this one brought back, for a restore.
    restored_from: Mapped[int | None] = mapped_column(Integer, default=None)
    #: `pressroom.revisions.snapshot` of the statement after the save.
    snapshot: Mapped[dict] = mapped_column(JSON)
    #: The public change note in each language ({"en": …, "ru": …}); empty for a minor edit.
    notes: Mapped[dict] = mapped_column(JSON, default=dict)


class DayCounter(db.Model):
    """An event whose distance in calendar days is shown: "N days have passed since …"."""

    __tablename__ = "day_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_date: Mapped[date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Moscow")
    position: Mapped[int] = mapped_column(Integer, default=0)

    texts: Mapped[list["DayCounterText"]] = relationship(
        back_populates="counter", cascade="all, delete-orphan", lazy="selectin"
    )

    def text(self, lang: str) -> "DayCounterText | None":
        """Return the label and caption in `lang`, or None."""
        return next((t for t in self.texts if t.lang == lang), None)


class DayCounterText(db.Model):
    """A day counter's event in one language, as it reads after the count once the event has
    passed (`label`) and while it is ahead (`label_ahead`), each with its own preposition, and a
    caption."""

    __tablename__ = "day_counter_text"
    __table_args__ = (UniqueConstraint("counter_id", "lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    counter_id: Mapped[int] = mapped_column(
        ForeignKey("day_counter.id", ondelete="CASCADE"), index=True
    )
    lang: Mapped[str] = mapped_column(String(2))
    #: After "853 days have passed": "since the signing", «со дня подписания».
    label: Mapped[str] = mapped_column(String(300))
    #: After "5 days to go": "until the signing", «до подписания»; empty when not written.
    label_ahead: Mapped[str] = mapped_column(String(300), default="")
    caption: Mapped[str] = mapped_column(String(500), default="")

    counter: Mapped[DayCounter] = relationship(back_populates="texts")


class Clock(db.Model):
    """A city clock: an IANA time zone, shown in display order."""

    __tablename__ = "clock"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SiteSettings(db.Model):
    """Per-language site title and the press office's contacts, each optional."""

    __tablename__ = "site_settings"

    lang: Mapped[str] = mapped_column(String(2), primary_key=True)
    site_title: Mapped[str] = mapped_column(String(200), default="")
    contact_address: Mapped[str] = mapped_column(String(300), default="")
    #: The name the phone line is shown with ("Consular duty phone"); empty for the default.
    contact_phone_label: Mapped[str] = mapped_column(String(100), default="")
    #: As written for people: digits, spaces, "+", "-" and brackets.
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    #: Free text shown after the other contacts (opening hours, say). The single contact line
    #: of earlier versions lives on here, as it was written.
    contact_line: Mapped[str] = mapped_column(String(500), default="")


def new_session_token() -> str:
    """Return a fresh random session token for a staff account."""
    return secrets.token_urlsafe(32)


class StaffUser(db.Model):
    """A staff account: signs in with email and password to edit the site."""

    __tablename__ = "staff_user"
    __table_args__ = (
        CheckConstraint(f"role IN ({', '.join(repr(r) for r in ROLES)})", name="role"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: NFKC-normalised and case-folded (`accounts.normalize_email`), so addresses compare equal
    #: however they were typed.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    #: An argon2id hash in PHC string format; the password itself is never stored.
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Part of the id kept in the session cookie; replacing it ends every session at once.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    #: "writer" or "editor" (ROLES); accounts made before roles existed are editors.
    role: Mapped[str] = mapped_column(String(10), default="editor")

    # Flask-Login's user interface, written out instead of inheriting UserMixin so the id it
    # stores is ours.
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self) -> bool:
        """Tell Flask-Login whether the account may sign in."""
        return self.active

    def get_id(self) -> str:
        """Return the session id: the row id and the current session token."""
        return f"{self.id}:{self.session_token}"

    def end_sessions(self) -> None:
        """Invalidate every session of this account by replacing its session token."""
        self.session_token = new_session_token()


class AuditEntry(db.Model):
    """One line of the audit log: who did what to which object, when, and from where."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now, index=True)
    #: The account that acted; None for a failed sign-in or a command-line change.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), default=None, index=True
    )
    #: The account's email at the time, or, for a failed sign-in, the email typed (normalised).
    email: Mapped[str | None] = mapped_column(String(254), default=None)
    #: One of `pressroom.audit.ACTIONS`.
    action: Mapped[str] = mapped_column(String(32))
    #: What was acted on: "statement", "account", "counter", "clock", "settings" (or None).
    object_kind: Mapped[str | None] = mapped_column(String(20), default=None)
    #: Which one: a statement's id, an account's email.
    object_ref: Mapped[str | None] = mapped_column(String(254), default=None)
    #: The client address (after the proxy fix); None on the command line.
    address: Mapped[str | None] = mapped_column(String(45), default=None)


class PreviewLink(db.Model):
    """A link that shows a statement's saved text to someone who is not signed in, until it
    expires or is revoked. Only the token's SHA-256 is stored: the link is shown once."""

    __tablename__ = "preview_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    #: The account that made the link; None once that account is deleted.
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    # Deleting a statement deletes its links through the ORM too: SQLite does not enforce the
    # foreign key's ON DELETE CASCADE here.
    statement: Mapped[Statement] = relationship(
        backref=backref("preview_links", cascade="all, delete-orphan")
    )


class ContentVersion(db.Model):
    """One row counting the saves of content: the truth the cached content token is checked
    against, so an invalidation lost while the cache was unreachable is caught later."""

    __tablename__ = "content_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
