"""Request line and header limits, answered by the app: a localised 414 or 431 page with the
headers of the route the address belongs to, like every other error.

gunicorn refuses what is over its own limits before the app runs, with a bare English page and
no security headers. So the documented limits are the app's (LIMIT_REQUEST_LINE,
LIMIT_REQUEST_FIELDS, LIMIT_REQUEST_FIELD_SIZE) and gunicorn's are set above them, as a backstop
(gunicorn.conf.py): every request up to the app's limits, and a little over, reaches the app.

The check is a WSGI middleware in front of the cache-hit middleware (pagecache.py), so a refused
request is never answered from the page cache; it only measures the environ (no body is read, no
cache or database asked). A refused request goes straight to Flask, skipping the cache, and the
first before-request hook raises the error, before any other hook (the CSRF check reads a POST's
body) runs: the error handlers of errors.py render the page and security.py adds the headers.
"""

from urllib.parse import quote

from flask import request
from werkzeug.exceptions import RequestHeaderFieldsTooLarge, RequestURITooLarge

#: Where the middleware notes a refusal in the environ, for the before-request hook.
REFUSED = "pressroom.refused"
#: Header-like environ keys that carry no HTTP_ prefix (WSGI's own spelling of two headers).
UNPREFIXED = ("CONTENT_TYPE", "CONTENT_LENGTH")


def request_line_length(environ: dict) -> int:
    """Return the length in bytes of the request line as received: method, address with its
    query, protocol, separated by spaces (as gunicorn and nginx count it; the line end aside)."""
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if target is None:  # a server that does not pass the address as sent: rebuild it
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        target = quote(path.encode("latin-1", "replace"), safe="/;:@&=+$,!~*'()%")
        if environ.get("QUERY_STRING"):
            target += "?" + environ["QUERY_STRING"]
    return (
        len(environ.get("REQUEST_METHOD", ""))
        + len(target.encode("latin-1", "replace"))
        + len(environ.get("SERVER_PROTOCOL", "HTTP/1.1"))
        + 2
    )


def header_fields(environ: dict):
    """Yield (name length, value) of each header field the environ carries.

    WSGI spells a header as HTTP_ and its name (Content-Type and Content-Length without the
    prefix), and a server joins a repeated field into one, so a repeated field counts once.
    """
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            yield len(key) - 5, value
        elif key in UNPREFIXED and value:
            yield len(key), value


def refusal(environ: dict, line: int, fields: int, field_size: int) -> int | None:
    """Return 414 or 431 when the request is over a limit, None when it is within them.

    `line` is the longest request line in bytes; `fields` the most header fields; `field_size`
    the largest field in bytes, counted as sent: name, colon and space, value, line end.
    """
    if request_line_length(environ) > line:
        return 414
    count = 0
    for name_length, value in header_fields(environ):
        count += 1
        if name_length + len(value) + 4 > field_size:  # ": " and CRLF
            return 431
    if count > fields:
        return 431
    return None


class HeaderLimits:
    """WSGI middleware: a request over a limit goes to Flask, past the page cache, marked."""

    def __init__(self, app, wsgi_app):
        self.flask_app = app
        self.wsgi_app = wsgi_app
        config = app.config
        self.limits = (
            config["LIMIT_REQUEST_LINE"],
            config["LIMIT_REQUEST_FIELDS"],
            config["LIMIT_REQUEST_FIELD_SIZE"],
        )

    def __call__(self, environ, start_response):
        """Pass a request within the limits on; send one over them to Flask's own WSGI app."""
        status = refusal(environ, *self.limits)
        if status is None:
            return self.wsgi_app(environ, start_response)
        environ[REFUSED] = status
        return type(self.flask_app).wsgi_app(self.flask_app, environ, start_response)


def refuse_over_limits() -> None:
    """Before every other hook: raise the 414 or 431 the middleware decided on."""
    status = request.environ.get(REFUSED)
    if status == 414:
        raise RequestURITooLarge()
    if status == 431:
        raise RequestHeaderFieldsTooLarge()


def init_app(app) -> None:
    """Put the limits in front of the page cache (call after pagecache.init_app, before the
    proxy fix), and their hook before every other before-request hook."""
    app.wsgi_app = HeaderLimits(app, app.wsgi_app)
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_over_limits)
