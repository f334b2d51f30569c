"""The dashboard's list of statements: its filters, read from the query string, and its pages.

No total is counted (at 100,000 statements counting costs more than the page): one row past the
page tells whether an older page follows, as on the public listing.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, false, select
from sqlalchemy.orm import selectinload

from .. import search
from ..extensions import db
from ..models import KINDS, Statement, StatementText

#: The states the dashboard tells apart and filters by, in the order the filter offers them.
STATUS_FILTERS = {
    "draft": _l("Draft"),
    "review": _l("In review"),
    "scheduled": _l("Scheduled"),
    "published": _l("Published"),
    "withdrawn": _l("Withdrawn"),
}
#: The translator's worklists: statements without a text in this language.
MISSING = {"ru": _l("Missing Russian"), "en": _l("Missing English")}
#: A page number as the dashboard accepts it; anything else means the first page.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


@dataclass(frozen=True)
class Filters:
    """What narrows the dashboard's list: a state, a kind, a missing language, title words."""

    status: str | None = None
    kind: str | None = None
    missing: str | None = None
    words: str = ""

    def params(self) -> dict[str, str]:
        """Return the filters as query parameters (for the pagination links)."""
        found = {"status": self.status, "kind": self.kind, "missing": self.missing,
                 "q": self.words}
        return {name: value for name, value in found.items() if value}

    def __bool__(self) -> bool:
        """Tell whether any filter is set."""
        return bool(self.params())


def filters_from(args) -> tuple[Filters, list[str]]:
    """Return the filters a query string asks for, and a message for each value that was not
    understood (that filter is then left out)."""
    problems = []

    def chosen(name: str, allowed, message: str) -> str | None:
        value = args.get(name) or None
        if value is not None and value not in allowed:
            problems.append(message)
            return None
        return value

    status = chosen("status", STATUS_FILTERS, _("There is no such status; it is left out."))
    kind = chosen("kind", KINDS, _("There is no such kind; it is left out."))
    missing = chosen("missing", MISSING, _("There is no such language; it is left out."))
    words = " ".join((args.get("q") or "").split())
    if len(words) > search.MAX_QUERY:
        problems.append(
            _("The title search is limited to %(count)d characters; it is left out.",
              count=search.MAX_QUERY)
        )
        words = ""
    return Filters(status, kind, missing, words), problems


def page_number(args) -> int:
    """Return the page `?page=` asks for; anything but a plain number means the first."""
    raw = args.get("page", "1")
    return int(raw) if PAGE_NUMBER.fullmatch(raw) else 1


def status_key(statement: Statement, now: datetime) -> str:
    """Return which of STATUS_FILTERS a statement is in at `now`."""
    if statement.status != "published":
        return statement.status
    if statement.withdrawn_at is not None:
        return "withdrawn"
    return "scheduled" if statement.published_at > now else "published"


def _conditions(filters: Filters, now: datetime) -> list:
    """Return the SQL conditions of the filters at `now` (None when the words find nothing)."""
    found = []
    published = Statement.status == "published"
    live = (published, Statement.withdrawn_at.is_(None))
    match filters.status:
        case "draft" | "review":
            found.append(Statement.status == filters.status)
        case "scheduled":
            found += [*live, Statement.published_at > now]
        case "published":
            found += [*live, Statement.published_at <= now]
        case "withdrawn":
            # Few are withdrawn: their own index finds them first (asked plainly, SQLite walks
            # every published statement, 50-80 ms at 100,000). One made a draft again is a draft.
            withdrawn = select(Statement.id).where(Statement.withdrawn_at.is_not(None))
            found += [Statement.id.in_(withdrawn), published]
    if filters.kind:
        found.append(Statement.kind == filters.kind)
    if filters.missing:
        found.append(~exists().where(
            StatementText.statement_id == Statement.id, StatementText.lang == filters.missing
        ))
    if filters.words:
        matching = search.title_matches(filters.words)
        found.append(Statement.id.in_(matching) if matching is not None else false())
    return found


def statements_page(
    filters: Filters, number: int, size: int, now: datetime
) -> tuple[list[Statement], bool]:
    """Return page `number` of the statements the filters keep, newest first, and whether an
    older page follows. Only titles and languages of the texts are loaded, never bodies."""
    query = (
        select(Statement)
        .where(*_conditions(filters, now))
        .options(selectinload(Statement.texts).load_only(
            StatementText.lang, StatementText.title, StatementText.statement_id
        ))
        .order_by(Statement.published_at.desc(), Statement.id.desc())
        .offset((number - 1) * size)
        .limit(size + 1)
    )
    rows = db.session.scalars(query).all()
    return list(rows[:size]), len(rows) > size
