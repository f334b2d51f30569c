"""The 500 page: rendered from nothing that can fail, in the request's language, with every header.

A view fails as a query with a mistake in it does: on PostgreSQL the failed statement leaves the
transaction aborted, so anything the error page asked of the database would fail again.
"""

import logging
import re
from contextlib import suppress

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from pressroom import content
from pressroom.extensions import db
from pressroom.security import BASE_POLICY
from pressroom.staff import views as staff_views

from .staff_client import html

LANGS = ["en", "ru"]
WENT_WRONG = {"en": "Something went wrong", "ru": "Что-то пошло не так"}


def failing_query(*args, **kwargs):
    """Send a query the database refuses, then raise ProgrammingError as SQLAlchemy would."""
    try:
        db.session.execute(text("SELECT no_such_column FROM statement"))
    except DBAPIError as error:  # SQLite says OperationalError, PostgreSQL ProgrammingError
        raise ProgrammingError(error.statement, error.params, error.orig) from None
    raise AssertionError("the query should have failed")


def failing_code(*args, **kwargs):
    """Leave the transaction aborted, then fail with a plain programming mistake."""
    with suppress(DBAPIError):
        db.session.execute(text("SELECT no_such_column FROM statement"))
    raise RuntimeError("a mistake in the code")


FAILURES = {"query": failing_query, "code": failing_code}


@pytest.fixture
def failing_app(make_app):
    """An app answering unexpected errors with its 500 page, as in production (no propagation)."""
    return make_app(PROPAGATE_EXCEPTIONS=False)


def assert_500_page(response, lang: str, staff: bool) -> str:
    """Check the 500 page: localised, every security header, a request id on the page and in
    the headers; return the request id."""
    assert response.status_code == 500
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert WENT_WRONG[lang] in page
    assert "Traceback" not in page
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    if staff:
        assert headers["Content-Security-Policy"] == f"{BASE_POLICY}; frame-ancestors 'none'"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Robots-Tag"] == "noindex"
    else:
        assert headers["Content-Security-Policy"] == f"{BASE_POLICY}; frame-ancestors 'self'"
        assert headers["X-Frame-Options"] == "SAMEORIGIN"
    request_id = headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{16}", request_id)
    assert request_id in page
    return request_id


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("lang", LANGS)
def test_public_page_failure_is_a_localised_500_with_headers(
    failing_app, monkeypatch, caplog, lang, failure
):
    """A failing public page: the 500 page in the URL's language, logged under its request id."""
    monkeypatch.setattr(content, "page", FAILURES[failure])
    with caplog.at_level(logging.ERROR):
        response = failing_app.test_client().get(f"/{lang}/statements/")
    request_id = assert_500_page(response, lang, staff=False)
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback goes to the log


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("lang", LANGS)
def test_widget_failure_is_a_localised_500_with_headers(failing_app, monkeypatch, lang, failure):
    """A failing widget: the 500 page in the widget's language, framed by no one but the site."""
    monkeypatch.setattr(content, "latest", FAILURES[failure])
    response = failing_app.test_client().get(f"/widgets/latest?lang={lang}")
    assert_500_page(response, lang, staff=False)


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("lang", LANGS)
def test_staff_failure_signed_in_is_a_localised_500_with_staff_headers(
    failing_app, staff_user, monkeypatch, lang, failure
):
    """A failing staff page for a signed-in member of staff: the 500 page, staff headers."""
    from .staff_client import sign_in

    client = failing_app.test_client()
    assert sign_in(client).status_code == 303
    monkeypatch.setattr(staff_views, "_site_zone", FAILURES[failure])
    response = client.get(f"/staff/statements/new?lang={lang}")
    assert_500_page(response, lang, staff=True)
    # The next request of the same person works: nothing of the failure is left behind.
    monkeypatch.undo()
    assert client.get(f"/staff/?lang={lang}").status_code == 200


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("lang", LANGS)
def test_staff_failure_anonymous_is_a_localised_500_with_staff_headers(
    failing_app, monkeypatch, lang, failure
):
    """A failing sign-in page: the 500 page in the page's language, staff headers."""
    monkeypatch.setattr(staff_views, "safe_next", FAILURES[failure])
    response = failing_app.test_client().get(f"/staff/sign-in?lang={lang}")
    assert_500_page(response, lang, staff=True)


def test_each_500_has_its_own_request_id(failing_app, monkeypatch):
    """Two failures, two ids: a report names one logged failure."""
    monkeypatch.setattr(content, "page", failing_code)
    client = failing_app.test_client()
    first = client.get("/en/statements/").headers["X-Request-Id"]
    second = client.get("/en/statements/").headers["X-Request-Id"]
    assert first != second


def test_pages_that_work_carry_no_request_id(client):
    """The id is for failures: cached pages stay byte for byte the same for every visitor."""
    assert "X-Request-Id" not in client.get("/en/").headers
