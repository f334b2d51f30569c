"""Views of the public site."""

import re

from flask import abort, current_app, g, make_response, redirect, render_template, request, url_for

from .. import content, timekeeping
from ..config import LANGUAGES
from ..contentstate import READING, one_statement
from ..faces import clock_context, counter_context
from ..i18n import preferred_language
from ..models import KINDS
from ..pagecache import cached_page, share
from . import bp, metadata

#: A page number as the listing accepts it: no sign, no leading zero, at most nine digits.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


@bp.url_value_preprocessor
def pull_language(endpoint, values):
    """Move the language from the URL into `g.lang` for every view of this blueprint."""
    if values and "lang" in values:
        g.lang = values.pop("lang")


@bp.url_defaults
def add_language(endpoint, values):
    """Fill in the current language when a link to this blueprint leaves it out."""
    if "lang" not in values and current_app.url_map.is_endpoint_expecting(endpoint, "lang"):
        values["lang"] = g.get("lang") or current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]


def both_languages(endpoint: str, **values) -> dict[str, str]:
    """Return the absolute URL of `endpoint` in each language."""
    return {lang: url_for(endpoint, lang=lang, _external=True, **values) for lang in LANGUAGES}


@bp.get("/")
def language_redirect():
    """Send a visitor to the home page in the language their browser prefers."""
    response = redirect(url_for("site.home", lang=preferred_language()), 302)
    response.vary.add("Accept-Language")
    return response


#: Seconds a shared cache may keep the home page (it shows clocks) and the other pages.
HOME_SHARED = 1
PAGE_SHARED = 60


@bp.get("/<lang:lang>/")
@cached_page
def home():
    """The front page: date, clocks, contact line, day counters, featured and latest statements."""
    lang = g.lang
    now = timekeeping.utcnow()
    tz = current_app.config["PRESSROOM_TIMEZONE"]
    alternates = both_languages("site.home")
    featured = content.featured(lang)
    size = current_app.config["PRESSROOM_HOME_LATEST"]
    # One more than shown, so the list is full when the featured statement is left out of it.
    latest = content.latest(lang, size + 1)
    html = render_template(
        "site/home.html",
        today=timekeeping.now_in(tz, now),
        clock=clock_context(content.clocks(), lang, now),
        counters=[counter_context(c, lang, now, HOME_SHARED) for c in content.counters(lang)],
        featured=featured,
        latest=[item for item in latest if not featured or item.id != featured.id][:size],
        alternates=alternates,
        x_default=url_for("site.language_redirect", _external=True),
        metadata=metadata.home_page(lang, alternates),
    )
    return share(make_response(html), HOME_SHARED)


def _page_number() -> int:
    """Return the `page` query parameter, or 404 for anything but a plain positive number."""
    raw = request.args.get("page", "1")
    if not PAGE_NUMBER.fullmatch(raw):
        abort(404)
    return int(raw)


def _kind() -> str | None:
    """Return the `kind` filter, or 404 for an unknown kind."""
    kind = request.args.get("kind") or None
    if kind is not None and kind not in KINDS:
        abort(404)
    return kind


@bp.get("/<lang:lang>/statements/")
@cached_page(areas=READING)
def statement_list():
    """All public statements in this language, newest first, 20 a page, filterable by kind."""
    lang = g.lang
    kind = _kind()
    number = _page_number()
    page = content.page(lang, number, current_app.config["PRESSROOM_PAGE_SIZE"], kind)
    if page is None:
        abort(404)
    params = {"kind": kind} if kind else {}
    if number > 1:
        params["page"] = number
    alternates = both_languages("site.statement_list", **params)
    html = render_template(
        "site/statements/list.html",
        page=page,
        kind=kind,
        kinds=KINDS,
        alternates=alternates,
        x_default=alternates[current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]],
        metadata=metadata.listing_page(lang, kind, alternates),
    )
    return share(make_response(html), PAGE_SHARED)


@bp.get("/<lang:lang>/statements/<id:statement_id>/")
@bp.get("/<lang:lang>/statements/<id:statement_id>/<path:slug>")
@cached_page(areas=one_statement)
def statement_detail(statement_id: int, slug: str | None = None):
    """One statement; any other slug than the current one redirects (301) to the canonical URL."""
    lang = g.lang
    found = content.statement(statement_id, lang)
    if found is None:
        abort(404)
    if isinstance(found, content.Removed):
        # Gone for good, and said so: search engines drop a 410 sooner than a 404.
        return render_template("site/statements/removed.html"), 410
    if isinstance(found, dict):
        # Public, but not in this language: say so, and link (the language switcher too) to
        # the languages it exists in.
        links = {
            other: url_for("site.statement_detail", lang=other, statement_id=statement_id, slug=s)
            for other, s in found.items()
        }
        return render_template("site/statements/missing.html", translations=links), 404
    if slug != found.slug:
        return redirect(
            url_for("site.statement_detail", statement_id=statement_id, slug=found.slug), 301
        )
    alternates = {
        other: url_for(
            "site.statement_detail", lang=other, statement_id=statement_id, slug=s, _external=True
        )
        for other, s in found.slugs.items()
    }
    default = current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]
    html = render_template(
        "site/statements/detail.html",
        statement=found,
        alternates=alternates,
        x_default=alternates.get(default, alternates[lang]),
        title=found.title,
        metadata=metadata.statement_page(found, alternates),
    )
    return share(make_response(html), PAGE_SHARED)
