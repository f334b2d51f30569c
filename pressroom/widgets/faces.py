"""What a clock or a day counter shows, computed once for the home page and the widgets."""

from dataclasses import dataclass
from datetime import date, datetime

from .. import timekeeping
from ..content import Counter
from ..i18n import city_name, clock_time, date_long, day_count_phrase


@dataclass(frozen=True)
class ClockFace:
    """One city clock at one instant, with what a client needs to keep it ticking.

    `offset` is the zone's current UTC offset in seconds; at `switch_at` (if any) it becomes
    `next_offset` and the abbreviation `next_abbreviation` (daylight saving starts or ends).
    """

    timezone: str
    city: str
    local: datetime
    text: str
    abbreviation: str
    offset: int
    switch_at: datetime | None
    next_offset: int
    next_abbreviation: str


@dataclass(frozen=True)
class CounterFace:
    """One day counter on one day."""

    id: int
    days: int
    phrase: str
    caption: str
    event_date: date
    event_text: str
    timezone: str
    changes_at: datetime


def clock_faces(
    zones: list[str], lang: str, now: datetime, seconds: bool = True, hour24: bool = True
) -> list[ClockFace]:
    """Return the faces of clocks in `zones` at instant `now`."""
    faces = []
    for tz in zones:
        local = timekeeping.now_in(tz, now)
        switch_at = timekeeping.next_transition(tz, now)
        after = timekeeping.now_in(tz, switch_at) if switch_at else local
        faces.append(
            ClockFace(
                timezone=tz,
                city=city_name(tz, lang),
                local=local,
                text=clock_time(local, lang, seconds=seconds, hour24=hour24),
                abbreviation=local.tzname() or "",
                offset=int(local.utcoffset().total_seconds()),
                switch_at=switch_at,
                next_offset=int(after.utcoffset().total_seconds()),
                next_abbreviation=after.tzname() or "",
            )
        )
    return faces


def counter_face(counter: Counter, lang: str, now: datetime) -> CounterFace:
    """Return what a day counter shows at instant `now`."""
    days = timekeeping.days_between(counter.event_date, counter.timezone, now)
    return CounterFace(
        id=counter.id,
        days=days,
        phrase=day_count_phrase(days, counter.label, lang),
        caption=counter.caption,
        event_date=counter.event_date,
        event_text=date_long(counter.event_date, lang),
        timezone=counter.timezone,
        changes_at=timekeeping.next_midnight(counter.timezone, now),
    )
