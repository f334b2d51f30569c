"""Read queries over the whole public archive: statements by calendar month, feed entries and
the rows of the sitemaps.

Like `content.py`, every query returns frozen dataclasses and is cached under the content token,
so a save (or a scheduled statement falling due) renews them all at once. Months are calendar
months in the site's zone (PRESSROOM_TIMEZONE): a statement published at 23:30 on 31 July in
Moscow belongs to July even though it is 20:30 UTC.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache

from sqlalchemy import DateTime, Interval, case, cast, func, literal, select, type_coerce

from . import timekeeping
from .content import (
    ITEM_COLUMNS,
    Item,
    _item,
    _public,
    _published,
    cached,
    picture,
)
from .extensions import db
from .models import Statement, StatementImage, StatementText

#: The earliest instant from which the zone's history of offsets is followed; a statement dated
#: before it is placed by the zone's offset of that day.
HISTORY_START = datetime(1900, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Month:
    """A calendar month with public statements in one language."""

    year: int
    month: int
    count: int


@dataclass(frozen=True)
class Year:
    """A year with public statements in one language, and its months in calendar order."""

    year: int
    count: int
    months: tuple[Month, ...]

    def month(self, number: int) -> Month | None:
        """Return the month `number` (1–12) of this year, or None when it has no statements."""
        return next((m for m in self.months if m.month == number), None)


@dataclass(frozen=True)
class Entry(Item):
    """A statement as a feed carries it: the listing fields, the body, and when it last changed
    for its readers (a change note; a minor edit does not count)."""

    body: str = ""
    updated: datetime | None = None


@dataclass(frozen=True)
class Location:
    """A public statement as a sitemap lists it: its slug in each language and its last change."""

    id: int
    updated: datetime
    slugs: dict[str, str] = field(default_factory=dict)


def _aware(value) -> datetime:
    """Return a stored instant as an aware UTC datetime, however the driver handed it back."""
    if isinstance(value, str):  # SQLite returns aggregates of a subquery as text
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _last_change(published_at, updated_at) -> datetime:
    """Return when a statement last changed for its readers: published, or edited since."""
    published = _aware(published_at)
    return max(published, _aware(updated_at)) if updated_at is not None else published


# Calendar months in the site's zone ----------------------------------------------------------


def _offset(tz: str, instant: datetime) -> int:
    """Return the zone's UTC offset at `instant`, in seconds."""
    return int(instant.astimezone(timekeeping.zone(tz)).utcoffset().total_seconds())


@lru_cache(maxsize=8)
def offset_history(tz: str, until_year: int) -> tuple[tuple[datetime, int], ...]:
    """Return the zone's UTC offsets from 1900 to the end of `until_year`, newest first, as
    (UTC instant from which it holds, offset in seconds); the last one holds before 1900 too.

    The zone is sampled weekly and each change found is narrowed to the second. Two changes less
    than a week apart that cancel out would be missed; checked against every zone of the tz
    database at 12-hour steps since 1900, none has such a pair.
    """
    end = int(datetime(until_year + 1, 1, 1, tzinfo=UTC).timestamp())
    week = 7 * 24 * 3600

    def offset_at(seconds: int) -> int:
        """Return the offset at a Unix time."""
        return _offset(tz, datetime.fromtimestamp(seconds, UTC))

    here = int(HISTORY_START.timestamp())
    history = [(here, offset_at(here))]
    while here < end:
        there = min(here + week, end)
        if offset_at(there) != history[-1][1]:
            before, after = here, there  # the offset changes in (before, after]
            while after - before > 1:
                middle = (before + after) // 2
                if offset_at(middle) == history[-1][1]:
                    before = middle
                else:
                    after = middle
            history.append((after, offset_at(after)))
        here = there
    return tuple(
        (datetime.fromtimestamp(start, UTC), seconds) for start, seconds in reversed(history)
    )


def local_month_key(column, tz: str, dialect: str, first: datetime, last: datetime):
    """Return an SQL expression for the local calendar month ('YYYY-MM') of a UTC column whose
    values lie between `first` and `last`.

    The offsets come from Python's tz database, the same that `month_bounds` uses, so a month's
    count and its listing always agree, on SQLite (which knows no zones) as on PostgreSQL. Only
    the offsets the zone had between `first` and `last` are asked about: usually just one, so
    the database shifts every row by a constant.
    """
    history = offset_history(tz, last.year)
    used = []
    for start, seconds in history:  # newest first
        if start <= last:
            used.append((start, f"{seconds:+d} seconds"))
        if start <= first:
            break
    if len(used) == 1:
        shift = literal(used[0][1])
    else:
        # Newest first: recent statements, the most, stop at the first branch.
        shift = case(*[(column >= start, text) for start, text in used[:-1]], else_=used[-1][1])
    if dialect == "postgresql":
        return func.to_char(type_coerce(column, DateTime()) + cast(shift, Interval()), "YYYY-MM")
    return func.strftime("%Y-%m", column, shift)


def month_bounds(year: int, month: int, tz: str) -> tuple[datetime, datetime]:
    """Return the UTC instants at which a local calendar month starts and the next one starts."""
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return (
        timekeeping.local_to_utc(datetime(year, month, 1), tz),
        timekeeping.local_to_utc(datetime(*following, 1), tz),
    )


def year_bounds(year: int, tz: str) -> tuple[datetime, datetime]:
    """Return the UTC instants at which a local calendar year starts and the next one starts."""
    return (
        timekeeping.local_to_utc(datetime(year, 1, 1), tz),
        timekeeping.local_to_utc(datetime(year + 1, 1, 1), tz),
    )


def calendar(lang: str, tz: str) -> tuple[Year, ...]:
    """Return the years with public statements in `lang`, newest first, each with its months
    and their counts: one grouped query over the whole archive, bodies never read (and, before
    it, the first and last publication, two steps down an index)."""

    def compute():
        public = _public(timekeeping.utcnow())
        first, last = db.session.execute(
            select(
                select(Statement.published_at)
                .where(*public)
                .order_by(Statement.published_at)
                .limit(1)
                .scalar_subquery(),
                select(Statement.published_at)
                .where(*public)
                .order_by(Statement.published_at.desc())
                .limit(1)
                .scalar_subquery(),
            )
        ).one()
        if first is None:
            return ()
        dialect = db.session.get_bind().dialect.name
        key = local_month_key(Statement.published_at, tz, dialect, _aware(first), _aware(last))
        rows = (
            select(key.label("month"))
            .join(StatementText, StatementText.statement_id == Statement.id)
            .where(StatementText.lang == lang, *public)
            .subquery()
        )
        by_year: dict[int, list[Month]] = {}
        for month_key, count in db.session.execute(
            select(rows.c.month, func.count()).group_by(rows.c.month)
        ):
            year, month = map(int, month_key.split("-"))
            by_year.setdefault(year, []).append(Month(year, month, count))
        return tuple(
            Year(year, sum(m.count for m in months), tuple(sorted(months, key=lambda m: m.month)))
            for year, months in sorted(by_year.items(), reverse=True)
        )

    return cached("calendar", lang, tz, compute=compute)


def has_statements(lang: str, start: datetime, end: datetime, skip: int = 0) -> bool:
    """Tell whether more than `skip` public statements in `lang` were published in [start, end):
    whether another language's archive has the same page, without counting its calendar."""

    def compute():
        return (
            db.session.scalar(
                select(Statement.id)
                .join(StatementText, StatementText.statement_id == Statement.id)
                .where(
                    StatementText.lang == lang,
                    *_public(timekeeping.utcnow()),
                    Statement.published_at >= start,
                    Statement.published_at < end,
                )
                .order_by(Statement.published_at)
                .offset(skip)
                .limit(1)
            )
            is not None
        )

    return cached("has", lang, start.isoformat(), end.isoformat(), skip, compute=compute)


def period(
    lang: str, start: datetime, end: datetime, number: int, size: int
) -> list[Item]:
    """Return page `number` of the public statements in `lang` published in [start, end),
    newest first, without bodies (the caller knows the total from `calendar`)."""

    def compute():
        query = (
            select(*ITEM_COLUMNS)
            .join(StatementText, StatementText.statement_id == Statement.id)
            .outerjoin(StatementImage, StatementImage.statement_id == Statement.id)
            .where(
                StatementText.lang == lang,
                *_public(timekeeping.utcnow()),
                Statement.published_at >= start,
                Statement.published_at < end,
            )
            .order_by(Statement.published_at.desc(), Statement.id.desc())
            .offset((number - 1) * size)
            .limit(size)
        )
        return [_item(row) for row in db.session.execute(query)]

    return cached("period", lang, start.isoformat(), end.isoformat(), number, size, compute=compute)


# Feeds ---------------------------------------------------------------------------------------


def feed(lang: str, limit: int, kind: str | None = None) -> list[Entry]:
    """Return the newest `limit` public statements in `lang`, bodies included, for a feed."""

    def compute():
        query = (
            select(*ITEM_COLUMNS, StatementText.body, Statement.public_updated_at)
            .join(StatementText, StatementText.statement_id == Statement.id)
            .outerjoin(StatementImage, StatementImage.statement_id == Statement.id)
            .where(StatementText.lang == lang, *_public(timekeeping.utcnow()))
            .order_by(Statement.published_at.desc(), Statement.id.desc())
            .limit(limit)
        )
        if kind:
            query = query.where(Statement.kind == kind)
        return [
            Entry(
                row.id, row.kind, row.published_at, row.lang, row.title, row.slug, row.lead,
                image=picture(row.width, row.height, row.renditions, row), body=row.body,
                updated=_last_change(row.published_at, row.public_updated_at),
            )
            for row in db.session.execute(query)
        ]

    return cached("feed", lang, limit, kind or "", compute=compute)


# Sitemaps ------------------------------------------------------------------------------------


def slices(size: int) -> tuple[datetime, ...]:
    """Cut the public statements, oldest first by id, into slices of `size`, and return when
    each slice last changed: one grouped query, whose length is the number of slices.

    Withdrawn statements stay in the sitemaps (their pages answer 200 under the withdrawal
    notice, as GOV.UK keeps them), with the withdrawal as their last change, so search engines
    come back for the notice soon rather than keep showing the old text.
    """

    def compute():
        numbered = (
            select(
                ((func.row_number().over(order_by=Statement.id) - 1) // size).label("slice"),
                Statement.published_at,
                Statement.updated_at,
            )
            .where(*_published(timekeeping.utcnow()))
            .subquery()
        )
        rows = db.session.execute(
            select(
                numbered.c.slice,
                func.max(numbered.c.published_at),
                func.max(numbered.c.updated_at),
            )
            .group_by(numbered.c.slice)
            .order_by(numbered.c.slice)
        )
        return tuple(_last_change(published, updated) for _, published, updated in rows)

    return cached("slices", size, compute=compute)


def locations(number: int, size: int) -> list[Location]:
    """Return slice `number` (from 1) of the public statements, `size` a slice, oldest first
    by id, with the slug of each language: one query, no bodies.

    Not cached apart from the child sitemap made of it, which is: a slice of 25,000 statements
    took a third of a second more to pickle and its memory twice. The rows are read through the
    connection, without the ORM's loading machinery (a third of the query's time).
    """
    ids = (
        select(Statement.id)
        .where(*_published(timekeeping.utcnow()))
        .order_by(Statement.id)
        .offset((number - 1) * size)
        .limit(size)
        .subquery()
    )
    rows = db.session.connection().execute(
        select(
            Statement.id,
            Statement.published_at,
            Statement.updated_at,
            StatementText.lang,
            StatementText.slug,
        )
        .join(StatementText, StatementText.statement_id == Statement.id)
        .where(Statement.id.in_(select(ids.c.id)))
        .order_by(Statement.id, StatementText.lang)
    )
    found: dict[int, Location] = {}
    for sid, published_at, updated_at, lang, slug in rows:
        if sid not in found:
            found[sid] = Location(sid, _last_change(published_at, updated_at))
        found[sid].slugs[lang] = slug
    return list(found.values())
