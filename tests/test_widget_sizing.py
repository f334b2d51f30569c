"""The frame height estimates (pressroom/widgets/sizing.py): pure functions, without Flask."""

from pressroom.widgets import sizing

CITIES = [("Moscow", "MSK"), ("London", "GMT"), ("Tokyo", "JST"), ("New York", "EST"),
          ("Sydney", "AEDT"), ("Buenos Aires", "ART")]
TITLES = ["Statement on the harbour accord", "Minister’s interview to the Northern Courier on "
          "the fisheries talks and the new consulate in Skarn"]


def test_text_wraps_more_as_the_box_narrows():
    """A line count never falls as the width shrinks, and is at least one."""
    text = "The ministry welcomes the signing of the accord " * 3
    counts = [sizing.text_lines(text, width, 16) for width in (1200, 420, 288, 150, 10)]
    assert counts == sorted(counts) and counts[0] >= 1
    assert sizing.text_lines("", 300, 16) == 1
    assert sizing.text_lines(text, 300, 16, caps=True) > sizing.text_lines(text, 300, 16)


def test_clocks_grow_with_cities_and_narrowness():
    """More cities, or a narrower frame, never make the clock box shorter."""
    heights = [sizing.clocks_height("Clocks", CITIES[:n], 288, True, True) for n in (1, 3, 6)]
    assert heights[0] < heights[1] < heights[2]
    assert sizing.clocks_height("Clocks", CITIES, 1200, True, True) < heights[2]
    assert sizing.clocks_height("Clocks", CITIES, 288, True, False) >= heights[2]


def test_a_clock_wider_than_its_frame_is_planned_on_two_lines():
    """A city and a 12-hour time that do not fit the frame's width wrap within their clock:
    Buenos Aires in Russian in the evening ("6:30:00 вечера") at a phone's width is two lines,
    so three such clocks are taller than three one-line rows."""
    evening = [("Москва", "МСК"), ("Буэнос-Айрес", ""), ("Токио", "")]
    one_line = [("Рим", ""), ("Осло", ""), ("Баку", "")]
    tall = sizing.clocks_height("Часы", evening, 288, True, False)
    short = sizing.clocks_height("Часы", one_line, 288, True, False)
    assert tall >= short + 1.2 * sizing.REM * sizing.LINE_HEIGHT


def test_latest_plans_for_its_limit_and_a_longer_title():
    """Every row of the limit is planned, unfilled rows as tall as the longest title, and one
    more line's worth for a longer title pushing a short one out."""
    one = sizing.latest_height("Latest", TITLES[:1], 1, "All", "None yet", 288)
    twenty = sizing.latest_height("Latest", TITLES, 20, "All", "None yet", 288)
    assert one < twenty
    assert twenty > 20 * (sizing.REM * sizing.LINE_HEIGHT * 2)  # date and a title line each
    short_only = sizing.latest_height("Latest", TITLES[:1] * 2, 2, "All", "None", 288)
    mixed = sizing.latest_height("Latest", TITLES, 2, "All", "None", 288)
    assert mixed > short_only
    assert sizing.latest_height("Latest", [], 5, "All", "None yet", 288) < one * 2


def test_a_card_and_a_counter_grow_when_narrow():
    """The statement card and the counter are taller at a phone's width than at their own."""
    lead = "The ministry welcomes the signing of the harbour accord by both governments. " * 2
    assert sizing.card_height("Title", "Statement · 1 March", lead, "Read", 288) > (
        sizing.card_height("Title", "Statement · 1 March", lead, "Read", 560)
    )
    phrase = "5 days have passed since the signing of the harbour accord in Skarn"
    assert sizing.counter_height(phrase, "1 March 2026", 288) > (
        sizing.counter_height(phrase, "1 March 2026", 1200)
    )
    # Without a visible heading, a frame is only its padding and body.
    assert sizing.frame(None, 420, 100) < sizing.frame("Day counter", 420, 100)


def test_a_withdrawn_card_is_taller_by_its_notice():
    """The withdrawn note adds its two lines (more when the reason wraps) and its padding."""
    args = ("Title", "Statement · 1 March", "A lead.", "Read")
    plain = sizing.card_height(*args, 420)
    short = sizing.card_height(*args, 420, ("Withdrawn on 1 March 2026:", "Issued in error."))
    long = sizing.card_height(*args, 420, ("Withdrawn on 1 March 2026:", "Superseded. " * 20))
    assert short >= plain + 2 * sizing.REM * sizing.LINE_HEIGHT + 2.9 * sizing.REM - 1
    assert long > short
