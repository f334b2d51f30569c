"""A write must come from this site's own pages, over HTTP as over HTTPS: a valid CSRF token
sent from another site's page (or with a browser's `Sec-Fetch-Site: cross-site`) is refused."""

import pytest
from sqlalchemy import func, select

from pressroom.extensions import db
from pressroom.models import Statement

from .staff_client import csrf_token, new_statement_form, statement_fields

REFUSED = [
    {"Origin": "http://evil.example"},
    {"Origin": "null"},
    {"Origin": "https://pressroom.test"},  # the right host over the wrong scheme
    {"Origin": "http://pressroom.test.evil.example"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site"},  # a neighbouring subdomain is another site here
    {"Sec-Fetch-Site": "cross-site", "Origin": "http://pressroom.test"},
]
ACCEPTED = [
    {},  # a client that sends neither relies on the token alone
    {"Origin": "http://pressroom.test"},
    {"Sec-Fetch-Site": "same-origin", "Origin": "http://pressroom.test"},
    {"Sec-Fetch-Site": "none"},
]


def statements(app) -> int:
    """Return how many statements are stored."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Statement))


@pytest.mark.parametrize("headers", REFUSED)
def test_a_cross_site_write_with_a_valid_token_is_refused(app, staff, headers):
    """400 with the localised explanation, nothing stored."""
    tokens = new_statement_form(staff)
    response = staff.post(
        "/staff/statements/new?lang=ru",
        data={**tokens, **statement_fields(en_title="Forged", ru_title="Подделка")},
        headers=headers,
    )
    assert response.status_code == 400
    assert "Форма устарела или отправлена не с этого сайта" in response.get_data(as_text=True)
    assert statements(app) == 0


@pytest.mark.parametrize("headers", ACCEPTED)
def test_a_write_from_this_site_is_accepted(app, staff, headers):
    """The site's own form (or a client without the headers) saves as before."""
    tokens = new_statement_form(staff)
    response = staff.post(
        "/staff/statements/new",
        data={**tokens, **statement_fields(en_title="Genuine", ru_title="Подлинное")},
        headers=headers,
    )
    assert response.status_code == 303
    assert statements(app) == 1


def test_cross_site_sign_in_is_refused(client, staff_user):
    """Login CSRF: another site cannot sign a visitor in to an account of its choosing."""
    token = csrf_token(client)
    response = client.post(
        "/staff/sign-in",
        data={"csrf_token": token, "email": "officer@example.org", "password": "x"},
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 400


def test_behind_an_https_proxy_the_https_origin_is_the_own_one(make_app, staff_user):
    """Behind the proxy fix the site's origin is https: that one is accepted, http refused."""
    client = make_app(PRESSROOM_PROXY_FIX=1).test_client()
    https = {"X-Forwarded-Proto": "https"}
    page = client.get("/staff/sign-in", headers=https).get_data(as_text=True)
    from .staff_client import hidden

    data = {"csrf_token": hidden(page, "csrf_token"), "email": "officer@example.org",
            "password": "wrong password"}
    wrong = client.post(
        "/staff/sign-in", data=data, headers={**https, "Origin": "http://pressroom.test",
                                              "Referer": "https://pressroom.test/staff/sign-in"}
    )
    assert wrong.status_code == 400
    right = client.post(
        "/staff/sign-in", data=data, headers={**https, "Origin": "https://pressroom.test",
                                              "Referer": "https://pressroom.test/staff/sign-in"}
    )
    assert right.status_code == 422  # reached the form: the password is wrong
