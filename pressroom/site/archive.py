"""The archive: public statements by year and by calendar month, with a year → months guide.

Months are calendar months in the site's zone. A year or month with no public statements in
the page's language is a 404 that says so and offers the months that have some: such an address
is never linked from the site, and crawlers should not keep it.
"""

from dataclasses import dataclass
from datetime import date, datetime

from babel.dates import format_date
from flask import abort, current_app, g, make_response, render_template, url_for
from flask_babel import gettext as _

from .. import archive, timekeeping
from ..config import LANGUAGES
from ..contentstate import READING
from ..i18n import BABEL_LOCALES, site_zone
from ..pagecache import cached_page, share
from . import bp
from .views import PAGE_SHARED, _page_number, both_languages


def capitalised(text: str) -> str:
    """Return `text` with its first letter in capitals: a Russian month opening a heading."""
    return text[:1].upper() + text[1:]


def month_title(year: int, month: int, lang: str) -> str:
    """Return a month of a year as a heading says it: "July 2020", "Июль 2020" (standalone,
    nominative month: Babel's 'LLLL', not the genitive 'MMMM' of a date)."""
    return capitalised(format_date(date(year, month, 1), "LLLL y", locale=BABEL_LOCALES[lang]))


def month_name(month: int, lang: str) -> str:
    """Return a month's name on its own: "July", "Июль"."""
    return capitalised(format_date(date(2000, month, 1), "LLLL", locale=BABEL_LOCALES[lang]))


def day_title(day: date, lang: str) -> str:
    """Return a day of a month as a heading says it: "4 July", "4 июля" (genitive)."""
    return format_date(day, "d MMMM", locale=BABEL_LOCALES[lang])


@dataclass(frozen=True)
class Link:
    """One entry of the archive guide: a year or a month, its address and its count."""

    label: str
    url: str
    count: int
    current: bool
    #: A year's months, when the guide shows them.
    months: tuple["Link", ...] = ()


def guide(years, lang: str, open_years: set[int], year: int | None, month: int | None):
    """Return the archive guide: every year, and the months of `open_years`, marking the page's
    own year or month as current."""
    links = []
    for found in years:
        months = ()
        if found.year in open_years:
            months = tuple(
                Link(
                    month_name(m.month, lang),
                    url_for("site.archive_month", year=m.year, month=m.month),
                    m.count,
                    current=(m.year, m.month) == (year, month),
                )
                for m in found.months
            )
        links.append(
            Link(
                str(found.year),
                url_for("site.archive_year", year=found.year),
                found.count,
                current=found.year == year and month is None,
                months=months,
            )
        )
    return links


def local(instant: datetime) -> datetime:
    """Return an instant in the site's zone."""
    return timekeeping.now_in(site_zone(), instant)


@bp.get("/<lang:lang>/archive/")
@cached_page(areas=READING)
def archive_index():
    """Every year and month with public statements in this language, with their counts."""
    lang = g.lang
    years = archive.calendar(lang, site_zone())
    alternates = both_languages("site.archive_index")
    html = render_template(
        "site/archive/index.html",
        years=years,
        guide=guide(years, lang, {y.year for y in years}, None, None),
        alternates=alternates,
        x_default=alternates[current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]],
        title=_("Archive"),
    )
    return share(make_response(html), PAGE_SHARED)


def find_period(years, year: int, month: int | None):
    """Return the Year, or its Month, from the calendar, or None when it has no statements."""
    found = next((y for y in years if y.year == year), None)
    if found is None or month is None:
        return found
    return found.month(month)


def period_alternates(endpoint: str, year: int, month: int | None, number: int, has) -> dict:
    """Return the address of page `number` of a year or month in each language for which
    `has(lang)` tells that its archive has that page."""
    values = {"year": year, **({"month": month} if month else {})}
    if number > 1:
        values["page"] = number
    return {
        lang: url_for(endpoint, lang=lang, _external=True, **values)
        for lang in LANGUAGES
        if has(lang)
    }


def _period(year: int, month: int | None):
    """Render a year's or a month's statements, grouped by month or by day, page by page."""
    lang = g.lang
    tz = site_zone()
    number = _page_number()
    years = archive.calendar(lang, tz)
    found = find_period(years, year, month)
    heading = month_title(year, month, lang) if month else str(year)
    links = guide(years, lang, {year}, year, month)
    if found is None:
        html = render_template(
            "site/archive/empty.html", title=heading, guide=links, alternates={}
        )
        return make_response(html, 404)
    size = current_app.config["PRESSROOM_PAGE_SIZE"]
    pages = -(-found.count // size)
    if number > pages:
        abort(404)
    start, end = (
        archive.month_bounds(year, month, tz) if month else archive.year_bounds(year, tz)
    )
    items = archive.period(lang, start, end, number, size)
    groups: list[tuple[str, list]] = []
    for item in items:
        when = local(item.published_at)
        label = day_title(when.date(), lang) if month else month_title(when.year, when.month, lang)
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(item)
    endpoint = "site.archive_month" if month else "site.archive_year"
    skip = (number - 1) * size
    alternates = period_alternates(
        endpoint,
        year,
        month,
        number,
        lambda other: other == lang or archive.has_statements(other, start, end, skip),
    )
    default = current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]
    html = render_template(
        "site/archive/period.html",
        title=heading,
        count=found.count,
        groups=groups,
        guide=links,
        number=number,
        pages=pages,
        endpoint=endpoint,
        values={"year": year, **({"month": month} if month else {})},
        alternates=alternates,
        x_default=alternates.get(default, alternates[lang]),
    )
    return share(make_response(html), PAGE_SHARED)


@bp.get("/<lang:lang>/archive/<year:year>/")
@cached_page(areas=READING)
def archive_year(year: int):
    """The public statements of one year in this language, newest first, under their months."""
    return _period(year, None)


@bp.get("/<lang:lang>/archive/<year:year>/<month:month>/")
@cached_page(areas=READING)
def archive_month(year: int, month: int):
    """The public statements of one calendar month in this language, under their days."""
    return _period(year, month)
