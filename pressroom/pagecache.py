"""Whole-response caching for public pages and widgets.

A response is cached under its path, its query string, whether htmx asked for the fragment, and
the content token (so every save invalidates every page at once). It is kept as long as shared
caches are told they may keep it (`s-maxage`): the view that knows how long its output stays
true — one second for a clock, until midnight for a counter — decides for both.
"""

from datetime import timedelta
from functools import wraps

from flask import Response, make_response, request

from . import timekeeping
from .content import content_token
from .extensions import cache


def _key() -> str:
    """Return the cache key of this request."""
    fragment = request.headers.get("HX-Request") == "true" and (
        request.headers.get("HX-History-Restore-Request") != "true"
    )
    return ":".join(["page", content_token(), "f" if fragment else "p", request.full_path])


def cached_page(view):
    """Serve `view` from the cache when possible; store its 200 responses without cookies."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = _key()
        now = timekeeping.utcnow()
        hit = cache.get(key)
        # Freshness is judged by the app's clock, so a page never outlives what it shows.
        if hit is not None and now < hit[0]:
            return Response(hit[1], headers=hit[2]).make_conditional(request)
        response = make_response(view(*args, **kwargs))
        timeout = response.cache_control.s_maxage or response.cache_control.max_age
        if response.status_code == 200 and timeout and "Set-Cookie" not in response.headers:
            response.add_etag()
            expires = now + timedelta(seconds=int(timeout))
            entry = (expires, response.get_data(), list(response.headers.items()))
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
