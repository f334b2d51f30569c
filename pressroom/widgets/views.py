"""Widget views: each widget as a page for an iframe, or as an htmx fragment of itself."""

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from flask import (
    current_app,
    g,
    make_response,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _

from .. import content, timekeeping
from ..config import LANGUAGES
from ..contentstate import READING, one_statement
from ..faces import COUNTER_MAX_AGE, clock_context, clock_title, counter_context
from ..pagecache import cached_page, share, wants_fragment
from ..security import BASE_POLICY
from . import bp
from .params import BadParameters, Common, clock_options, counter_options, latest_options

#: Seconds between refreshes of the latest-statements box (at most once a minute).
LATEST_REFRESH = 60


@bp.before_request
def choose_language():
    """Decide the widget's language once, before anything is translated: one `?lang=` naming a
    language of the site, else the default (a wrong one is then refused in the default); for
    oEmbed, the language of the described address."""
    if request.endpoint == "widgets.oembed":
        g.lang = language_of_address(request.args.get("url", ""))
        return
    wanted = request.args.getlist("lang")
    single = wanted[0] if len(wanted) == 1 else None
    g.lang = single if single in LANGUAGES else current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]


def language_of_address(url: str) -> str:
    """Return the language of a page or widget address: its path's or its `?lang=`."""
    try:
        parts = urlsplit(url)
    except ValueError:  # not a URL at all ("http://[", say): oEmbed answers 404 in the default
        return current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]
    first = parts.path.lstrip("/").split("/", 1)[0]
    if first in LANGUAGES:
        return first
    wanted = [v for k, v in parse_qsl(parts.query, keep_blank_values=True) if k == "lang"]
    single = wanted[0] if len(wanted) == 1 else None
    return single if single in LANGUAGES else current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]


def is_htmx() -> bool:
    """Tell whether this request wants the fragment: htmx, and not a history restore."""
    return wants_fragment(request.environ)


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
    response = make_response(
        render_template("widgets/bad_parameters.html", problems=error.problems), 400
    )
    response.headers["Content-Security-Policy"] = frame_policy(None)
    response.cache_control.no_store = True
    return response


bp.register_error_handler(BadParameters, bad_parameters)


def gone(common: Common, message: str, status: int = 404):
    """Answer a counter or statement that no longer exists with a 404 (or, for a statement known
    to be deleted, 410) card a partner's frame may show (the site's own error pages refuse
    framing), in the widget's language and look."""
    response = render_widget(
        "widgets/_gone.html", common, message, max_age=0, message=message, alone=is_htmx()
    )
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"  # as every error: it may be back soon
    return response


@bp.get("/widgets/clock")
@cached_page(areas=("clocks", "settings"))
def clock():
    """City clocks: the server's current time, ticking in the browser, resynchronised by htmx."""
    default_zones = content.clocks() or [current_app.config["PRESSROOM_TIMEZONE"]]
    options = clock_options(request.args, default_zones)
    clock = clock_context(
        options.zones, g.lang, timekeeping.utcnow(), options.seconds, options.hour24
    )
    title = clock_title(options.zones, g.lang)
    # The text changes every second; a shared cache may hold it for one.
    return render_widget("widgets/_clock.html", options.common, title, max_age=1, clock=clock)


@bp.get("/widgets/counter/<id:counter_id>")
@cached_page(areas=("counters", "settings"))
def day_counter(counter_id: int):
    """One day counter; it refreshes itself when the day changes in the counter's zone."""
    common = counter_options(request.args)
    found = content.counter(counter_id, g.lang)
    if found is None:
        return gone(common, _("This counter is no longer available"))
    now = timekeeping.utcnow()
    counter = counter_context(found, g.lang, now)
    until_change = int((counter["face"].changes_at - now).total_seconds())
    return render_widget(
        "widgets/_day_counter.html",
        common,
        counter["face"].phrase,
        max_age=max(1, min(COUNTER_MAX_AGE, until_change)),
        counter=counter,
        heading=_("Day counter"),
    )


@bp.get("/widgets/latest")
@cached_page(areas=READING)
def latest():
    """The newest statements: dates, titles and links, refreshed at most once a minute."""
    options = latest_options(request.args)
    items = content.latest(g.lang, options.limit, options.kind)
    params = {"lang": g.lang, "limit": options.limit}
    if options.kind:
        params["kind"] = options.kind
    if options.thumbs:
        params["thumbs"] = "on"
    box = {
        "statements": items,
        "url": url_for("widgets.latest", **params),
        "refresh": LATEST_REFRESH,
        "thumbs": options.thumbs,
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
@cached_page(areas=one_statement)
def statement_card(statement_id: int):
    """One statement as a card (date, title, lead, link): what oEmbed gives for a statement URL."""
    common = counter_options(request.args)
    found = content.statement(statement_id, g.lang)
    if isinstance(found, content.Removed):
        return gone(common, _("This statement has been removed"), 410)
    if found is None or isinstance(found, dict):
        return gone(common, _("This statement is no longer available"))
    return render_widget(
        "widgets/_statement_card.html", common, found.title, max_age=60, statement=found
    )
