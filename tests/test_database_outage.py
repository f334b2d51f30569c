"""The database goes away and comes back: a localised 503 meanwhile, no restart, no failed request,
and nothing a member of staff typed is lost.

The app runs under gunicorn and reaches PostgreSQL through a proxy the test switches off and on;
the shared PostgreSQL server itself is never stopped. The staff forms are also tested in-process,
on either database, with every query failing as it does when the database is unreachable.
"""

from datetime import date
from urllib.error import HTTPError

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from pressroom.extensions import db
from pressroom.models import DayCounter

from .servers import AppServer, ServiceProxy
from .staff_client import StaffBrowser, hidden, html, statement_fields

UNAVAILABLE = {"en": "Temporarily unavailable", "ru": "Временно недоступно"}
NOTHING_SAVED = {
    "en": "The database cannot be reached just now, so nothing was saved.",
    "ru": "База данных сейчас недоступна, поэтому ничего не сохранено.",
}
NOT_SIGNED_IN = {
    "en": "The database cannot be reached just now, so you are not signed in.",
    "ru": "База данных сейчас недоступна, поэтому войти не удалось.",
}


@pytest.fixture
def proxied_server(app, database_url, tmp_path):
    """The app under gunicorn, its database behind a proxy; yields (server, proxy)."""
    if database_url.startswith("sqlite"):
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL): a SQLite file cannot become unreachable")
    url = make_url(database_url)
    proxy = ServiceProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port)
    server = AppServer(
        {"DATABASE_URL": proxied.render_as_string(hide_password=False)},
        tmp_path / "gunicorn.log",
    )
    yield server, proxy
    server.stop()
    proxy.close()


def test_restarted_database_costs_no_request(proxied_server, add_statement):
    """Connections killed by a database restart are replaced before use (pool pre-ping)."""
    server, proxy = proxied_server
    statement = add_statement({"en": "Before the restart", "ru": "До перезапуска"})
    assert server.get("/en/").status == 200
    connections = proxy.accepted
    proxy.drop_connections()
    response = server.get(f"/en/statements/{statement.id}/before-the-restart")
    assert response.status == 200
    assert "Before the restart" in response.text
    assert proxy.accepted > connections  # the dead connection was noticed and replaced


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_unreachable_database_is_a_localised_503_then_recovers(proxied_server, lang):
    """While the database is away: 503, Retry-After, the page in the URL's language, no trace.

    When it is back, the very next request succeeds, without restarting the app.
    """
    server, proxy = proxied_server
    assert server.get(f"/{lang}/").status == 200
    proxy.switch_off()
    # Addresses not seen before, so no cached answer hides the database.
    for path in (f"/{lang}/statements/?page=2", f"/{lang}/statements/123456/"):
        response = server.get(path)
        assert response.status == 503, (path, response.status, server.log_text())
        assert response.headers["Retry-After"] == "30"
        assert UNAVAILABLE[lang] in response.text
        assert f'<html lang="{lang}">' in response.text
    assert "database unavailable" in server.log_text()
    assert "Traceback" not in server.log_text()
    proxy.switch_on()
    assert server.get(f"/{lang}/statements/654321/").status == 404
    assert server.get(f"/{lang}/statements/").status == 200


def staff_request(browser: StaffBrowser, path: str, data: dict | None = None):
    """GET or POST through the signed-in browser; return (status, page, headers), errors too."""
    try:
        return 200, browser.page(path, data), {}
    except HTTPError as error:
        with error:
            return error.code, error.read().decode(), error.headers


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_signed_in_staff_get_the_503_page_and_keep_what_they_typed(
    proxied_server, staff_user, lang
):
    """During the outage a signed-in member of staff gets the 503 page, not a 500; a statement
    saved meanwhile comes back filled in with a localised "nothing was saved" message, and the
    same form, sent again once the database is back, saves."""
    server, proxy = proxied_server
    browser = StaffBrowser(server.url)
    browser.sign_in()
    form = browser.page(f"/staff/statements/new?lang={lang}")
    fields = {
        "csrf_token": hidden(form, "csrf_token"),
        "form_token": hidden(form, "form_token"),
        **statement_fields(
            en_title="Typed during the outage", ru_title="Набрано во время сбоя",
            en_body="A long text the writer must not lose.",
        ),
    }
    proxy.switch_off()
    status, page, headers = staff_request(browser, f"/staff/?lang={lang}")
    assert status == 503, (status, page[:300], server.log_text())
    assert headers["Retry-After"] == "30"
    assert UNAVAILABLE[lang] in page
    assert headers["Cache-Control"] == "no-store"

    status, page, headers = staff_request(browser, f"/staff/statements/new?lang={lang}", fields)
    assert status == 503, (status, page[:300], server.log_text())
    assert headers["Retry-After"] == "30"
    assert f'<html lang="{lang}">' in page
    assert NOTHING_SAVED[lang] in page
    assert "Typed during the outage" in page
    assert "Набрано во время сбоя" in page
    assert "A long text the writer must not lose." in page
    assert hidden(page, "form_token") == fields["form_token"]  # sending it again is safe
    assert "Traceback" not in server.log_text()

    proxy.switch_on()
    saved = browser.page(f"/staff/statements/new?lang={lang}", fields)
    assert 'value="Typed during the outage"' in saved  # the edit page of the saved statement
    assert browser.page("/en/statements/").count("Typed during the outage") == 1


def unreachable(*args, **kwargs):
    """Fail as SQLAlchemy does when the database does not answer."""
    raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


@pytest.fixture
def outage(monkeypatch):
    """Make every query of the test app fail as if the database were unreachable."""

    def start():
        for name in ("get", "scalar", "scalars", "execute", "commit"):
            monkeypatch.setattr(db.session, name, unreachable)

    return start


@pytest.mark.parametrize(
    ("path", "typed", "shown"),
    [
        ("/staff/statements/new", {"en-title": "A typed title"}, 'value="A typed title"'),
        ("/staff/statements/{statement}/edit", {"ru-lead": "Набранный лид"}, "Набранный лид"),
        ("/staff/counters/new", {"en-label": "the typed event"}, 'value="the typed event"'),
        ("/staff/counters/{counter}/edit", {"position": "77"}, 'value="77"'),
        ("/staff/clocks/new", {"timezone": "Asia/Tokyo"}, 'selected value="Asia/Tokyo"'),
        ("/staff/settings", {"ru-contact_line": "Дежурный: 123"}, 'value="Дежурный: 123"'),
    ],
)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_staff_form_sent_during_an_outage_comes_back_as_typed(
    app, staff, outage, add_statement, path, typed, shown, lang
):
    """Every staff form sent while the database is away: 503, Retry-After, the form filled in
    as it was sent and a localised "nothing was saved", with the staff headers."""
    statement = add_statement({"en": "Stored"})
    with app.app_context():
        counter = DayCounter(event_date=date(2020, 1, 1), timezone="UTC", position=0)
        db.session.add(counter)
        db.session.commit()
        counter_id = counter.id
    path = path.format(statement=statement.id, counter=counter_id) + f"?lang={lang}"
    token = hidden(html(staff.get(path)), "csrf_token")
    outage()
    response = staff.post(path, data={"csrf_token": token, **statement_fields(), **typed})
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert response.headers["Cache-Control"] == "no-store"
    page = html(response)
    assert f'<html lang="{lang}">' in page
    assert NOTHING_SAVED[lang] in page
    assert shown in page
    assert hidden(page, "csrf_token")
    assert f'action="{path.split("?")[0]}' in page  # sent again, it goes where it went


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_sign_in_during_an_outage_keeps_the_email(client, outage, lang):
    """A sign-in while the database is away: 503, the email kept, the password not."""
    token = hidden(html(client.get(f"/staff/sign-in?lang={lang}")), "csrf_token")
    outage()
    response = client.post(
        f"/staff/sign-in?lang={lang}",
        data={"csrf_token": token, "email": "typed@example.org", "password": "a secret phrase"},
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    page = html(response)
    assert NOT_SIGNED_IN[lang] in page
    assert 'value="typed@example.org"' in page
    assert "a secret phrase" not in page


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_staff_pages_and_buttons_during_an_outage_are_the_503_page(app, staff, outage, lang):
    """A page, or a button with nothing typed (delete, sign out): the localised 503 page."""
    token = hidden(html(staff.get("/staff/")), "csrf_token")
    outage()
    for response in (
        staff.get(f"/staff/?lang={lang}"),
        staff.post(f"/staff/clocks/1/delete?lang={lang}", data={"csrf_token": token}),
        staff.post(f"/staff/sign-out?lang={lang}", data={"csrf_token": token}),
    ):
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "30"
        assert response.headers["Cache-Control"] == "no-store"
        assert UNAVAILABLE[lang] in html(response)
