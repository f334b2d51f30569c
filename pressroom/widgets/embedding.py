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
from ..faces import clock_faces, clock_title, counter_face, shows_zone
from ..i18n import city_name, date_long
from ..models import KINDS
from ..templating import kind_name
from . import bp, sizing
from .params import BadParameters, clock_options, counter_options, latest_options
from .views import is_htmx

#: Default width in pixels of each embeddable thing (heights are estimated: see sizing.py).
WIDTHS = {
    "widgets.clock": 420,
    "widgets.day_counter": 420,
    "widgets.latest": 420,
    "widgets.statement_card": 560,
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
NARROWEST = sizing.NARROWEST
SIZE_NUMBER = re.compile(r"[1-9][0-9]{0,4}")


@dataclass(frozen=True)
class Embed:
    """What a partner pastes: the widget's URL, a title, a width and the height that fits it."""

    src: str
    title: str
    width: int
    height: int


@dataclass(frozen=True)
class City:
    """A city the gallery offers: its zone, its name in the page's language, what finds it."""

    zone: str
    name: str
    #: The name and the zone id, folded: "Лон" and "Lon" both find London on a Russian page.
    search: str

    @property
    def key(self) -> str:
        """Return the zone written for an HTML id (no slash)."""
        return self.zone.replace("/", "-")


@lru_cache(maxsize=4)
def zone_choices(lang: str) -> tuple[City, ...]:
    """Return every city zone the gallery offers, sorted by the city's name in `lang`."""
    aliases = get_global("zone_aliases")  # old names such as Europe/Belfast
    zones = [
        z
        for z in timekeeping.known_zones()
        if z.split("/")[0] in CONTINENTS and "/" in z and z not in aliases and shows_zone(z)
    ]
    cities = [
        City(z, city_name(z, lang), f"{city_name(z, lang)} {z.replace('_', ' ')}".casefold())
        for z in zones
    ]
    return tuple(sorted(cities, key=lambda city: (city.name.casefold(), city.zone)))


def chosen_first(cities: tuple[City, ...], chosen: list[str]) -> list[City]:
    """Return the cities with the chosen ones first, in the order they were chosen: a form
    sends its checkboxes in page order, so the partner's order survives a submit without
    JavaScript, and a newly ticked city comes last."""
    by_zone = {city.zone: city for city in cities}
    first = [by_zone[zone] for zone in dict.fromkeys(chosen) if zone in by_zone]
    return first + [city for city in cities if city.zone not in set(chosen)]


def describe(
    endpoint: str, view_args: dict, args: MultiDict, width: int | None = None
) -> Embed | None:
    """Return the embed of a widget or statement address, None if it is neither.

    Its height fits the content at `width` px, or at the narrowest frame a phone gives when the
    partner's width is unknown. Raises BadParameters when the address has invalid widget
    parameters.
    """
    if endpoint == "site.statement_detail":
        endpoint, args = "widgets.statement_card", MultiDict()  # a page's own query: no option
    default_width = WIDTHS.get(endpoint, 0)
    at = min(width or NARROWEST, default_width)
    if endpoint == "widgets.clock":
        options = clock_options(
            args, content.clocks() or [current_app.config["PRESSROOM_TIMEZONE"]]
        )
        lang = options.common.lang
        title = clock_title(options.zones, lang)
        params = {"tz": list(options.zones)}
        faces = clock_faces(list(options.zones), lang, timekeeping.utcnow())
        height = sizing.clocks_height(
            title,
            [(face.city, face.abbreviation) for face in faces],
            at,
            options.seconds,
            options.hour24,
        )
    elif endpoint == "widgets.day_counter":
        lang = counter_options(args).lang
        found = content.counter(view_args["counter_id"], lang)
        if found is None:
            return None
        title = _("Day counter: %(event)s", event=found.label or found.label_ahead)
        params = {"counter_id": found.id}
        face = counter_face(found, lang, timekeeping.utcnow())
        meta = f"{face.event_text} — {face.caption}" if face.caption else face.event_text
        height = sizing.counter_height(face.phrase, meta, at)
    elif endpoint == "widgets.latest":
        options = latest_options(args)
        lang = options.common.lang
        title = _("Latest statements")
        params = {"limit": options.limit}
        items = content.latest(lang, options.limit, options.kind)
        titles = [item.title for item in items]
        height = sizing.latest_height(
            title,
            titles,
            options.limit,
            _("All statements"),
            _("No statements have been published yet."),
            at,
            [i.image.height / i.image.width if i.image else None for i in items]
            if options.thumbs else None,
        )
    elif endpoint == "widgets.statement_card":
        lang = view_args.get("lang") or counter_options(args).lang
        found = content.statement(view_args["statement_id"], lang)
        if isinstance(found, content.Removed):
            abort(410)  # oEmbed for a deleted statement: gone, not merely unknown
        if found is None or isinstance(found, dict):
            return None
        title, params = found.title, {"statement_id": found.id}
        meta = f"{kind_name(found.kind)} · {date_long(found.published_at, lang)}"
        notice = None
        if found.withdrawn_at:
            when = date_long(found.withdrawn_at, lang, current_app.config["PRESSROOM_TIMEZONE"])
            notice = (_("Withdrawn on %(date)s:", date=when), found.withdrawn_reason)
        # Text is tallest in the narrowest frame, a photo in the widest.
        widest = min(width or default_width, default_width)
        photo = (
            sizing.photo_height(found.image.height / found.image.width, widest)
            if found.image else 0
        )
        height = sizing.card_height(
            title, meta, found.lead, _("Read the full text"), at, notice, photo
        )
    else:
        return None
    # Keep every option the address had (theme, accent, seconds…): they were all validated.
    query = {k: v for k, v in args.lists() if k not in params}
    query["lang"] = lang
    src = url_for(endpoint, **params, **query, _external=True)
    return Embed(src=src, title=title, width=min(default_width, width or default_width),
                 height=height)


def resolve(url: str, width: int | None = None) -> Embed | None:
    """Return the embed for a URL of this site (its height fitting `width`), or None."""
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
            endpoint, view_args, MultiDict(parse_qsl(parts.query, keep_blank_values=True)), width
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
    embed = resolve(request.args.get("url", ""), max_width)
    if embed is None:
        abort(404)
    width, height = embed.width, min(embed.height, max_height or embed.height)
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


@bp.after_request
def allow_other_sites(response):
    """Let a partner's browser code read oEmbed answers, errors included: it is public data."""
    if request.endpoint == "widgets.oembed":
        response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def gallery_args() -> tuple[str, MultiDict]:
    """Split the gallery form into the chosen widget and that widget's own parameters."""
    widget = request.args.get("widget", "clock")
    if widget not in WIDGET_KINDS:
        widget = "clock"
    names = {
        "clock": ("tz", "seconds", "hours"), "counter": (), "latest": ("limit", "kind", "thumbs")
    }[widget]
    params = MultiDict(
        [
            (k, v)
            for k, v in request.args.items(multi=True)
            if k in (*names, "theme", "accent") and v != ""
        ]
    )
    params["lang"] = g.lang
    return widget, params


#: The endpoint of each widget the gallery offers.
GALLERY_ENDPOINTS = {
    "clock": "widgets.clock",
    "counter": "widgets.day_counter",
    "latest": "widgets.latest",
}


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
    problems, embed = {}, None
    try:
        embed = describe(GALLERY_ENDPOINTS[widget], view_args, params)
    except BadParameters as error:
        problems = error.problems
    data = {"pressroom-widget": widget, **{k: v for k, v in params.items() if k != "tz"}}
    if widget == "clock" and params.getlist("tz"):
        data["tz"] = " ".join(params.getlist("tz"))
    if widget == "counter":
        data["id"] = view_args["counter_id"]
    if embed:
        data["title"] = embed.title
        data["height"] = embed.height
    chosen_zones = params.getlist("tz") or content.clocks()
    # The address the browser shows: this widget's options only, none left from another.
    address = MultiDict(params)
    address["widget"] = widget
    if view_args.get("counter_id"):
        address["counter"] = view_args["counter_id"]
    context = {
        "widget": widget,
        "args": request.args,
        "params": params,
        "problems": problems,
        "embed": embed,
        "data_attributes": data,
        "cities": chosen_first(zone_choices(g.lang), chosen_zones),
        "chosen_zones": chosen_zones,
        "city_names": {city.zone: city.name for city in zone_choices(g.lang)},
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
    if is_htmx():
        response.headers["HX-Push-Url"] = url_for(
            "widgets.gallery", **address.to_dict(flat=False)
        )
    return response
