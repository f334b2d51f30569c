"""Widget views: each widget as a page for an iframe, or as an htmx fragment of itself."""

import base64
import hashlib
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale
from flask import (
    abort,
    current_app,
    g,
    make_response,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from .. import content, timekeeping
from ..i18n import BABEL_LOCALES, city_name
from ..pagecache import cached_page, share, wants_fragment
from ..security import BASE_POLICY
from . import bp
from .faces import clock_faces, counter_face
from .params import BadParameters, Common, clock_options, counter_options, latest_options

#: Seconds between a clock's resynchronisations with the server.
CLOCK_RESYNC = 300
#: Seconds between refreshes of the latest-statements box (at most once a minute).
LATEST_REFRESH = 60


def is_htmx() -> bool:
    """Tell whether this request wants the fragment: htmx, and not a history restore."""
    return wants_fragment(request.environ)


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
    return _("Clocks: %(cities)s", cities=", ".join(city_name(z, lang) for z in zones))


def day_periods(lang: str) -> tuple[str, str]:
    """Return the language's abbreviated am/pm markers, as Babel writes them."""
    periods = Locale.parse(BABEL_LOCALES[lang]).day_periods["format"]["abbreviated"]
    return periods["am"], periods["pm"]


def counter_context(counter: content.Counter, lang: str, now: datetime) -> dict:
    """Return what `widgets/_day_counter.html` needs for one counter."""
    face = counter_face(counter, lang, now)
    return {
        "face": face,
        "url": url_for("widgets.day_counter", counter_id=counter.id, lang=lang),
        "refresh_at": epoch_ms(face.changes_at),
        "server_now": epoch_ms(now),
    }


def style_for(common: Common) -> str | None:
    """Return the one inline style block a widget page may carry: its accent colour."""
    return f":root{{--accent:{common.accent}}}" if common.accent else None


def frame_policy(style: str | None) -> str:
    """Return the CSP of a widget page: framable by the allow-list, the accent style hashed."""
    ancestors = current_app.config["PRESSROOM_WIDGET_FRAME_ANCESTORS"]
    policy = BASE_POLICY
    if style:
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        policy = policy.replace("style-src 'self'", f"style-src 'self' 'sha256-{digest}'")
    return f"{policy}; frame-ancestors {ancestors}"


def render_widget(fragment: str, common: Common, title: str, max_age: int, **context):
    """Render a widget as its fragment (htmx) or its iframe page, with caching headers."""
    style = style_for(common)
    if is_htmx():
        html = render_template(fragment, **context)
    else:
        html = render_template(
            "widgets/frame.html",
            fragment=fragment,
            common=common,
            title=title,
            style=style,
            **context,
        )
    response = make_response(html)
    response.vary.add("HX-Request")
    response.headers["Content-Security-Policy"] = frame_policy(style)
    return share(response, max_age, browser_seconds=max_age)


def bad_parameters(error: BadParameters):
    """Answer invalid widget parameters with a 400 page in the widget's language."""
    g.lang = error.lang
    response = make_response(
        render_template("widgets/bad_parameters.html", problems=error.problems), 400
    )
    response.headers["Content-Security-Policy"] = frame_policy(None)
    response.cache_control.no_store = True
    return response


bp.register_error_handler(BadParameters, bad_parameters)


@bp.get("/widgets/clock")
@cached_page
def clock():
    """City clocks: the server's current time, ticking in the browser, resynchronised by htmx."""
    default_zones = content.clocks() or [current_app.config["PRESSROOM_TIMEZONE"]]
    options = clock_options(request.args, default_zones)
    g.lang = options.common.lang
    clock = clock_context(
        options.zones, g.lang, timekeeping.utcnow(), options.seconds, options.hour24
    )
    title = clock_title(options.zones, g.lang)
    # The text changes every second; a shared cache may hold it for one.
    return render_widget("widgets/_clock.html", options.common, title, max_age=1, clock=clock)


@bp.get("/widgets/counter/<id:counter_id>")
@cached_page
def day_counter(counter_id: int):
    """One day counter; it refreshes itself when the day changes in the counter's zone."""
    common = counter_options(request.args)
    g.lang = common.lang
    found = content.counter(counter_id, g.lang)
    if found is None:
        abort(404)
    now = timekeeping.utcnow()
    counter = counter_context(found, g.lang, now)
    until_change = int((counter["face"].changes_at - now).total_seconds())
    return render_widget(
        "widgets/_day_counter.html",
        common,
        counter["face"].phrase,
        max_age=max(1, min(300, until_change)),
        counter=counter,
    )


@bp.get("/widgets/latest")
@cached_page
def latest():
    """The newest statements: dates, titles and links, refreshed at most once a minute."""
    options = latest_options(request.args)
    g.lang = options.common.lang
    items = content.latest(g.lang, options.limit, options.kind)
    params = {"lang": g.lang, "limit": options.limit}
    if options.kind:
        params["kind"] = options.kind
    box = {
        "statements": items,
        "url": url_for("widgets.latest", **params),
        "refresh": LATEST_REFRESH,
    }
    return render_widget(
        "widgets/_latest.html", options.common, _("Latest statements"), max_age=30, latest=box
    )


@lru_cache(maxsize=1)
def embed_source(static_folder: str) -> tuple[bytes, str]:
    """Return embed.js and its ETag, read once per process."""
    data = (Path(static_folder) / "js" / "embed.js").read_bytes()
    return data, hashlib.sha256(data).hexdigest()[:16]


@bp.get("/widgets/embed.js")
def embed_script():
    """The one-line embed script that turns placeholders into auto-sized iframes."""
    data, etag = embed_source(current_app.static_folder)
    response = make_response(data)
    response.mimetype = "text/javascript"
    response.set_etag(etag)
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


@bp.get("/widgets/statement/<id:statement_id>")
@cached_page
def statement_card(statement_id: int):
    """One statement as a card (date, title, lead, link): what oEmbed gives for a statement URL."""
    common = counter_options(request.args)
    g.lang = common.lang
    found = content.statement(statement_id, g.lang)
    if found is None or isinstance(found, dict):
        abort(404)
    return render_widget(
        "widgets/_statement_card.html", common, found.title, max_age=60, statement=found
    )
