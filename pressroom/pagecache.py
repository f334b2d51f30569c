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

from flask import Response, make_response, request

from . import timekeeping
from .content import content_token
from .extensions import cache


def _key() -> str:
    """Return the cache key of this request, from the raw path and query string."""
    environ = request.environ
    fragment = environ.get("HTTP_HX_REQUEST") == "true" and (
        environ.get("HTTP_HX_HISTORY_RESTORE_REQUEST") != "true"
    )
    return "".join(
        ("page:", content_token(), ":f:" if fragment else ":p:", environ.get("PATH_INFO", ""), "?",
         environ.get("QUERY_STRING", ""))
    )


def _not_modified(etag: str) -> bool:
    """Tell whether the request's If-None-Match already names `etag`."""
    header = request.environ.get("HTTP_IF_NONE_MATCH")
    return bool(header) and request.if_none_match.contains_weak(etag)


def cached_page(view):
    """Serve `view` from the cache when possible; store its 200 responses without cookies."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = _key()
        now = timekeeping.utcnow()
        hit = cache.get(key)
        # Freshness is judged by the app's clock, so a page never outlives what it shows.
        if hit is not None and now < hit[0]:
            expires, etag, body, headers = hit
            if _not_modified(etag):
                response = Response(status=304, headers=headers)
                response.headers.remove("Content-Length")
                return response
            return Response(body, headers=headers)
        response = make_response(view(*args, **kwargs))
        timeout = response.cache_control.s_maxage or response.cache_control.max_age
        if response.status_code == 200 and timeout and "Set-Cookie" not in response.headers:
            response.add_etag()
            etag = response.get_etag()[0]
            entry = (
                now + timedelta(seconds=int(timeout)), etag, response.get_data(),
                list(response.headers.items()),
            )
            cache.set(key, entry, timeout=int(timeout) + 1)
        return response.make_conditional(request)

    return wrapper


def share(response: Response, seconds: int, browser_seconds: int = 0) -> Response:
    """Let shared caches (and this app's cache) keep `response` for `seconds`, serving it stale
    while revalidating for as long again; browsers keep it `browser_seconds`, then revalidate."""
    response.headers["Cache-Control"] = (
        f"public, max-age={browser_seconds}, s-maxage={seconds}, "
        f"stale-while-revalidate={seconds}"
    )
    return response
