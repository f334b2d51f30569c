"""Whole-response caching for public pages and widgets.

A response is cached under its path, its query string, whether htmx asked for the fragment, and
the content token (so every save invalidates every page at once). It is kept as long as shared
caches are told they may keep it (`s-maxage`): the view that knows how long its output stays
true — one second for a clock, until midnight for a counter — decides for both. A hit is served
without rendering, and this is the hot path of the whole site, so it avoids work a plain
`make_conditional` would do (dates, ranges) that cached pages never need.
"""

from datetime import timedelta
from functools import wraps
from operator import itemgetter
from urllib.parse import parse_qsl, urlencode

from flask import Response, make_response, request
from werkzeug.http import parse_etags
from werkzeug.sansio.utils import host_is_trusted

from . import contentstate, timekeeping
from .content import content_token, token_of
from .extensions import cache
from .security import add_security_headers

#: Paths whose GET responses may come from the page cache: the pages and feeds of each
#: language, the widgets, and what crawlers read (the sitemaps are the largest responses).
PUBLIC_PREFIXES = ("/en/", "/ru/", "/widgets/", "/sitemap.xml", "/sitemaps/", "/robots.txt")


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


def page_key(token: str, environ: dict) -> str:
    """Return the cache key of a request: everything the response's bytes depend on — token,
    scheme, host, fragment or page, path and the query in canonical order.

    The environ is the one Flask sees (after ProxyFix), so a page cached for an http request is
    never served to an https one: its links, canonical URL and HSTS header would be wrong.
    """
    return "".join(
        (
            "page:",
            token,
            ":",
            environ.get("wsgi.url_scheme", "http"),
            "://",
            environ.get("HTTP_HOST", ""),
            ":f:" if wants_fragment(environ) else ":p:",
            environ.get("PATH_INFO", ""),
            "?",
            canonical_query(environ.get("QUERY_STRING", "")),
        )
    )


def response_from(entry, environ: dict, now) -> Response | None:
    """Return the response for a fresh cache entry (a 304 when If-None-Match names its ETag),
    or None when there is no entry or it has expired.

    Freshness is judged by the app's clock, so a page never outlives what it shows.
    """
    if entry is None or now >= entry[0]:
        return None
    _, etag, body, headers = entry
    header = environ.get("HTTP_IF_NONE_MATCH")
    if header and parse_etags(header).contains_weak(etag):
        response = Response(status=304, headers=headers)
        response.headers.remove("Content-Length")
        return response
    return Response(body, headers=headers)


def cached_page(view):
    """Serve `view` from the cache when possible; store its 200 responses without cookies."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = page_key(content_token(), request.environ)
        now = timekeeping.utcnow()
        hit = response_from(cache.get(key), request.environ, now)
        if hit is not None:
            return hit
        response = make_response(view(*args, **kwargs))
        timeout = response.cache_control.s_maxage or response.cache_control.max_age
        if response.status_code == 200 and timeout and "Set-Cookie" not in response.headers:
            response.add_etag()
            etag = response.get_etag()[0]
            entry = (
                now + timedelta(seconds=int(timeout)),
                etag,
                response.get_data(),
                list(response.headers.items()),
            )
            cache.set(key, entry, timeout=int(timeout) + 1)
        return response.make_conditional(request)

    return wrapper


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
        token = token_of(state.store.read(), now)
        if token is None:
            return None
        backend = self.app.extensions["cache"][cache]
        response = response_from(backend.get(page_key(token, environ)), environ, now)
        if response is None:
            return None
        add_security_headers(response.headers, environ.get("wsgi.url_scheme") == "https")
        return response


def init_app(app) -> None:
    """Put the cache-hit middleware in front of the app."""
    app.wsgi_app = CachedPages(app)
