"""Embedding: the widget gallery with copy-paste snippets, and the oEmbed endpoint."""

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from babel.core import get_global
from flask import abort, current_app, g, jsonify, make_response, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import escape
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from .. import content, timekeeping
from ..config import LANGUAGES
from ..faces import clock_title, shows_zone
from ..i18n import city_name
from ..models import KINDS
from . import bp
from .params import BadParameters, clock_options, counter_options, latest_options
from .views import is_htmx

#: Default size (width, height in pixels) of each embeddable thing.
SIZES = {
    "widgets.clock": (420, 110),
    "widgets.day_counter": (420, 140),
    "widgets.latest": (420, 360),
    "widgets.statement_card": (560, 260),
}
WIDGET_KINDS = ("clock", "counter", "latest")
CONTINENTS = {
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
}
SIZE_NUMBER = re.compile(r"[1-9][0-9]{0,4}")


@dataclass(frozen=True)
class Embed:
    """What a partner pastes: the widget's URL, a title, and a default height."""

    src: str
    title: str
    width: int
    height: int


@lru_cache(maxsize=4)
def zone_choices(lang: str) -> list[tuple[str, str]]:
    """Return (zone, "City — zone") pairs for every city zone, sorted by city name in `lang`."""
    aliases = get_global("zone_aliases")  # old names such as Europe/Belfast
    zones = [
        z
        for z in timekeeping.known_zones()
        if z.split("/")[0] in CONTINENTS and "/" in z and z not in aliases and shows_zone(z)
    ]
    pairs = [(z, f"{city_name(z, lang)} — {z}") for z in zones]
    return sorted(pairs, key=lambda pair: pair[1].casefold())


def describe(endpoint: str, view_args: dict, args: MultiDict) -> Embed | None:
    """Return the embed of a widget or statement address, None if it is neither.

    Raises BadParameters when the address has invalid widget parameters.
    """
    width, height = SIZES.get(endpoint, (0, 0))
    if endpoint == "widgets.clock":
        options = clock_options(
            args, content.clocks() or [current_app.config["PRESSROOM_TIMEZONE"]]
        )
        lang = options.common.lang
        title = clock_title(options.zones, lang)
        params = {"tz": list(options.zones)}
    elif endpoint == "widgets.day_counter":
        lang = counter_options(args).lang
        found = content.counter(view_args["counter_id"], lang)
        if found is None:
            return None
        title = _("Day counter: %(event)s", event=found.label)
        params = {"counter_id": found.id}
    elif endpoint == "widgets.latest":
        options = latest_options(args)
        lang = options.common.lang
        title = _("Latest statements")
        params = {"limit": options.limit}
        height = 70 + 80 * options.limit  # titles wrap to two or three lines
    elif endpoint in ("widgets.statement_card", "site.statement_detail"):
        lang = view_args.get("lang") or counter_options(args).lang
        found = content.statement(view_args["statement_id"], lang)
        if found is None or isinstance(found, dict):
            return None
        if endpoint == "site.statement_detail":
            args = MultiDict()  # a page's own query string is not a widget option
        endpoint, title, params = "widgets.statement_card", found.title, {"statement_id": found.id}
        width, height = SIZES[endpoint]
    else:
        return None
    # Keep every option the address had (theme, accent, seconds…): they were all validated.
    query = {k: v for k, v in args.lists() if k not in params}
    query["lang"] = lang
    src = url_for(endpoint, **params, **query, _external=True)
    return Embed(src=src, title=title, width=width, height=height)


def resolve(url: str) -> Embed | None:
    """Return the embed for a URL of this site, or None."""
    if len(url) > 2048:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[" and the like
        return None
    if parts.scheme not in ("http", "https") or parts.netloc != request.host:
        return None
    adapter = current_app.url_map.bind(request.host, url_scheme=parts.scheme)
    try:
        endpoint, view_args = adapter.match(parts.path, method="GET")
    except (HTTPException, RequestRedirect):
        return None
    try:
        return describe(
            endpoint, view_args, MultiDict(parse_qsl(parts.query, keep_blank_values=True))
        )
    except BadParameters:
        return None


def _size(name: str) -> int | None:
    """Return the maxwidth/maxheight parameter, or 400 when it is not a positive number."""
    raw = request.args.get(name)
    if raw is None:
        return None
    if not SIZE_NUMBER.fullmatch(raw):
        abort(400)
    return int(raw)


@bp.get("/oembed")
def oembed():
    """oEmbed (type rich) for a widget or statement URL of this site; 404 for anything else."""
    if request.args.get("format", "json") != "json":
        abort(501)
    max_width, max_height = _size("maxwidth"), _size("maxheight")
    embed = resolve(request.args.get("url", ""))
    if embed is None:
        abort(404)
    width = min(embed.width, max_width or embed.width)
    height = min(embed.height, max_height or embed.height)
    html = (
        f'<iframe src="{escape(embed.src)}" title="{escape(embed.title)}" width="{width}" '
        f'height="{height}" loading="lazy" style="border:0;max-width:100%"></iframe>'
    )
    settings = content.settings(g.lang)
    response = jsonify(
        version="1.0",
        type="rich",
        provider_name=settings.site_title or "Pressroom",
        provider_url=url_for("site.language_redirect", _external=True),
        title=embed.title,
        html=html,
        width=width,
        height=height,
        cache_age=300,
    )
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response


def gallery_args() -> tuple[str, MultiDict]:
    """Split the gallery form into the chosen widget and that widget's own parameters."""
    widget = request.args.get("widget", "clock")
    if widget not in WIDGET_KINDS:
        widget = "clock"
    names = {"clock": ("tz", "seconds", "hours"), "counter": (), "latest": ("limit", "kind")}[
        widget
    ]
    params = MultiDict(
        [
            (k, v)
            for k, v in request.args.items(multi=True)
            if k in (*names, "theme", "accent") and v != ""
        ]
    )
    params["lang"] = g.lang
    return widget, params


@bp.get("/widgets/")
def gallery():
    """Pick a widget and its options, see a live preview, copy the iframe or script snippet."""
    widget, params = gallery_args()
    counters = content.counters(g.lang)
    view_args = {}
    if widget == "counter":
        chosen = request.args.get("counter", "")
        ids = {str(c.id) for c in counters}
        view_args["counter_id"] = (
            int(chosen) if chosen in ids else (counters[0].id if counters else 0)
        )
    endpoint = {
        "clock": "widgets.clock",
        "counter": "widgets.day_counter",
        "latest": "widgets.latest",
    }[widget]
    problems, embed = {}, None
    try:
        embed = describe(endpoint, view_args, params)
    except BadParameters as error:
        problems = error.problems
    data = {"pressroom-widget": widget, **{k: v for k, v in params.items() if k != "tz"}}
    if widget == "clock" and params.getlist("tz"):
        data["tz"] = " ".join(params.getlist("tz"))
    if widget == "counter":
        data["id"] = view_args["counter_id"]
    if embed:
        data["title"] = embed.title
    context = {
        "widget": widget,
        "args": request.args,
        "params": params,
        "problems": problems,
        "embed": embed,
        "data_attributes": data,
        "zones": zone_choices(g.lang),
        "chosen_zones": params.getlist("tz") or content.clocks(),
        "counters": counters,
        "chosen_counter": view_args.get("counter_id"),
        "kinds": KINDS,
        "alternates": {
            other: url_for("widgets.gallery", lang=other, _external=True) for other in LANGUAGES
        },
    }
    template = "widgets/_gallery.html" if is_htmx() else "widgets/gallery.html"
    response = make_response(render_template(template, **context))
    response.vary.add("HX-Request")
    return response
