"""Every error status a visitor can meet, on a route of each kind (a public page, a widget, the
staff area) and in both languages: the page is in the request's language and carries the headers
of its route's row in tests/route_policy.py.

400, 404, 405, 413, 414, 431, 500 and 503 are the app's and are made here through the test
client. 413 needs a route that reads a body: only the staff forms do (a public page or widget
answers any body with 405 before reading it). 414 (a request line over LIMIT_REQUEST_LINE) and
431 (more than LIMIT_REQUEST_FIELDS header fields, or one over LIMIT_REQUEST_FIELD_SIZE) are the
app's own since gunicorn's limits sit above them (pressroom/headerlimits.py); tests/test_deploy.py
shows the same pages through gunicorn and nginx.
"""

import pytest
from sqlalchemy.exc import OperationalError

from pressroom import content
from pressroom.errors import MESSAGES
from pressroom.extensions import db
from pressroom.i18n import BABEL_LOCALES
from pressroom.staff import views as staff_views

from .route_policy import route_of, security_problems
from .staff_client import hidden, html, sign_in

LANGS = ["en", "ru"]
KINDS = ["site", "widget", "staff"]
ANCESTORS = "*"  # PRESSROOM_WIDGET_FRAME_ANCESTORS in the test configuration
#: What each kind of route is represented by: (path, query giving the language).
PAGES = {
    "site": ("/{lang}/statements/", ""),
    "widget": ("/widgets/latest", "?lang={lang}"),
    "staff": ("/staff/statements/new", "?lang={lang}"),
}


def fail(*args, **kwargs):
    """Fail as a mistake in the code does."""
    raise RuntimeError("a mistake in the code")


def unreachable(*args, **kwargs):
    """Fail as SQLAlchemy does when the database does not answer."""
    raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


#: Where each kind of route is made to fail: a function its view calls.
FAILING = {
    "site": (content, "page"),
    "widget": (content, "latest"),
    "staff": (staff_views, "_site_zone"),
}


def title(code: int, lang: str, app) -> str:
    """Return the title of the error page for `code` in `lang`."""
    from flask_babel import force_locale

    with app.test_request_context(), force_locale(BABEL_LOCALES[lang]):
        return str(MESSAGES[code][0])


@pytest.fixture
def visitor(make_app, staff_user):
    """Return a function giving a client of an app that answers failures with its 500 page (as
    in production), signed in for the staff area."""

    def make(kind: str, **config):
        client = make_app(PROPAGATE_EXCEPTIONS=False, **config).test_client()
        if kind == "staff":
            assert sign_in(client).status_code == 303
        return client

    return make


def request_for(status: int, kind: str, lang: str, visitor, monkeypatch):
    """Make a request of `kind` that the app answers with `status`; return (method, path,
    response)."""
    page, query = PAGES[kind]
    path, query = page.format(lang=lang), query.format(lang=lang)
    method = "GET"
    if status == 400 and kind == "site":
        # A public page has no form: a host name the site does not answer to.
        client = visitor(kind, SERVER_NAME=None, TRUSTED_HOSTS=["pressroom.test"])
        return method, path, client.get(path, headers={"Host": "attacker.example"})
    client = visitor(kind)
    if status == 400 and kind == "widget":
        response = client.get(path + query + "&limit=0")  # the widget's own 400 page
    elif status == 400:
        method = "POST"
        response = client.post(path + query, data={"csrf_token": "not the token"})
    elif status == 404:
        path = {
            "site": f"/{lang}/statements/999999/",
            "widget": "/widgets/statement/999999",
            "staff": "/staff/statements/999999/edit",
        }[kind]
        response = client.get(path + query)
    elif status == 405:
        method = "PUT"
        response = client.put(path + query)
    elif status == 413:
        method = "POST"
        token = hidden(html(client.get(path + query)), "csrf_token")
        response = client.post(
            path + query,
            data=f"csrf_token={token}&en-body=" + "x" * (2 * 1024 * 1024),
            content_type="application/x-www-form-urlencoded",
        )
    elif status == 414:
        # A request line one byte over the limit: `GET <path> HTTP/1.1`.
        padding = "&" if query else "?"
        start = f"{path}{query}{padding}q="
        longest = client.application.config["LIMIT_REQUEST_LINE"]
        response = client.get(start + "x" * (longest + 1 - len(f"GET {start} HTTP/1.1")))
    elif status == 431:
        response = client.get(path + query, headers=TOO_MANY_FIELDS)
    elif status == 500:
        monkeypatch.setattr(*FAILING[kind], fail)
        response = client.get(path + query)
    else:  # 503
        monkeypatch.setattr(*FAILING[kind], unreachable)
        if kind == "staff":  # the first query of a staff request loads the signed-in account
            monkeypatch.setattr(db.session, "get", unreachable)
        response = client.get(path + query)
    return method, path, response


#: Header fields over LIMIT_REQUEST_FIELDS (50 in the test configuration too).
TOO_MANY_FIELDS = {f"X-Field-{n}": "1" for n in range(60)}


#: Each status on each kind of route that can answer it (only the staff forms read a body).
CASES = [
    (status, kind)
    for status in (400, 404, 405, 413, 414, 431, 500, 503)
    for kind in KINDS
    if status != 413 or kind == "staff"
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("status", "kind"), CASES)
def test_error_statuses_are_localised_with_their_routes_headers(
    app, visitor, monkeypatch, status, kind, lang
):
    """Each error status on a route of each kind: the status, the page in the request's language
    and the security headers of the route's row (its error policy)."""
    method, path, response = request_for(status, kind, lang, visitor, monkeypatch)
    assert response.status_code == status, html(response)[:300]
    page = html(response)
    assert f'<html lang="{lang}">' in page
    if kind == "widget" and status in (400, 404):
        # The widget's own pages: what is wrong with the address, or a framable card.
        assert "pr-widget" in page
    else:
        assert title(status, lang, app) in page
    assert "Traceback" not in page
    route = route_of(app, path, method)
    assert security_problems(route, response, ANCESTORS) == []
    if status == 503:
        assert response.headers["Retry-After"] == "30"
    if status == 500:
        assert response.headers["X-Request-Id"] in page
