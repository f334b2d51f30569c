"""Languages, the locale of each request, and Babel formatting helpers.

The language lives in the URL (`/en/…`, `/ru/…`, or `?lang=` on widgets), so links, htmx
requests and cache keys all carry it. Formatting goes through Babel with an explicit locale:
English uses British conventions ("4 July 2020"), Russian its own ("4 июля 2020 г.").
"""

from datetime import date, datetime
from functools import cache, lru_cache

from babel import Locale
from babel.dates import (
    format_date,
    format_datetime,
    format_interval,
    format_time,
    get_timezone_location,
)
from babel.numbers import format_decimal
from flask import current_app, g, request
from flask_babel import ngettext

from . import timekeeping
from .config import LANGUAGES

#: The Babel locale that formats each language's dates and numbers.
BABEL_LOCALES = {"en": "en_GB", "ru": "ru"}
#: Each language's name in itself, for the language switcher.
NATIVE_NAMES = {"en": "English", "ru": "Русский"}


def current_language() -> str:
    """Return the language of this request (from the URL), or the site's default."""
    lang = g.get("lang")
    return lang if lang in LANGUAGES else current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]


def select_locale() -> str:
    """Flask-Babel locale selector: the Babel locale of the request's language."""
    return BABEL_LOCALES[current_language()]


def preferred_language() -> str:
    """Return the best language for the Accept-Language header, or the default."""
    default = current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]
    try:
        return request.accept_languages.best_match(LANGUAGES, default=default) or default
    except (ValueError, TypeError):  # a header Werkzeug cannot parse is treated as absent
        return default


def date_long(value: date | datetime, lang: str, tz: str | None = None) -> str:
    """Format a date the way each language writes it in prose: "4 July 2020", "4 июля 2020 г."."""
    if isinstance(value, datetime):
        value = value.astimezone(timekeeping.zone(tz)) if tz else value
        value = value.date()
    return _long_date(value, lang)


@lru_cache(maxsize=4096)
def _long_date(value: date, lang: str) -> str:
    """Return Babel's long date, remembered: a listing page writes twenty dates, most of them
    written before, and Babel takes about 0.1 ms for each."""
    return format_date(value, "long", locale=BABEL_LOCALES[lang])


def datetime_short(value: datetime, lang: str, tz: str) -> str:
    """Format an instant as a local date and time: "4 July 2020, 14:05"."""
    local = value.astimezone(timekeeping.zone(tz))
    return f"{date_long(local, lang)}, {format_time(local, 'HH:mm', locale=BABEL_LOCALES[lang])}"


def clock_time(value: datetime, lang: str, seconds: bool = True, hour24: bool = True) -> str:
    """Format a local time for a clock face, e.g. "14:05:09", "2:05:09 pm" or "2:05:09 дня"."""
    locale = BABEL_LOCALES[lang]
    if hour24:
        return format_datetime(value, "HH:mm:ss" if seconds else "HH:mm", locale=locale)
    text = format_datetime(value, "h:mm:ss" if seconds else "h:mm", locale=locale)
    since_midnight = value.hour * 3600 + value.minute * 60 + value.second
    name = next(name for start, name in reversed(day_periods(lang)) if since_midnight >= start)
    return f"{text} {name}"


#: Languages whose 12-hour clock names the part of the day instead of am/pm: Russian has no
#: am/pm of its own (CLDR gives it the Latin "AM"/"PM") and says "3 часа дня", "9 вечера".
FLEXIBLE_DAY_PERIODS = {"ru"}


@cache
def day_periods(lang: str) -> tuple[tuple[int, str], ...]:
    """Return the periods of a 12-hour clock's day: (seconds after midnight it starts, its name).

    Languages in FLEXIBLE_DAY_PERIODS get CLDR's flexible day periods (Russian "2:05 дня",
    "9:30 вечера"), the others am and pm. widgets.js names the period from this same table, so
    a ticking clock and the server write the same words.
    """
    locale = Locale.parse(BABEL_LOCALES[lang])
    names = locale.day_periods["format"]["abbreviated"]
    if lang not in FLEXIBLE_DAY_PERIODS:
        return ((0, names["am"]), (12 * 3600, names["pm"]))
    starts = {}
    for period, rules in locale.day_period_rules[None].items():
        for rule in rules:
            if "from" in rule:  # "at" rules (midnight, noon) name one instant, not a period
                starts[rule["from"]] = names[period]
                if rule["before"] < rule["from"]:  # the night goes on past midnight
                    starts[0] = names[period]
    return tuple(sorted(starts.items()))


#: Zone abbreviations as each language writes them, where it differs from the tz database's
#: (which writes English ones, "MSK", "GMT", or bare offsets, "+10"): a language listed here
#: shows only the abbreviations it has, so a Russian page shows «МСК» and no Latin "GMT".
ZONE_ABBREVIATIONS = {"ru": {"MSK": "МСК"}}


def zone_abbreviation(abbreviation: str, lang: str) -> str:
    """Return a zone's abbreviation as `lang` writes it, or "" when it has none for it."""
    own = ZONE_ABBREVIATIONS.get(lang)
    return abbreviation if own is None else own.get(abbreviation, "")


def number(value: int, lang: str) -> str:
    """Format an integer with the language's grouping: "1,002", "1 002"."""
    return format_decimal(value, locale=BABEL_LOCALES[lang])


@lru_cache(maxsize=1024)
def city_name(tz: str, lang: str) -> str:
    """Return the CLDR exemplar city of a time zone in `lang`: "Moscow", "Москва" (remembered:
    Babel looks it up through the zone's aliases and metazones, about 50 µs a clock face)."""
    return get_timezone_location(tz, locale=BABEL_LOCALES[lang], return_city=True)


def day_count_phrase(days: int, label: str, label_ahead: str, lang: str) -> str:
    """Return a day counter's whole sentence, pluralised so the verb agrees with the count.

    `days` is positive for a past event and negative for a future one. The event comes with
    its own preposition: `label` reads after the count once the event has passed ("since the
    signing", «со дня подписания»), `label_ahead` while it is ahead ("until the signing", «до
    подписания»). Without the one the day needs, the sentence is the count alone.
    """
    n = abs(days)
    count = number(n, lang)
    if days >= 0 and label:
        # I18N: a day counter, a whole sentence (Russian starts with the verb, capitalised).
        # %(event)s is the event with its own preposition, as staff wrote it: "since the
        # signing", «со дня подписания». The verb agrees with the number: "Прошёл 1 день",
        # "Прошло 2 дня", "Прошло 5 дней".
        return ngettext(
            "%(count)s day has passed %(event)s",
            "%(count)s days have passed %(event)s",
            n,
            count=count,
            event=label,
        )
    if days >= 0:
        # I18N: a day counter whose event has no "since …" form: the count alone, a sentence.
        return ngettext("%(count)s day has passed", "%(count)s days have passed", n, count=count)
    if label_ahead:
        # I18N: a countdown, a whole sentence (Russian starts with the verb, capitalised).
        # %(event)s is the event with its own preposition: "until the signing", «до
        # подписания». "Остался 1 день", "Осталось 2 дня", "Осталось 5 дней".
        return ngettext(
            "%(count)s day to go %(event)s",
            "%(count)s days to go %(event)s",
            n,
            count=count,
            event=label_ahead,
        )
    # I18N: a countdown whose event has no "until …" form: the count alone, a sentence.
    return ngettext("%(count)s day to go", "%(count)s days to go", n, count=count)


def _takes_so(word: str) -> bool:
    """Tell whether the Russian preposition «с» becomes «со» before `word` (a word beginning
    with с, з, ш, ж or щ and another consonant, and «мн», «вс», «вт», «дн»: «со смерти», «со
    дня», «со второго»)."""
    word = word.lower()
    if word.startswith(("мн", "вс", "вт", "дн", "щ")):
        return True
    return len(word) > 1 and word[0] in "сзшж" and word[1] not in "аеёиоуыэюяь"


def with_preposition(label: str, lang: str, ahead: bool) -> str:
    """Return an event written before labels carried their preposition, with the one the old
    fixed sentence put before it: "since"/«с» (or «со») after the event, "until"/«до» before.

    For labels stored by earlier versions (the migration and old export files); the old Russian
    label was in the genitive, which both «с» and «до» take.
    """
    if not label:
        return ""
    if lang == "ru":
        return f"до {label}" if ahead else f"{'со' if _takes_so(label) else 'с'} {label}"
    return f"{'until' if ahead else 'since'} {label}"


def language_name(lang: str) -> str:
    """Return a language's name in itself."""
    return NATIVE_NAMES[lang]


def site_zone() -> str:
    """Return the site's time zone, in which publication dates are shown."""
    return current_app.config["PRESSROOM_TIMEZONE"]


def local_date(value: date | datetime) -> str:
    """Template filter: a date in prose, in the request's language and the site's zone."""
    return date_long(value, current_language(), site_zone())


def local_datetime(value: datetime) -> str:
    """Template filter: a date and time in the request's language and the site's zone."""
    return datetime_short(value, current_language(), site_zone())


def local_date_range(first: datetime, last: datetime) -> str:
    """Template filter: the dates between two instants as the language writes a range, in the
    site's zone, earlier first: "2 – 15 Mar 2026", «2—15 мар. 2026 г.», or one date."""
    zone = timekeeping.zone(site_zone())
    start, end = sorted((first.astimezone(zone).date(), last.astimezone(zone).date()))
    return format_interval(start, end, "yMMMd", locale=BABEL_LOCALES[current_language()])


def iso(value: date | datetime) -> str:
    """Template filter: the machine-readable form for `<time datetime>` (local, with offset)."""
    if isinstance(value, datetime):
        return value.astimezone(timekeeping.zone(site_zone())).isoformat(timespec="minutes")
    return value.isoformat()


def init_app(app) -> None:
    """Expose the formatting helpers to templates."""
    app.jinja_env.globals.update(
        current_language=current_language,
        language_name=language_name,
        LANGUAGES=LANGUAGES,
    )
    app.jinja_env.filters.update(
        local_date=local_date,
        local_datetime=local_datetime,
        local_date_range=local_date_range,
        iso=iso,
        number=number,
    )
    app.jinja_env.policies["ext.i18n.trimmed"] = True
