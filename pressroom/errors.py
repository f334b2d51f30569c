"""Localised error pages: every error answers in the visitor's language, never a bare 500."""

from contextlib import suppress

from flask import current_app, g, render_template, request
from flask.globals import request_ctx
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from .config import LANGUAGES
from .extensions import db
from .i18n import preferred_language

#: Title and explanation of each error page.
MESSAGES = {
    400: (
        _l("Bad request"),
        _l("The address or the form contains something this site cannot use."),
    ),
    404: (_l("Page not found"), _l("There is no page at this address. It may have been moved.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    413: (_l("Request too large"), _l("What was sent is larger than this site accepts.")),
    429: (_l("Too many requests"), _l("Please wait a little and try again.")),
    500: (_l("Something went wrong"), _l("The error has been logged. Please try again later.")),
    503: (
        _l("Temporarily unavailable"),
        _l("The site cannot reach its database just now. Please try again in a minute."),
    ),
}


#: Seconds a client is told to wait when the database is unreachable.
RETRY_AFTER = 30


def guess_language() -> str:
    """Return the language of the failed request: from the URL if it has one, else preferred."""
    if g.get("lang") in LANGUAGES:
        return g.lang
    first = request.path.strip("/").split("/", 1)[0]
    if first in LANGUAGES:
        return first
    if request.args.get("lang") in LANGUAGES:
        return request.args["lang"]
    return preferred_language()


def settle_language() -> None:
    """Fix the error page's language before its first translated word (the request's own if
    a blueprint decided it, else guessed)."""
    g.lang = guess_language()


def render_error(code: int, description: str | None = None):
    """Render the error page for `code` in the request's language."""
    settle_language()
    title, explanation = MESSAGES.get(code, MESSAGES[500])
    # Without a URL adapter (the Host header was not trusted) no link can be built.
    template = "error.html" if request_ctx.url_adapter is not None else "error_bare.html"
    return render_template(
        template, code=code, title=title, explanation=description or explanation
    ), code


#: A refused CSRF token, explained for people (it is most often an old or reopened page).
CSRF_MESSAGE = _l(
    "This form is out of date or did not come from this site. "
    "Go back, reload the page and send the form again."
)


def retry_message(error: HTTPException) -> str | None:
    """Return "try again in N seconds" for a request refused with a Retry-After in seconds."""
    retry_after = getattr(error, "retry_after", None)
    if not isinstance(retry_after, int):
        return None
    seconds = max(1, retry_after)
    return ngettext(
        "Too many attempts. Please try again in %(num)s second.",
        "Too many attempts. Please try again in %(num)s seconds.",
        seconds,
    )


def describe(error: HTTPException) -> str | None:
    """Return a more precise explanation than the status code's, when there is one."""
    if isinstance(error, CSRFError):
        settle_language()
        return str(CSRF_MESSAGE)
    if error.code == 429:
        settle_language()
        return retry_message(error)
    return None


def handle_http_error(error: HTTPException):
    """Answer an HTTP error with the localised page, keeping headers such as Retry-After."""
    body, code = render_error(error.code or 500, describe(error))
    response = error.get_response()
    response.set_data(body)
    response.content_type = "text/html; charset=utf-8"
    return response


def handle_database_down(error: OperationalError):
    """Answer 503 with Retry-After when the database cannot be reached."""
    current_app.logger.warning("database unavailable: %s", str(error).splitlines()[0])
    # The page must not ask the database again (for the site settings, say).
    g.database_down = True
    # The connection may be gone; the pool drops it, and pre-ping checks the next one.
    with suppress(OperationalError):
        db.session.rollback()
    return handle_http_error(ServiceUnavailable(retry_after=RETRY_AFTER))


def init_app(app) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(OperationalError, handle_database_down)
