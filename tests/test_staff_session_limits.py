"""Staff sessions end after 30 minutes without a request and 12 hours after sign-in, on the server.

The `clock` fixture freezes `timekeeping.utcnow`; it comes before `staff` in each signature, so
the sign-in happens at the frozen instant.
"""

import pytest
from sqlalchemy import select

from pressroom.config import from_environment
from pressroom.extensions import db
from pressroom.models import Statement

from .staff_client import hidden, html, sign_in, statement_fields

IDLE_MESSAGE = {
    "en": "Your session has ended after 30 minutes without activity. Please sign in again.",
    "ru": "Сеанс завершён после 30 минут бездействия. Войдите снова.",
}
MAX_MESSAGE = {
    "en": "Your session has ended: a session lasts at most 12 hours. Please sign in again.",
    "ru": "Сеанс завершён: сеанс длится не дольше 12 часов. Войдите снова.",
}


def test_activity_keeps_a_session_open(app, clock, staff):
    """Requests less than 30 minutes apart keep the session, past any 30 minutes in total."""
    for _ in range(4):
        clock.advance(minutes=29)
        assert staff.get("/staff/").status_code == 200


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_idle_session_ends_and_the_sign_in_page_says_why(app, clock, staff, lang):
    """31 minutes without a request: the next one goes to the sign-in page, which says why
    (once), in the page's language, and leads back to the page after signing in."""
    clock.advance(minutes=31)
    response = staff.get(f"/staff/settings?lang={lang}")
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/staff/sign-in?") and "next=" in location
    page = html(staff.get(location))
    assert IDLE_MESSAGE[lang] in page
    assert IDLE_MESSAGE[lang] not in html(staff.get(location)), "said once"
    # Signed out for good: the dashboard needs a new sign-in, which works and leads back.
    assert staff.get("/staff/").status_code == 303
    signed_in = sign_in(staff, query=f"?next=/staff/settings?lang={lang}")
    assert signed_in.status_code == 303
    assert signed_in.headers["Location"] == f"/staff/settings?lang={lang}"
    assert staff.get("/staff/").status_code == 200


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_session_ends_twelve_hours_after_sign_in_however_active(app, clock, staff, lang):
    """Even with a request every 20 minutes, the session ends 12 hours after sign-in."""
    for _ in range(12 * 3):
        clock.advance(minutes=20)
        assert staff.get("/staff/").status_code == 200
    clock.advance(seconds=1)
    response = staff.get(f"/staff/?lang={lang}")
    assert response.status_code == 303
    assert MAX_MESSAGE[lang] in html(staff.get(response.headers["Location"]))


def test_the_sign_in_page_itself_says_the_session_ended(app, clock, staff):
    """Opening the sign-in page with an ended session shows the form and the reason."""
    clock.advance(minutes=45)
    response = staff.get("/staff/sign-in")
    assert response.status_code == 200
    assert IDLE_MESSAGE["en"] in html(response)


def test_a_copied_cookie_ends_too(app, clock, staff):
    """The times are in the signed cookie: a copy of it made before the limit is no use after."""
    cookie = staff.get_cookie("session", domain="pressroom.test").value
    clock.advance(minutes=31)
    other = app.test_client()
    other.set_cookie("session", cookie, domain="pressroom.test")
    assert other.get("/staff/").status_code == 303


def test_a_form_sent_after_the_session_ended_is_not_lost(app, clock, staff):
    """A statement sent after 31 idle minutes is not saved; the sign-in page (401) says so,
    shows what was typed, and leads back to the form after signing in."""
    page = html(staff.get("/staff/statements/new"))
    clock.advance(minutes=31)
    response = staff.post("/staff/statements/new", data={
        "csrf_token": hidden(page, "csrf_token"), "form_token": hidden(page, "form_token"),
        **statement_fields(en_title="Harbour accord signed",
                           en_body="The harbour accord was signed <at dawn>."),
    })
    assert response.status_code == 401
    text = html(response)
    assert IDLE_MESSAGE["en"] in text
    assert "Nothing you sent was saved." in text
    assert "Harbour accord signed" in text
    assert "The harbour accord was signed &lt;at dawn&gt;." in text
    assert 'action="/staff/sign-in?next=/staff/statements/new' in text
    with app.app_context():
        assert db.session.scalar(select(Statement.id)) is None


def test_a_delete_sent_after_the_session_ended_does_nothing(app, clock, staff):
    """A delete button pressed after the limit deletes nothing and explains."""
    url = "/staff/clocks/new"
    token = hidden(html(staff.get(url)), "csrf_token")
    staff.post(url, data={"csrf_token": token, "timezone": "Asia/Tokyo", "position": "0"})
    from pressroom.models import Clock

    with app.app_context():
        clock_id = db.session.scalar(select(Clock.id))
    clock.advance(minutes=31)
    response = staff.post(f"/staff/clocks/{clock_id}/delete", data={"csrf_token": token})
    assert response.status_code == 401
    assert IDLE_MESSAGE["en"] in html(response)
    with app.app_context():
        assert db.session.scalar(select(Clock.id)) == clock_id


def test_htmx_requests_after_the_limit_load_the_sign_in_page(app, clock, staff):
    """htmx gets a 401 that loads the sign-in page, which says why."""
    token = hidden(html(staff.get("/staff/statements/new")), "csrf_token")
    clock.advance(minutes=31)
    response = staff.post("/staff/statements/preview", data={"csrf_token": token},
                          headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert IDLE_MESSAGE["en"] in html(staff.get(response.headers["HX-Redirect"]))


def test_the_limits_are_configurable(make_app, clock, staff_user):
    """PRESSROOM_SESSION_IDLE_MINUTES and PRESSROOM_SESSION_MAX_HOURS set the limits."""
    app = make_app(PRESSROOM_SESSION_IDLE_MINUTES=5, PRESSROOM_SESSION_MAX_HOURS=1)
    client = app.test_client()
    assert sign_in(client).status_code == 303
    clock.advance(minutes=4)
    assert client.get("/staff/").status_code == 200
    clock.advance(minutes=6)
    response = client.get("/staff/")
    assert response.status_code == 303
    assert ("Your session has ended after 5 minutes without activity"
            in html(client.get(response.headers["Location"])))
    assert sign_in(client).status_code == 303
    for _ in range(15):
        clock.advance(minutes=4)
        assert client.get("/staff/").status_code == 200
    clock.advance(minutes=1)
    response = client.get("/staff/?lang=ru")
    assert "не дольше 1 часа" in html(client.get(response.headers["Location"]))


def test_the_limits_come_from_the_environment(monkeypatch, tmp_path):
    """Defaults 30 minutes and 12 hours; whole numbers above 0 from the environment."""
    monkeypatch.delenv("PRESSROOM_SESSION_IDLE_MINUTES", raising=False)
    monkeypatch.delenv("PRESSROOM_SESSION_MAX_HOURS", raising=False)
    config = from_environment(str(tmp_path))
    assert (config["PRESSROOM_SESSION_IDLE_MINUTES"], config["PRESSROOM_SESSION_MAX_HOURS"]) == (
        30, 12)
    monkeypatch.setenv("PRESSROOM_SESSION_IDLE_MINUTES", "15")
    monkeypatch.setenv("PRESSROOM_SESSION_MAX_HOURS", "8")
    config = from_environment(str(tmp_path))
    assert (config["PRESSROOM_SESSION_IDLE_MINUTES"], config["PRESSROOM_SESSION_MAX_HOURS"]) == (
        15, 8)
    for value in ("0", "-5", "half an hour"):
        monkeypatch.setenv("PRESSROOM_SESSION_IDLE_MINUTES", value)
        with pytest.raises(RuntimeError, match="PRESSROOM_SESSION_IDLE_MINUTES must be"):
            from_environment(str(tmp_path))
