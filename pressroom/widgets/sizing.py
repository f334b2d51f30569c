"""How tall a widget's frame must be at a given width, estimated from its options and its text.

A partner's iframe code carries a height before any script runs, so the estimate errs on the tall
side: a wide sans-serif face (DejaVu Sans, the widest of the usual system faces) and lines that
words never quite fill. A frame sized by it shows all of its content without a scrollbar; the
resize message `static/js/embed.js` listens to then makes the height exact. The figures mirror
`static/css/widgets.css` and `components.css` (16 px root, line height 1.4); pure functions,
tested without Flask.
"""

from math import ceil

#: The narrowest frame an estimate plans for when the partner's width is unknown: a 320 px
#: phone less a partner page's margins.
NARROWEST = 288
#: Pixels of the root font size; every rem below is this many pixels.
REM = 16
LINE_HEIGHT = 1.4
#: Average advance of a character, in ems, for a regular and a bold face; capitals are wider.
REGULAR_EM, BOLD_EM, CAPS_EM = 0.62, 0.68, 0.82
#: Share of a line that words fill before one wraps to the next.
FILL = 0.88
#: Pixels added to every estimate: rounding in the browser, a last line's descenders.
SLACK = 6


def text_lines(text: str, width: float, size: float, bold: bool = False, caps: bool = False) -> int:
    """Return how many lines `text` takes at `size` px in a box `width` px wide (at least one)."""
    em = CAPS_EM if caps else BOLD_EM if bold else REGULAR_EM
    # Letter spacing of the uppercase heading (.05em) is in CAPS_EM.
    usable = max(width, size * 4) * FILL
    return max(1, ceil(len(text) * size * em / usable))


def block(text: str, width: float, size: float, bold: bool = False, caps: bool = False) -> float:
    """Return the height in px of a paragraph of `text`."""
    return text_lines(text, width, size, bold, caps) * size * LINE_HEIGHT


def frame(title: str | None, width: int, body: float) -> int:
    """Return the height of a widget page: its padding, its visible heading (None: the heading
    is for screen readers only) and a body `body` px tall."""
    padding = 2 * 0.6 * REM
    heading = 0.0
    if title is not None:
        heading = block(title, inner(width), 0.8 * REM, bold=True, caps=True) + 0.6 * REM + 2
    return ceil(padding + heading + body) + SLACK


def inner(width: int) -> float:
    """Return the width of a widget page's content (the page's side padding taken off)."""
    return width - 1.5 * REM


def clocks_height(
    title: str, faces: list[tuple[str, str]], width: int, seconds: bool, hour24: bool
) -> int:
    """Return the height of the clock widget for (city, zone abbreviation) pairs at `width`."""
    time_chars = (8 if seconds else 5) + (0 if hour24 else 7)  # " вечера"
    gap_x, gap_y = 1.25 * REM, 0.4 * REM
    available = inner(width)
    row = 1.2 * REM * LINE_HEIGHT
    rows, lines, used = 0, 0, 0.0
    for city, abbreviation in faces:
        item = (
            len(city) * REM * BOLD_EM
            + 0.4 * REM
            + time_chars * 1.2 * REM * REGULAR_EM
            + 0.4 * REM
            + len(abbreviation) * 0.8 * REM * REGULAR_EM
        )
        if item > available:
            # Wider than the frame: a row of its own, its city and time wrapping within it
            # ("Буэнос-Айрес 6:30:00 вечера" at 288 px, from 18:00 there on).
            rows, lines, used = rows + 1, lines + ceil(item / (available * FILL)), 0.0
        elif used and used + gap_x + item <= available:
            used += gap_x + item
        else:
            rows, lines, used = rows + 1, lines + 1, item
    return frame(title, width, max(lines, 1) * row + max(rows - 1, 0) * gap_y)


#: Characters a counter's sentence may gain after its code is pasted: from its first day to
#: its thousandth, three digits, a group separator and a longer plural form with its verb
#: ("1 day has passed" → "1,000 days have passed"; "Прошёл 1 день" → "Прошло 1 000 дней").
PHRASE_GROWTH = 6


def counter_height(phrase: str, meta: str, width: int, growth: int = PHRASE_GROWTH) -> int:
    """Return the height of a day counter widget at `width` (its sentence is its heading),
    planned for the sentence `growth` characters longer: a partner pastes the code once, and
    the number grows every day."""
    available = inner(width) - 4 - 1.4 * REM  # the accent border and the side padding
    body = (
        0.4 * REM
        + block(phrase + "0" * growth, available, 1.1 * REM, bold=True)
        + 0.2 * REM
        + block(meta, available, 0.9 * REM)
    )
    return frame(None, width, body)


def more_link(text: str, width: int) -> float:
    """Return the height of the bold "All statements" line under a list or a card."""
    return 0.4 * REM + block(text, inner(width), 0.9 * REM, bold=True)


def photo_height(ratio: float, widest: int) -> float:
    """Return the height of a photo shown as wide as a widget page's content, in the widest
    frame the page may get; `ratio` is its height over its width."""
    return inner(widest) * ratio


def latest_height(
    title: str, titles: list[str], limit: int, more: str, empty: str, width: int,
    thumbs: list[float | None] | None = None,
) -> int:
    """Return the height of the latest-statements box at `width`, for the titles it shows now.

    One more statement arriving may push the shortest title out for one as long as the longest:
    that much is planned too, and rows not filled yet are planned as tall as the longest.
    With `thumbs` (each row's photo height over width, None without one), a row is at least as
    tall as its 4 rem wide thumbnail (widgets.css), and the title wraps beside it.
    """
    if not titles:
        body = block(empty, inner(width), REM) + 2 * REM + more_link(more, width)
        return frame(title, width, body)
    if thumbs is None:
        heights = [block(t, inner(width), REM) for t in titles]
    else:
        beside = inner(width) - 4.6 * REM
        date = 0.8 * REM * LINE_HEIGHT
        heights = [
            max(block(t, beside, REM), 4 * REM * ratio + 0.4 * REM - date) if ratio
            else block(t, inner(width), REM)
            for t, ratio in zip(titles, thumbs, strict=True)
        ]
    rows = sum(heights) + (limit - len(heights)) * max(heights) + max(heights) - min(heights)
    chrome = limit * (0.7 * REM + 1 + 0.8 * REM * LINE_HEIGHT)  # padding, rule and date
    return frame(title, width, rows + chrome + more_link(more, width))


def card_height(
    title: str, meta: str, lead: str, more: str, width: int, notice: tuple[str, str] | None = None,
    photo: float = 0,
) -> int:
    """Return the height of a statement card at `width`: it grows as the width shrinks. A
    withdrawn statement's `notice` is its (bold) "Withdrawn on …" line and the reason; `photo`
    the height of its photo (as wide as the card, components.css: tallest in the widest frame,
    `photo_height`)."""
    body = block(meta, inner(width), 0.85 * REM) + 0.3 * REM + more_link(more, width)
    if photo:
        body += photo + 0.5 * REM
    if lead:
        body += block(lead, inner(width), REM)
    if notice:
        # components.css, .pr-withdrawn: a 6 px rule and 0.9 rem padding each side take width;
        # padding, margins and the gap before the reason take 2.9 rem of height.
        within = inner(width) - 6 - 1.8 * REM
        when, reason = notice
        body += block(when, within, REM, bold=True) + block(reason, within, REM) + 2.9 * REM
    return frame(title, width, body)
