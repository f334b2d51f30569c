"""Search of the public site: `/<lang>/search`, the whole page or, for htmx, its results."""

import re
from datetime import date, datetime, time, timedelta

from flask import abort, current_app, g, make_response, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext

from .. import analysis, search, timekeeping
from ..config import LANGUAGES
from ..contentstate import READING
from ..models import KINDS
from ..pagecache import cached_page, share, wants_fragment
from . import bp
from .views import PAGE_NUMBER, PAGE_SHARED, both_languages

#: A date as the date inputs send it.
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(name: str, label: str, problems: list[str]) -> date | None:
    """Return the date parameter `name`, None when empty; note a problem when it is no date."""
    raw = request.args.get(name, "")
    if not raw:
        return None
    try:
        if ISO_DATE.fullmatch(raw):
            return date.fromisoformat(raw)
    except ValueError:
        pass
    # I18N: %(field)s is the name of a date field of the search form ("From", "To").
    problems.append(_("“%(field)s” must be a date written as YYYY-MM-DD.", field=label))
    return None


def _instant(day: date | None, tz: str) -> datetime | None:
    """Return local midnight at the start of `day` in UTC; None for no day, or for a day so
    far from now that it bounds nothing."""
    if day is None:
        return None
    try:
        return timekeeping.local_to_utc(datetime.combine(day, time()), tz)
    except OverflowError:
        return None


def _after(day: date | None) -> date | None:
    """Return the day after `day`, None past the calendar's end."""
    try:
        return day + timedelta(days=1) if day else None
    except OverflowError:
        return None


@bp.get("/<lang:lang>/search")
@cached_page(areas=READING)
def statement_search():
    """Search this language's public statements by words, "phrases" and -exclusions, kind and
    dates; with htmx, answer with the results alone."""
    lang = g.lang
    words = request.args.get("q", "")
    kind = request.args.get("kind") or None
    if kind is not None and kind not in KINDS:
        abort(404)
    raw_page = request.args.get("page", "1")
    if not PAGE_NUMBER.fullmatch(raw_page):
        abort(404)
    number = int(raw_page)
    problems: list[str] = []
    if len(words) > search.MAX_QUERY:
        problems.append(
            ngettext(
                "A search can be at most %(num)d character long.",
                "A search can be at most %(num)d characters long.",
                search.MAX_QUERY,
            )
        )
    first = _date("from", _("From"), problems)
    last = _date("to", _("To"), problems)
    if first and last and first > last:
        problems.append(_("The “From” date is after the “To” date."))

    results = other = None
    if words.strip() and not problems:
        tz = current_app.config["PRESSROOM_TIMEZONE"]
        filters = search.Filters(kind, _instant(first, tz), _instant(_after(last), tz))
        size = current_app.config["PRESSROOM_PAGE_SIZE"]
        results = search.find(lang, words, filters, number, size)
        if number > 1 and not results.hits:
            abort(404)
        if not results.hits and number == 1:
            other = next(
                (o for o in LANGUAGES if o != lang and search.has_matches(o, words, filters)), None
            )
    elif number > 1:
        abort(404)

    params = {
        key: value
        for key, value in (
            ("q", words), ("kind", kind), ("from", first and first.isoformat()),
            ("to", last and last.isoformat()),
        )
        if value and not problems
    }
    context = {
        "words": words if len(words) <= search.MAX_QUERY else "",
        "searched": bool(words.strip()) and not problems,
        "understood": results is not None and bool(analysis.parse(words, lang)),
        "kind": kind,
        "kinds": KINDS,
        "first": first,
        "last": last,
        "results": results,
        "other": other,
        "params": params,
        "problems": problems,
        "max_length": search.MAX_QUERY,
        "candidates": search.CANDIDATES,
    }
    if wants_fragment(request.environ):
        html = render_template("site/search/_results.html", **context)
    else:
        html = render_template(
            "site/search/page.html",
            alternates=both_languages("site.statement_search", **params),
            **context,
        )
    response = make_response(html, 400 if problems else 200)
    response.vary.add("HX-Request")
    # htmx restores history with HX-Request too: a browser must not answer that with the
    # fragment it keeps for the same address.
    response.vary.add("HX-History-Restore-Request")
    # Result pages are endless variations of the site's own pages: never in a search engine.
    response.headers["X-Robots-Tag"] = "noindex"
    if problems:
        return response
    return share(response, PAGE_SHARED)
