"""The widgets' query parameters: a public contract, each one validated.

A parser returns the clean options, or raises `BadParameters` naming each wrong parameter and
what would be right. Error messages never repeat the value that was sent.
"""

import re
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from ..config import LANGUAGES
from ..faces import shows_zone
from ..models import KINDS

MAX_CLOCKS = 6
MAX_LIMIT = 20
HEX_COLOUR = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
COMMON = ("lang", "theme", "accent")


class BadParameters(Exception):
    """Raised with {parameter: what would be right} for every invalid parameter."""

    def __init__(self, lang: str, problems: dict[str, str]):
        super().__init__(problems)
        self.lang = lang
        self.problems = problems


@dataclass(frozen=True)
class Common:
    """Options every widget takes."""

    lang: str
    theme: str = "light"
    accent: str | None = None  # "#rrggbb"


@dataclass(frozen=True)
class ClockOptions:
    """Options of the clock widget."""

    common: Common
    zones: tuple[str, ...] = field(default_factory=tuple)
    seconds: bool = True
    hour24: bool = True


@dataclass(frozen=True)
class LatestOptions:
    """Options of the latest-statements widget."""

    common: Common
    limit: int = 5
    kind: str | None = None
    #: Whether each statement shows its photo's thumbnail (`thumbs=on`).
    thumbs: bool = False


def _single(args: MultiDict, name: str, problems: dict, message) -> str | None:
    """Return the one value of `name`, or record a problem when it is given more than once."""
    values = args.getlist(name)
    if len(values) > 1:
        problems[name] = message
        return None
    return values[0] if values else None


def _common(args: MultiDict, allowed: tuple[str, ...], problems: dict) -> Common:
    """Parse lang, theme and accent; record unknown parameters as problems."""
    default = current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]
    lang = _single(args, "lang", problems, _l("“lang” must be one of: en, ru."))
    if lang is not None and lang not in LANGUAGES:
        problems["lang"] = _l("“lang” must be one of: en, ru.")
    lang = lang if lang in LANGUAGES else default

    theme = _single(args, "theme", problems, _l("“theme” must be “light” or “dark”."))
    if theme is not None and theme not in ("light", "dark"):
        problems["theme"] = _l("“theme” must be “light” or “dark”.")

    accent = _single(
        args, "accent", problems, _l("“accent” must be a hex colour such as 0b4f8a or #0b4f8a.")
    )
    if accent is not None:
        match = HEX_COLOUR.fullmatch(accent)
        if match is None:
            problems["accent"] = _l("“accent” must be a hex colour such as 0b4f8a or #0b4f8a.")
            accent = None
        else:
            digits = match.group(1).lower()
            accent = "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))

    for name in args:
        if name not in COMMON and name not in allowed:
            # The parameter name itself is not repeated: it may be hostile.
            problems.setdefault(
                "?",
                _l(
                    "Unknown parameter. This widget takes: %(names)s.",
                    names=", ".join((*COMMON, *allowed)),
                ),
            )
    return Common(lang=lang, theme=theme or "light", accent=accent)


def _flag(args: MultiDict, name: str, on: str, off: str, problems: dict, message) -> bool | None:
    """Parse a two-valued option; None when absent."""
    value = _single(args, name, problems, message)
    if value is None:
        return None
    if value not in (on, off):
        problems[name] = message
        return None
    return value == on


def clock_options(args: MultiDict, default_zones: list[str]) -> ClockOptions:
    """Parse the clock widget's parameters: tz (1–6), seconds=on|off, hours=24|12."""
    problems: dict[str, str] = {}
    common = _common(args, ("tz", "seconds", "hours"), problems)
    # Only zones the visitor sent are checked: the site's own clocks (`default_zones`) are
    # never the visitor's mistake, and one that cannot be shown is shown by its name.
    sent = args.getlist("tz")
    zones = sent or default_zones
    if not 1 <= len(zones) <= MAX_CLOCKS or not all(shows_zone(z) for z in sent):
        problems["tz"] = _l(
            "“tz” must be 1 to 6 time-zone names from the IANA database, e.g. Europe/Moscow."
        )
    seconds = _flag(args, "seconds", "on", "off", problems, _l("“seconds” must be “on” or “off”."))
    hour24 = _flag(args, "hours", "24", "12", problems, _l("“hours” must be “24” or “12”."))
    if problems:
        raise BadParameters(common.lang, problems)
    return ClockOptions(
        common=common,
        zones=tuple(dict.fromkeys(zones)),
        seconds=seconds is not False,
        hour24=hour24 is not False,
    )


def counter_options(args: MultiDict) -> Common:
    """Parse the day counter's parameters (only the common ones)."""
    problems: dict[str, str] = {}
    common = _common(args, (), problems)
    if problems:
        raise BadParameters(common.lang, problems)
    return common


def latest_options(args: MultiDict) -> LatestOptions:
    """Parse the latest-statements widget's parameters: limit=1..20, kind, thumbs=on|off."""
    problems: dict[str, str] = {}
    common = _common(args, ("limit", "kind", "thumbs"), problems)
    limit_message = _l("“limit” must be a whole number from 1 to 20.")
    limit = _single(args, "limit", problems, limit_message)
    if limit is not None and not (
        re.fullmatch(r"[0-9]{1,2}", limit) and 1 <= int(limit) <= MAX_LIMIT
    ):
        problems["limit"] = limit_message
    kind_message = _l("“kind” must be one of: %(kinds)s.", kinds=", ".join(KINDS))
    kind = _single(args, "kind", problems, kind_message)
    if kind is not None and kind not in KINDS:
        problems["kind"] = kind_message
    thumbs = _flag(args, "thumbs", "on", "off", problems, _l("“thumbs” must be “on” or “off”."))
    if problems:
        raise BadParameters(common.lang, problems)
    return LatestOptions(
        common=common, limit=int(limit) if limit else 5, kind=kind, thumbs=bool(thumbs)
    )
