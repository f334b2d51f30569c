"""Whole-response caching for public pages and widgets.

A response is cached under its scheme, host, path, query string and whether htmx asked for the
fragment; the entry remembers the areas of the content it shows and their tokens when it was
rendered, so a save makes stale every page showing what it touched (contentstate.py). It is kept
as long as shared caches are told they may keep it (`s-maxage`): the view that knows how long its
output stays true — one second for a clock, until midnight for a counter — decides for both, the
next scheduled statement's time cuts it short, and an entry is never served after that instant. A
hit is served without rendering, and this is the hot path of the whole site, so it avoids work a
plain `make_conditional` would do (dates, ranges) that cached pages never need.

The minute after a save is the busiest: pages go stale at once, just as readers, partner widgets
and crawlers arrive. So a page whose entry is stale only because of a save is re-rendered by one
request at a time — the one that claims the page's render lock (Redis `SET NX PX`, shared by
every process and host; with the in-process cache, each process's own) — while every other
request gets the previous entry at once. The lock lives `PRESSROOM_RENDER_LOCK_MS` (a second by
default) unless the render ends first, which bounds how long anybody can see a page older than
the last save. A signed-in staff member never gets a stale page, so an editor sees a save on the
very next request. `X-Cache` tells which answer a response is: HIT, STALE (the previous page,
while another request renders) or MISS (rendered for this request).
"""

import math
from collections.abc import Callable
from datetime import timedelta
from functools import partial, wraps
from operator import itemgetter
from urllib.parse import parse_qsl, urlencode

from flask import Response, current_app, g, make_response, request
from werkzeug.http import parse_etags
from werkzeug.sansio.utils import host_is_trusted

from . import contentstate, timekeeping
from .content import content_token, page_token, token_of
from .contentstate import ALL_AREAS
from .extensions import cache
from .security import add_security_headers

#: Paths whose GET responses may come from the page cache: the pages and feeds of each
#: language, the widgets, and what crawlers read (the sitemaps are the largest responses).
PUBLIC_PREFIXES = ("/en/", "/ru/", "/widgets/", "/sitemap.xml", "/sitemaps/", "/robots.txt")
#: Where the render lock a request has claimed is kept in its WSGI environ, so the view renders
#: (instead of looking up the stale entry again) and releases the lock once the page is stored.
RENDERING = "pressroom.rendering"
#: Session cookies (over HTTP and over HTTPS): a request carrying one may be a staff member's.
SESSION_COOKIES = ("session=", "__Host-session=")


def wants_fragment(environ: dict) -> bool:
    """Tell whether a request asks for the htmx fragment: htmx, and not a history restore."""
    return environ.get("HTTP_HX_REQUEST") == "true" and (
        environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST") != "true"
    )


def canonical_query(query: str) -> str:
    """Return a query string in one spelling: parameters sorted by name, each name's values in
    their order (the order of repeated `tz` is the order of the clocks), one way of escaping."""
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True, errors="surrogateescape")
    return urlencode(sorted(pairs, key=itemgetter(0)), errors="surrogateescape")


def page_key(environ: dict) -> str:
    """Return the cache key of a request: everything the response's bytes depend on but the
    content — scheme, host, fragment or page, path and the query in canonical order.

    The environ is the one Flask sees (after ProxyFix), so a page cached for an http request is
    never served to an https one: its links, canonical URL and HSTS header would be wrong.
    """
    return "".join(
        (
            "page:",
            environ.get("wsgi.url_scheme", "http"),
            "://",
            environ.get("HTTP_HOST", ""),
            ":f:" if wants_fragment(environ) else ":p:",
            environ.get("PATH_INFO", ""),
            "?",
            canonical_query(environ.get("QUERY_STRING", "")),
        )
    )


def claim(backend, key: str, milliseconds: int) -> bool:
    """Claim the render lock `key` for `milliseconds`; False when another request holds it."""
    if hasattr(backend, "claim"):
        return backend.claim(key, milliseconds)
    return backend.add(key, 1, timeout=math.ceil(milliseconds / 1000))


def usable(
    key: str, areas: dict[str, str], app, environ: dict, now
) -> tuple[str | None, tuple | None]:
    """Return the cache entry of `key` and whether it may answer this request: "HIT", "STALE",
    or None to render.

    An entry made since the last save of what it shows is a hit. An entry that has outlived what
    it shows never answers. An entry older than such a save answers while another request
    re-renders the page; otherwise this request claims the render lock (noted in the environ)
    and renders — unless the request that held the lock stored the new page between this one's
    reading and its claim: then that page is a hit.
    """
    backend = backend_of(app)
    entry = backend.get(key)
    if entry is None or now >= entry[1]:
        return None, entry
    token = page_token(areas, entry[5])
    if entry[0] == token:
        return "HIT", entry
    cookies = environ.get("HTTP_COOKIE", "")
    if any(name in cookies for name in SESSION_COOKIES):
        return None, entry  # perhaps the editor who just saved: never show them the old page
    lock = f"render:{token}:{key}"
    if not claim(backend, lock, app.config["PRESSROOM_RENDER_LOCK_MS"]):
        return "STALE", entry
    stored = backend.get(key)
    if stored is not None and stored[0] == token and now < stored[1]:
        backend.delete(lock)
        return "HIT", stored
    environ[RENDERING] = lock
    return None, entry


def response_from(entry, verdict: str, environ: dict) -> Response:
    """Return the response for a usable cache entry (a 304 when If-None-Match names its ETag),
    with the verdict in `X-Cache`."""
    _, _, etag, body, headers, _ = entry
    header = environ.get("HTTP_IF_NONE_MATCH")
    if header and parse_etags(header).contains_weak(etag):
        response = Response(status=304, headers=headers)
        response.headers.remove("Content-Length")
    else:
        response = Response(body, headers=headers)
    response.headers["X-Cache"] = verdict
    return response


def backend_of(app):
    """Return the cache backend of `app` (the object behind the `cache` extension)."""
    return app.extensions["cache"][cache]


def cached_page(view=None, *, areas: tuple[str, ...] | Callable[..., tuple] = ALL_AREAS):
    """Serve `view` from the cache when possible; store its 200 responses without cookies.

    `areas` are the parts of the content the page shows (all unless the view says fewer), or
    a function of the view's arguments that returns them: a save touching none of them leaves
    the page cached.
    """
    if view is None:
        return partial(cached_page, areas=areas)

    @wraps(view)
    def wrapper(*args, **kwargs):
        environ = request.environ
        key = page_key(environ)
        now = timekeeping.utcnow()
        content_token()
        current = g.content_areas
        if RENDERING not in environ:
            verdict, entry = usable(key, current, current_app, environ, now)
            if verdict:
                return response_from(entry, verdict, environ)
        try:
            response = make_response(view(*args, **kwargs))
            shown = areas(*args, **kwargs) if callable(areas) else areas
            store(response, key, shown, page_token(current, shown), now)
            response.headers["X-Cache"] = "MISS"  # after storing: hits say what they are
        finally:
            lock = environ.pop(RENDERING, None)
            if lock is not None:
                cache.delete(lock)
        return response.make_conditional(request)

    return wrapper


def store(response: Response, key: str, areas: tuple[str, ...], token: str, now) -> None:
    """Cache a 200 response without cookies until it stops being true: its `s-maxage`, or the
    instant the next scheduled statement falls due if that is sooner."""
    timeout = response.cache_control.s_maxage or response.cache_control.max_age
    if response.status_code != 200 or not timeout or "Set-Cookie" in response.headers:
        return
    response.add_etag()
    expires = now + timedelta(seconds=int(timeout))
    due = g.get("content_due")
    if due is not None and due < expires:
        expires = due
    entry = (token, expires, response.get_etag()[0], response.get_data(),
             list(response.headers.items()), areas)
    cache.set(key, entry, timeout=int(timeout) + 1)


def share(response: Response, seconds: int, browser_seconds: int = 0) -> Response:
    """Let shared caches (and this app's cache) keep `response` for `seconds`, serving it stale
    while revalidating for as long again; browsers keep it `browser_seconds`, then revalidate."""
    response.headers["Cache-Control"] = (
        f"public, max-age={browser_seconds}, s-maxage={seconds}, stale-while-revalidate={seconds}"
    )
    return response


class CachedPages:
    """WSGI middleware that answers cache hits for public pages before Flask sees the request.

    A hit needs no routing, no request context and no extension hooks: the same key, the same
    freshness rules and the same headers as `cached_page`, read straight from the cache backend.
    Anything else — a miss, a stale token, a scheduled statement falling due, an untrusted host,
    the staff area — goes on to Flask unchanged.
    """

    def __init__(self, app):
        self.app = app
        self.wsgi_app = app.wsgi_app

    def __call__(self, environ, start_response):
        """Serve a fresh cached page, or pass the request on."""
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO", "").startswith(
            PUBLIC_PREFIXES
        ):
            response = self.lookup(environ)
            if response is not None:
                return response(environ, start_response)
            try:
                return self.wsgi_app(environ, start_response)
            finally:
                lock = environ.pop(RENDERING, None)
                if lock is not None:  # claimed here, and no cached view rendered the page
                    backend_of(self.app).delete(lock)
        return self.wsgi_app(environ, start_response)

    def lookup(self, environ) -> Response | None:
        """Return the cached response for this request, or None to let Flask answer."""
        trusted = self.app.config["TRUSTED_HOSTS"]
        if trusted and not host_is_trusted(environ.get("HTTP_HOST"), trusted):
            return None
        state = self.app.extensions[contentstate.EXTENSION]
        if state.needs_check():
            return None  # Flask checks the state against the database first
        now = timekeeping.utcnow()
        current = state.store.read()
        if token_of(current, now) is None:
            return None
        key = page_key(environ)
        verdict, entry = usable(key, current["areas"], self.app, environ, now)
        if not verdict:
            return None
        response = response_from(entry, verdict, environ)
        add_security_headers(response.headers, environ.get("wsgi.url_scheme") == "https")
        return response


def init_app(app) -> None:
    """Put the cache-hit middleware in front of the app."""
    app.wsgi_app = CachedPages(app)
