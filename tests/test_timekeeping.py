"""Pure time functions, tested without Flask."""

from datetime import UTC, date, datetime

import pytest

from pressroom import timekeeping


def test_now_in_follows_london_daylight_saving_to_the_second():
    """London switches from GMT to BST at 01:00 UTC on 29 March 2026."""
    before = timekeeping.now_in("Europe/London", datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC))
    after = timekeeping.now_in("Europe/London", datetime(2026, 3, 29, 1, 0, 0, tzinfo=UTC))
    assert (before.strftime("%H:%M:%S"), before.tzname()) == ("00:59:59", "GMT")
    assert (after.strftime("%H:%M:%S"), after.tzname()) == ("02:00:00", "BST")


def test_moscow_has_no_daylight_saving():
    """Moscow stays at UTC+3 all year."""
    for month in (1, 7):
        local = timekeeping.now_in("Europe/Moscow", datetime(2026, month, 1, 12, tzinfo=UTC))
        assert local.utcoffset().total_seconds() == 3 * 3600


@pytest.mark.parametrize(
    ("instant", "expected"),
    [
        (datetime(2026, 3, 14, 20, 59, 59, tzinfo=UTC), 0),  # 23:59:59 in Moscow on the day
        (datetime(2026, 3, 14, 21, 0, 0, tzinfo=UTC), 1),  # midnight in Moscow
        (datetime(2026, 3, 13, 21, 0, 0, tzinfo=UTC), 0),  # the event day's first second
        (datetime(2026, 3, 13, 20, 59, 59, tzinfo=UTC), -1),  # the evening before
    ],
)
def test_days_between_counts_calendar_days_in_the_event_zone(instant, expected):
    """The count changes at midnight in the counter's zone, not at midnight UTC."""
    assert timekeeping.days_between(date(2026, 3, 14), "Europe/Moscow", instant) == expected


def test_days_between_is_not_fooled_by_a_23_hour_day():
    """Across the spring change in London, one calendar day is still one day."""
    event = date(2026, 3, 28)
    # 29 March 2026 in London has 23 hours; 23:30 BST on the 29th is 22:30 UTC.
    assert (
        timekeeping.days_between(event, "Europe/London", datetime(2026, 3, 29, 22, 30, tzinfo=UTC))
        == 1
    )
    assert (
        timekeeping.days_between(event, "Europe/London", datetime(2026, 3, 29, 23, 0, tzinfo=UTC))
        == 2
    )


def test_next_midnight_is_local_midnight_in_utc():
    """The next change of a Moscow counter is at 21:00 UTC."""
    assert timekeeping.next_midnight(
        "Europe/Moscow", datetime(2026, 3, 15, 9, tzinfo=UTC)
    ) == datetime(2026, 3, 15, 21, tzinfo=UTC)


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "Europe/../../etc/passwd", "", "UTC\x00", "Mars/Olympus"]
)
def test_unknown_or_path_like_zones_are_refused(name):
    """Only names from the tz database are accepted; nothing is read from a path."""
    assert not timekeeping.is_timezone(name)
    with pytest.raises(ValueError):
        timekeeping.zone(name)


def test_next_transition_is_found_to_the_second():
    """The spring change in London is at 01:00:00 UTC on 29 March 2026; Moscow has none."""
    now = datetime(2026, 3, 28, 12, 0, 0, tzinfo=UTC)
    assert timekeeping.next_transition("Europe/London", now) == datetime(2026, 3, 29, 1, tzinfo=UTC)
    assert timekeeping.next_transition("Europe/Moscow", now) is None
    autumn = datetime(2026, 10, 24, 22, 30, 15, tzinfo=UTC)
    assert timekeeping.next_transition("Europe/London", autumn) == datetime(
        2026, 10, 25, 1, tzinfo=UTC
    )
