"""What a clock or a day counter shows, computed once for the home page and the widgets."""

from dataclasses import dataclass
from datetime import datetime

from .. import timekeeping
from ..content import Counter
from ..i18n import city_name, clock_time, date_long, day_count_phrase


@dataclass(frozen=True)
class ClockFace:
    """One city clock at one instant."""

    timezone: str
    city: str
    local: datetime
    text: str
    abbreviation: str


@dataclass(frozen=True)
class CounterFace:
    """One day counter on one day."""

    id: int
    days: int
    phrase: str
    caption: str
    event_date: datetime
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
        faces.append(
            ClockFace(
                timezone=tz,
                city=city_name(tz, lang),
                local=local,
                text=clock_time(local, lang, seconds=seconds, hour24=hour24),
                abbreviation=local.tzname() or "",
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
