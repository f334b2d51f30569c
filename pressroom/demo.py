"""Load the demo content; loading twice changes nothing."""

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from . import timekeeping
from .content import content_changed
from .demo_content import CLOCKS, COUNTERS, SETTINGS, STATEMENTS
from .extensions import db
from .models import Clock, DayCounter, DayCounterText, SiteSettings, Statement, StatementText
from .text import make_slug, paragraphs_to_html


def _published_at(entry: dict, tz: str, now: datetime) -> datetime:
    """Return a demo statement's publication instant, `days_ago` days before today at `hour`."""
    today = timekeeping.now_in(tz, now).date()
    local = datetime.combine(today - timedelta(days=entry["days_ago"]), time(entry["hour"], 0))
    instant = timekeeping.local_to_utc(local, tz)
    # Today's entries dated later than now would be scheduled, not shown: move them back a day.
    return instant if instant <= now else instant - timedelta(days=1)


def load_statements(tz: str, now: datetime) -> int:
    """Add the demo statements that are not there yet; return how many were added."""
    added = 0
    for entry in STATEMENTS:
        texts = {
            lang: StatementText(
                lang=lang,
                title=entry[lang]["title"],
                slug=make_slug(entry[lang]["title"]),
                lead=entry[lang]["lead"],
                body=paragraphs_to_html(entry[lang]["body"]),
                # The Markdown the edit form shows: the paragraphs, a blank line between.
                body_source="\n\n".join(entry[lang]["body"]),
            )
            for lang in ("en", "ru")
            if lang in entry
        }
        # A demo statement is already there when its first text's slug is taken.
        lang, first = next(iter(texts.items()))
        exists = db.session.scalar(
            select(StatementText.id).where(
                StatementText.lang == lang, StatementText.slug == first.slug
            )
        )
        if exists:
            continue
        db.session.add(
            Statement(
                kind=entry["kind"],
                published_at=_published_at(entry, tz, now),
                status="published",
                featured=entry.get("featured", False),
                texts=list(texts.values()),
            )
        )
        added += 1
    return added


def load_counters(today: date) -> None:
    """Add the demo day counters that are not there yet (matched by English label); an event
    given as days ahead of `today` gets its date from it."""
    for position, entry in enumerate(COUNTERS):
        exists = db.session.scalar(
            select(DayCounterText.id).where(
                DayCounterText.lang == "en", DayCounterText.label == entry["en"]["label"]
            )
        )
        if exists:
            continue
        db.session.add(
            DayCounter(
                event_date=(
                    date.fromisoformat(entry["event_date"]) if "event_date" in entry
                    else today + timedelta(days=entry["days_ahead"])
                ),
                timezone=entry["timezone"],
                position=position,
                texts=[DayCounterText(lang=lang, **entry[lang]) for lang in ("en", "ru")],
            )
        )


def load_clocks_and_settings() -> None:
    """Add the demo clocks and settings that are not there yet."""
    for position, tz in enumerate(CLOCKS):
        if db.session.scalar(select(Clock.id).where(Clock.timezone == tz)) is None:
            db.session.add(Clock(timezone=tz, position=position))
    for lang, values in SETTINGS.items():
        if db.session.get(SiteSettings, lang) is None:
            db.session.add(SiteSettings(lang=lang, **values))


def load_demo(tz: str) -> int:
    """Load all demo content; return how many statements were added."""
    now = timekeeping.utcnow()
    added = load_statements(tz, now)
    load_counters(timekeeping.now_in(tz, now).date())
    load_clocks_and_settings()
    db.session.commit()
    content_changed()
    return added
