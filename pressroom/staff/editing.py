"""Writing statements and day counters from the staff forms: slugs, Markdown bodies,
featuring, and the versions that keep two people's saves from overwriting each other."""

import hashlib
import json
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm.attributes import flag_modified

from .. import timekeeping
from ..config import LANGUAGES
from ..extensions import db
from ..models import IMAGE_TEXT_FIELDS, DayCounter, Statement, StatementText
from ..text import make_slug, markdown_to_html
from .forms import COUNTER_TEXT_FIELDS, ChangeForm, CounterForm, StatementForm

#: Room left in the 200-character column for a "-N" suffix.
MAX_SLUG = 120
#: PostgreSQL advisory lock held by a transaction that changes which statement is featured.
FEATURE_LOCK = 0x7072_6573_7366  # "pressf"


def unique_slug(lang: str, wanted: str, statement_id: int | None) -> str:
    """Return `wanted`, or `wanted-2`, `wanted-3`…, whichever no other statement uses in `lang`."""
    query = select(StatementText.slug).where(
        StatementText.lang == lang, StatementText.slug.like(f"{wanted}%")
    )
    if statement_id is not None:
        query = query.where(StatementText.statement_id != statement_id)
    taken = set(db.session.scalars(query))
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def publication_instant(form: StatementForm, tz: str) -> datetime:
    """Return the form's local publication date and time as a UTC instant."""
    local = datetime.combine(form.published_date.data, form.published_time.data.replace(second=0))
    return timekeeping.local_to_utc(local, tz)


def form_from_statement(form: StatementForm, statement: Statement, tz: str) -> None:
    """Fill an empty form with a stored statement, as staff typed it."""
    local = statement.published_at.astimezone(timekeeping.zone(tz))
    form.version.data = str(statement.version)
    form.kind.data = statement.kind
    form.published_date.data = local.date()
    form.published_time.data = local.time().replace(second=0, microsecond=0)
    form.status.data = statement.status
    form.featured.data = statement.featured
    for lang in LANGUAGES:
        text = statement.text(lang)
        if text is None:
            continue
        sub = form[lang].form
        sub.title.data = text.title
        sub.slug.data = text.slug
        sub.lead.data = text.lead
        # Statements written before the Markdown source was kept show their HTML, which
        # Markdown passes through unchanged.
        sub.body.data = text.body_source or text.body
        for name in IMAGE_TEXT_FIELDS:
            sub[name].data = getattr(text, name)


def text_to_write(statement: Statement, lang: str, written: bool) -> StatementText | None:
    """Return the statement's text in `lang`, new if it has none, to write into; or, when
    nothing is `written` in that language, remove the text it has and return None."""
    text = statement.text(lang)
    if not written:
        if text is not None:
            statement.texts.remove(text)
        return None
    if text is None:
        text = StatementText(lang=lang)
        statement.texts.append(text)
    return text


def apply_form(statement: Statement, form: StatementForm, tz: str) -> None:
    """Copy a validated form onto `statement` (new or stored), ready to commit."""
    was_published = statement.id is not None and statement.status == "published"
    statement.kind = form.kind.data
    statement.published_at = publication_instant(form, tz)
    statement.status = form.status.data
    statement.featured = form.featured.data
    for lang in LANGUAGES:
        sub = form[lang].form
        text = text_to_write(statement, lang, sub.filled)
        if text is None:
            continue
        text.title = sub.title.data
        text.lead = sub.lead.data
        text.body_source = sub.body.data
        text.body = markdown_to_html(sub.body.data)
        for name in IMAGE_TEXT_FIELDS:
            setattr(text, name, sub[name].data)
        if sub.slug.data:
            wanted = make_slug(sub.slug.data, max_length=MAX_SLUG)
        elif was_published and text.slug:
            # A published address stays as it is unless staff change it.
            wanted = text.slug
        else:
            wanted = make_slug(sub.title.data)
        text.slug = unique_slug(lang, wanted, statement.id)
    if statement.featured:
        unfeature_others(statement)
    # Every save bumps the version, even one that changes only the texts.
    statement.updated_at = timekeeping.utcnow()
    flag_modified(statement, "updated_at")


def change_notes(form: ChangeForm, languages: list[str], public: bool) -> dict[str, str] | None:
    """Return the public change note per language of an edit readers are told of, {} for a
    minor edit (or a statement not public: nobody is told), or None when "change" was chosen
    and a note is missing in one of `languages` (the field then says so)."""
    if not public or form.change.data != "major":
        return {}
    notes = {}
    for lang in languages:
        field = form[f"change_note_{lang}"]
        if field.data:
            notes[lang] = field.data
        else:
            field.errors = [*field.errors, _("Say what changed in this language too: readers "
                                             "see the note on the page.")]
    return notes if len(notes) == len(languages) else None


def unfeature_others(statement: Statement) -> None:
    """Un-feature every other statement and move their versions on, one featuring at a time.

    One UPDATE rather than ORM objects: two saves featuring at once would each load the
    statement featured before and the second would fail on its version (StaleDataError).
    Featuring saves take turns, so the later one sees, and un-features, the earlier one's
    statement even when that is new: on PostgreSQL they wait for an advisory lock held until
    commit; SQLite lets one transaction write at a time and this UPDATE is a write.
    """
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(select(func.pg_advisory_xact_lock(FEATURE_LOCK)))
    others = update(Statement).where(Statement.featured)
    if statement.id is not None:
        others = others.where(Statement.id != statement.id)
    db.session.execute(
        others.values(
            featured=False, version=Statement.version + 1, updated_at=timekeeping.utcnow()
        ),
        execution_options={"synchronize_session": False},
    )


def matches_stored(statement: Statement, form: StatementForm, tz: str) -> bool:
    """Tell whether the stored statement already says exactly what the form says.

    A double-clicked save arrives twice with the same version; the second finds its own
    first save, which is no conflict.
    """
    if (
        statement.kind != form.kind.data
        or statement.published_at != publication_instant(form, tz)
        or statement.status != form.status.data
        or statement.featured != form.featured.data
    ):
        return False
    for lang in LANGUAGES:
        sub = form[lang].form
        text = statement.text(lang)
        if not sub.filled:
            if text is not None:
                return False
            continue
        if text is None or (text.title, text.lead, text.body_source) != (
            sub.title.data, sub.lead.data, sub.body.data
        ):
            return False
        if sub.slug.data and make_slug(sub.slug.data, max_length=MAX_SLUG) != text.slug:
            return False
    return True


def counter_version(counter: DayCounter) -> str:
    """Return a digest of everything the counter form shows: the version an edit is based on.

    A digest rather than a column: an edit conflicts exactly when what the person saw is no
    longer what is stored.
    """
    texts = sorted(
        (t.lang, *(getattr(t, name) for name in COUNTER_TEXT_FIELDS)) for t in counter.texts
    )
    state = [counter.event_date.isoformat(), counter.timezone, counter.position, texts]
    return hashlib.sha256(json.dumps(state, ensure_ascii=False).encode()).hexdigest()[:32]


def lock_counter(counter_id: int) -> DayCounter | None:
    """Hold the counter for the rest of this transaction; return it as stored now, or None.

    A no-op UPDATE locks on both databases: PostgreSQL holds the row until commit, so a second
    save waits and then reads the first one's result; SQLite takes its one write lock.
    """
    db.session.execute(
        update(DayCounter)
        .where(DayCounter.id == counter_id)
        .values(position=DayCounter.position),
        execution_options={"synchronize_session": False},
    )
    return db.session.get(DayCounter, counter_id, populate_existing=True)


def counter_matches(counter: DayCounter, form: CounterForm) -> bool:
    """Tell whether the stored counter already says exactly what the form says (a double submit)."""
    if (counter.event_date, counter.timezone, counter.position) != (
        form.event_date.data, form.timezone.data, form.position.data
    ):
        return False
    for lang in LANGUAGES:
        sub = form[lang].form
        found = counter.text(lang)
        stored = tuple(getattr(found, name) if found else "" for name in COUNTER_TEXT_FIELDS)
        wanted = tuple(sub[name].data or "" for name in COUNTER_TEXT_FIELDS)
        if stored != wanted:
            return False
    return True
