"""Localised error pages: every error answers in the visitor's language, never a bare 500.

An error page is rendered from what this module gives it alone, never through the context
processors, which load the signed-in account (a query), read the site settings (the cache and a
query) and build staff forms (which read the request body): any of these may be what failed.
"""

import secrets
from contextlib import suppress

from flask import current_app, g, request
from flask.globals import request_ctx
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from . import content
from .config import LANGUAGES
from .extensions import db
from .i18n import current_language, preferred_language

#: Title and explanation of each error page.
MESSAGES = {
    400: (
        _l("Bad request"),
        _l("The address or the form contains something this site cannot use."),
    ),
    403: (
        _l("Not allowed"),
        _l("Your role in the staff area does not allow this. An editor can do it."),
    ),
    404: (_l("Page not found"), _l("There is no page at this address. It may have been moved.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    413: (_l("Request too large"), _l("What was sent is larger than this site accepts.")),
    414: (_l("Address too long"), _l("This address is longer than this site accepts.")),
    431: (
        _l("Request headers too large"),
        _l(
            "Your browser sent more or larger headers than this site accepts. "
            "Deleting this site's cookies may help."
        ),
    ),
    429: (_l("Too many requests"), _l("Please wait a little and try again.")),
    500: (_l("Something went wrong"), _l("The error has been logged. Please try again later.")),
    503: (
        _l("Temporarily unavailable"),
        _l("The site cannot reach its database just now. Please try again in a minute."),
    ),
}


#: Seconds a client is told to wait when the database is unreachable.
RETRY_AFTER = 30
#: The response header that carries the id a 500 page shows and the log records.
REQUEST_ID_HEADER = "X-Request-Id"


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


def request_id() -> str:
    """Return the request's id, made on first use: it names a failure in the log and on its page."""
    if "request_id" not in g:
        g.request_id = secrets.token_hex(8)
    return g.request_id


def log_failure(app, exc_info) -> None:
    """Log an unexpected exception with its traceback under the request's id (Flask calls this,
    through `Pressroom.log_exception`, right before the 500 page is made)."""
    app.logger.error(
        "Exception on %s [%s], request id %s", request.path, request.method, request_id(),
        exc_info=exc_info,
    )


def render_alone(template: str, context: dict) -> str:
    """Render `template` from `context` and the template globals only: no context processor runs.

    `context` must give what the processors would: error pages need `site_title` and
    `settings`; staff pages also `current_user`, `confirm_form` and `alternates`.
    """
    return current_app.jinja_env.get_template(template).render(context)


def site_context(code: int) -> dict:
    """Return the site title and settings for an error page: read for a 4xx (from the cache,
    else the database), never for a 5xx, whose cause may be the database or the cache."""
    found = content.Settings()
    if code < 500:
        try:
            found = content.settings(current_language())
        except SQLAlchemyError as error:
            current_app.logger.warning("error page without site settings: %s", error)
            with suppress(SQLAlchemyError):
                db.session.rollback()
    return {"settings": found, "site_title": found.site_title or _("Press statements")}


def render_error(code: int, description: str | None = None) -> str:
    """Return the error page for `code` in the request's language."""
    settle_language()
    title, explanation = MESSAGES.get(code, MESSAGES[500])
    context = {
        **site_context(code),
        "code": code,
        "title": title,
        "explanation": description or explanation,
        "request_id": g.get("request_id"),
    }
    # Without a URL adapter (the Host header was not trusted) no link can be built.
    if request_ctx.url_adapter is not None:
        try:
            return render_alone("error.html", context)
        except Exception:  # the page with links failed: the one without them still answers
            current_app.logger.exception("error page %s failed, request id %s", code, request_id())
    return render_alone("error_bare.html", context)


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
    body = render_error(error.code or 500, describe(error))
    response = error.get_response()
    response.set_data(body)
    response.content_type = "text/html; charset=utf-8"
    return response


def handle_server_error(error: InternalServerError):
    """Answer an unexpected failure with the 500 page, its request id on the page and in a
    header; the security headers are added after, as to every response."""
    if "request_id" not in g:  # an explicit abort(500): Flask logged nothing
        current_app.logger.error(
            "500 on %s [%s], request id %s", request.path, request.method, request_id()
        )
    response = handle_http_error(error)
    response.headers[REQUEST_ID_HEADER] = request_id()
    return response


def note_database_down(error: OperationalError) -> None:
    """Log that the database cannot be reached, and keep the rest of the request away from it."""
    current_app.logger.warning("database unavailable: %s", str(error).splitlines()[0])
    # The page must not ask the database again (for the site settings, say).
    g.database_down = True
    # The connection may be gone; the pool drops it, and pre-ping checks the next one.
    with suppress(OperationalError):
        db.session.rollback()


def handle_database_down(error: OperationalError):
    """Answer 503 with Retry-After when the database cannot be reached."""
    note_database_down(error)
    return handle_http_error(ServiceUnavailable(retry_after=RETRY_AFTER))


def init_app(app) -> None:
    """Register the error handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(InternalServerError, handle_server_error)
    app.register_error_handler(OperationalError, handle_database_down)
