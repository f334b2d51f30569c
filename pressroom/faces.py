"""What a clock or a day counter shows, computed once for the home page and the widgets.

Both the site and the widgets render `widgets/_clock.html` and `widgets/_day_counter.html`:
their contexts are built here, so neither blueprint imports the other's views.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache

from flask import url_for
from flask_babel import gettext as _

from . import timekeeping
from .config import LANGUAGES
from .content import Counter
from .i18n import (
    city_name,
    clock_time,
    date_long,
    day_count_phrase,
    day_periods,
    zone_abbreviation,
)

#: Seconds between a clock's resynchronisations with the server.
CLOCK_RESYNC = 300
#: The longest a day counter is cached (seconds): its widget is kept until its day changes, at
#: most this long, and a shared cache may serve it stale while revalidating as long again.
COUNTER_MAX_AGE = 300


def shows_zone(name: str) -> bool:
    """Tell whether clocks and counters can show zone `name`: a zone of the tz database with an
    offset now and a city name in every language of the site.

    The one check behind widget parameters, the staff forms and the gallery's choices. The tz
    database lists zones CLDR cannot name (`Factory`, `localtime`): those are refused.
    """
    return timekeeping.is_timezone(name) and _renders(name)


# Only names of the tz database get here, so the cache holds at most a few hundred answers.
@cache
def _renders(name: str) -> bool:
    """Tell whether a clock in a known zone renders: offset, next change, city names."""
    now = datetime.now(UTC)
    try:
        local = timekeeping.now_in(name, now)
        timekeeping.next_transition(name, now)
        names = [city_name(name, lang) for lang in LANGUAGES]
    # Whatever fails here would fail every page showing the clock: the zone is refused instead.
    except Exception:
        return False
    return local.utcoffset() is not None and all(names)


def place_name(tz: str, lang: str) -> str:
    """Return a zone's city name in `lang`, or the zone's own name when CLDR has none.

    A clock stored before zones were checked, or whose zone the tz database has since
    dropped, is shown by its name rather than failing the page.
    """
    if shows_zone(tz):
        return city_name(tz, lang)
    return tz


@dataclass(frozen=True)
class ClockFace:
    """One city clock at one instant, with what a client needs to keep it ticking.

    `offset` is the zone's current UTC offset in seconds; at `switch_at` (if any) it becomes
    `next_offset` and the abbreviation `next_abbreviation` (daylight saving starts or ends).
    A stored zone that cannot be shown (see `shows_zone`) gets a face with only its name and no
    time (`local` is None).
    """

    timezone: str
    city: str
    local: datetime | None
    text: str
    abbreviation: str = ""
    offset: int = 0
    switch_at: datetime | None = None
    next_offset: int = 0
    next_abbreviation: str = ""


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
        if not shows_zone(tz):
            faces.append(ClockFace(timezone=tz, city=tz, local=None, text=""))
            continue
        local = timekeeping.now_in(tz, now)
        switch_at = timekeeping.next_transition(tz, now)
        after = timekeeping.now_in(tz, switch_at) if switch_at else local
        faces.append(
            ClockFace(
                timezone=tz,
                city=city_name(tz, lang),
                local=local,
                text=clock_time(local, lang, seconds=seconds, hour24=hour24),
                abbreviation=zone_abbreviation(local.tzname() or "", lang),
                offset=int(local.utcoffset().total_seconds()),
                switch_at=switch_at,
                next_offset=int(after.utcoffset().total_seconds()),
                next_abbreviation=zone_abbreviation(after.tzname() or "", lang),
            )
        )
    return faces


def counter_face(counter: Counter, lang: str, now: datetime) -> CounterFace:
    """Return what a day counter shows at instant `now`.

    A counter stored in a zone that cannot be shown (the tz database has dropped it) counts
    calendar days in UTC rather than failing the page.
    """
    tz = counter.timezone if shows_zone(counter.timezone) else "UTC"
    days = timekeeping.days_between(counter.event_date, tz, now)
    return CounterFace(
        id=counter.id,
        days=days,
        phrase=day_count_phrase(days, counter.label, counter.label_ahead, lang),
        caption=counter.caption,
        event_date=counter.event_date,
        event_text=date_long(counter.event_date, lang),
        timezone=counter.timezone,
        changes_at=timekeeping.next_midnight(tz, now),
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
    return _("Clocks: %(cities)s", cities=", ".join(place_name(z, lang) for z in zones))


def counter_context(
    counter: Counter, lang: str, now: datetime, kept: int = COUNTER_MAX_AGE
) -> dict:
    """Return what `widgets/_day_counter.html` needs for one counter, on a page cached for
    `kept` seconds at most (the counter widget's own, unless the page says less)."""
    face = counter_face(counter, lang, now)
    return {
        "face": face,
        "url": url_for("widgets.day_counter", counter_id=counter.id, lang=lang),
        "refresh_at": epoch_ms(face.changes_at),
        "server_now": epoch_ms(now),
        # How old the stamp may be when a page shows it: kept, then served stale as long again.
        "stamp_age": 2 * kept,
    }
