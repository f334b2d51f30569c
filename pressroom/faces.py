"""What a clock or a day counter shows, computed once for the home page and the widgets.

Both the site and the widgets render `widgets/_clock.html` and `widgets/_day_counter.html`:
their contexts are built here, so neither blueprint imports the other's views.
"""

from dataclasses import dataclass
from datetime import date, datetime

from babel import Locale
from flask import url_for
from flask_babel import gettext as _

from . import timekeeping
from .content import Counter
from .i18n import BABEL_LOCALES, city_name, clock_time, date_long, day_count_phrase

#: Seconds between a clock's resynchronisations with the server.
CLOCK_RESYNC = 300


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


def epoch_ms(value: datetime | None) -> int | None:
    """Return an instant as milliseconds since the epoch, for scripts."""
    return None if value is None else int(value.timestamp() * 1000)


def clock_context(
    zones, lang: str, now: datetime, seconds: bool = True, hour24: bool = True
) -> dict:
    """Return what `widgets/_clock.html` needs; the home page and the widget share it."""
    params = {"tz": list(zones), "lang": lang}
    if not seconds:
        params["seconds"] = "off"
    if not hour24:
        params["hours"] = "12"
    return {
        "faces": clock_faces(list(zones), lang, now, seconds=seconds, hour24=hour24),
        "url": url_for("widgets.clock", **params),
        "resync": CLOCK_RESYNC,
        "server_now": epoch_ms(now),
        "seconds": seconds,
        "hour24": hour24,
        "day_periods": day_periods(lang),
    }


def clock_title(zones, lang: str) -> str:
    """Return a clock widget's title, naming its cities: "Clocks: Moscow, London"."""
    return _("Clocks: %(cities)s", cities=", ".join(city_name(z, lang) for z in zones))


def day_periods(lang: str) -> tuple[str, str]:
    """Return the language's abbreviated am/pm markers, as Babel writes them."""
    periods = Locale.parse(BABEL_LOCALES[lang]).day_periods["format"]["abbreviated"]
    return periods["am"], periods["pm"]


def counter_context(counter: Counter, lang: str, now: datetime) -> dict:
    """Return what `widgets/_day_counter.html` needs for one counter."""
    face = counter_face(counter, lang, now)
    return {
        "face": face,
        "url": url_for("widgets.day_counter", counter_id=counter.id, lang=lang),
        "refresh_at": epoch_ms(face.changes_at),
        "server_now": epoch_ms(now),
    }
