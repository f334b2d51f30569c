"""Pure time functions: the current instant, local times and calendar-day counts.

Everything is stored in UTC and converted with `zoneinfo` at the edge. Day counts use calendar
dates in the event's own zone, never seconds / 86400, so DST days of 23 or 25 hours count as one.
"""

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones


def utcnow() -> datetime:
    """Return the current instant as an aware UTC datetime (tests replace this function)."""
    return datetime.now(UTC)


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    """Return the IANA zone names this machine's tz database knows."""
    return frozenset(available_timezones())


def is_timezone(name: str) -> bool:
    """Tell whether `name` is a known IANA time-zone name (and nothing path-like)."""
    return isinstance(name, str) and name in known_zones()


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """Return the ZoneInfo for a known zone name; raise ValueError for anything else."""
    if not is_timezone(name):
        raise ValueError(f"unknown time zone: {name!r}")
    return ZoneInfo(name)


def now_in(tz: str, now: datetime | None = None) -> datetime:
    """Return `now` (default: the current instant) as local time in zone `tz`."""
    return (now or utcnow()).astimezone(zone(tz))


def days_between(event: date, tz: str, now: datetime | None = None) -> int:
    """Return calendar days from `event` to today in zone `tz`: positive after, negative before."""
    return (now_in(tz, now).date() - event).days


def next_midnight(tz: str, now: datetime | None = None) -> datetime:
    """Return the UTC instant of the next local midnight in zone `tz` (when a day count changes)."""
    local = now_in(tz, now)
    tomorrow = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone(tz))
    return tomorrow.astimezone(UTC)


def local_to_utc(value: datetime, tz: str) -> datetime:
    """Interpret a naive local datetime in zone `tz` and return it in UTC."""
    return value.replace(tzinfo=zone(tz)).astimezone(UTC)


def next_transition(
    tz: str, now: datetime, horizon: timedelta = timedelta(days=2)
) -> datetime | None:
    """Return the first instant after `now` (within `horizon`) when zone `tz` changes its offset.

    Found by bisection to the second, so a client clock can switch offset at exactly that instant
    without its own time-zone database.
    """
    here = zone(tz)
    start = now.replace(microsecond=0)
    offset = start.astimezone(here).utcoffset()
    if (start + horizon).astimezone(here).utcoffset() == offset:
        return None
    low, high = start, start + horizon
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        middle = middle.replace(microsecond=0)
        if middle.astimezone(here).utcoffset() == offset:
            low = middle
        else:
            high = middle
    return high
