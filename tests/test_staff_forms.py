"""The day counter, clock and site settings forms."""

import pytest
from sqlalchemy import select

from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, SiteSettings

from .staff_client import counter_fields, hidden, html


def token(client, url: str) -> str:
    """Return the CSRF token of the form at `url`."""
    return hidden(html(client.get(url)), "csrf_token")


def test_counter_is_created_and_shown_on_the_front_page(app, clock, staff):
    """A new day counter counts on both home pages right after the save."""
    assert "harbour accord" not in html(staff.get("/en/"))
    url = "/staff/counters/new"
    response = staff.post(url, data={"csrf_token": token(staff, url), **counter_fields()})
    assert response.status_code == 303
    assert "1,002 days have passed since the harbour accord" in html(staff.get("/en/"))
    assert "прошло 1\xa0002 дня с портового соглашения" in html(staff.get("/ru/"))


def test_counter_is_edited_and_removed(app, clock, staff):
    """Editing changes the text; removing takes the counter off the front page."""
    staff.post("/staff/counters/new",
               data={"csrf_token": token(staff, "/staff/counters/new"), **counter_fields()})
    with app.app_context():
        counter_id = db.session.scalar(select(DayCounter.id))
    url = f"/staff/counters/{counter_id}/edit"
    page = html(staff.get(url))
    assert 'value="the harbour accord"' in page
    changed = counter_fields(en_label="the river accord", ru_label="", ru_caption="")
    saved = staff.post(url, data={
        "csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version"), **changed
    })
    assert saved.status_code == 303
    assert "the river accord" in html(staff.get("/en/"))
    assert "портового" not in html(staff.get("/ru/"))
    staff.post(f"/staff/counters/{counter_id}/delete",
               data={"csrf_token": hidden(page, "csrf_token")})
    assert "the river accord" not in html(staff.get("/en/"))


def test_conflicting_counter_edit_is_refused_and_keeps_the_input(app, clock, staff):
    """Two people open the same counter; the second save gets a 409 with its text intact."""
    staff.post("/staff/counters/new",
               data={"csrf_token": token(staff, "/staff/counters/new"), **counter_fields()})
    with app.app_context():
        counter_id = db.session.scalar(select(DayCounter.id))
    url = f"/staff/counters/{counter_id}/edit"
    page = html(staff.get(url))
    opened = {"csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version")}
    first = staff.post(url, data={**opened, **counter_fields(en_label="the river accord")})
    assert first.status_code == 303
    lake = counter_fields(en_label="the lake accord", ru_label="", ru_caption="")
    second = staff.post(url, data={**opened, **lake})
    assert second.status_code == 409
    refused = html(second)
    assert "someone else saved this day counter" in refused
    assert 'value="the lake accord"' in refused
    assert "the river accord" in html(staff.get("/en/"))
    # The same form sent twice is no conflict: the second finds its own first save.
    assert staff.post(url, data={**opened, **counter_fields(en_label="the river accord")}
                      ).status_code == 303
    # Having seen the message, the second person saves again, knowingly replacing the first.
    again = {"csrf_token": opened["csrf_token"], "version": hidden(refused, "version")}
    assert staff.post(url, data={**again, **lake}).status_code == 303
    assert "the lake accord" in html(staff.get("/en/"))
    assert "портового" not in html(staff.get("/ru/"))


@pytest.mark.parametrize(
    ("field", "value"),
    [("timezone", "../../etc/passwd"), ("timezone", "Mars/Olympus"),
     ("timezone", "Europe/Moscow\x00"),
     ("event_date", "2023-13-01"), ("event_date", "0001-01-01"), ("position", "-1"),
     ("position", "many"), ("en-label", "x" * 301), ("en-caption", "\x00"),
     ("ru-label", "")],
)
def test_counter_form_refuses_bad_input(app, staff, field, value):
    """Unknown zones, bad dates, over-long text and NUL are form errors, never a 500."""
    data = {"csrf_token": token(staff, "/staff/counters/new"), **counter_fields(), field: value}
    if field == "ru-label":
        data["en-label"] = ""
    response = staff.post("/staff/counters/new", data=data)
    assert response.status_code == 422
    page = html(response)
    assert 'class="errors"' in page or 'class="form-errors"' in page
    with app.app_context():
        assert db.session.scalar(select(DayCounter.id)) is None


def test_counter_errors_in_russian(app, staff):
    """Error messages speak the staff page's language."""
    data = {"csrf_token": token(staff, "/staff/counters/new"),
            **counter_fields(timezone="Mars/Olympus")}
    page = html(staff.post("/staff/counters/new?lang=ru", data=data))
    assert "Выберите часовой пояс из списка." in page


def test_clock_is_added_and_duplicates_refused(app, clock, staff):
    """A clock appears on the front page; a second clock for the same zone is refused."""
    url = "/staff/clocks/new"
    response = staff.post(url, data={"csrf_token": token(staff, url), "timezone": "Asia/Tokyo",
                                     "position": "1"})
    assert response.status_code == 303
    assert "Tokyo" in html(staff.get("/en/"))
    again = staff.post(url, data={"csrf_token": token(staff, url), "timezone": "Asia/Tokyo",
                                  "position": "2"})
    assert again.status_code == 422
    assert "There is already a clock for this time zone." in html(again)
    with app.app_context():
        assert db.session.scalars(select(Clock.timezone)).all() == ["Asia/Tokyo"]


def test_clock_zone_must_be_known(app, staff):
    """Only IANA zone names are accepted."""
    url = "/staff/clocks/new"
    response = staff.post(url, data={"csrf_token": token(staff, url), "timezone": "Local/Time",
                                     "position": "0"})
    assert response.status_code == 422


def test_clock_is_edited_and_removed(app, clock, staff):
    """A clock's zone can change, and a clock can go."""
    url = "/staff/clocks/new"
    staff.post(url, data={"csrf_token": token(staff, url), "timezone": "Asia/Tokyo",
                          "position": "0"})
    with app.app_context():
        clock_id = db.session.scalar(select(Clock.id))
    edit = f"/staff/clocks/{clock_id}/edit"
    staff.post(edit, data={"csrf_token": token(staff, edit), "timezone": "Europe/Paris",
                           "position": "0"})
    assert "Paris" in html(staff.get("/en/"))
    staff.post(f"/staff/clocks/{clock_id}/delete", data={"csrf_token": token(staff, edit)})
    assert "Paris" not in html(staff.get("/en/"))


def test_site_settings_are_saved_per_language(app, clock, staff):
    """The site title and contact line change on the next request, in each language."""
    url = "/staff/settings"
    assert "Harbour Press Office" not in html(staff.get("/en/"))
    response = staff.post(url, data={
        "csrf_token": token(staff, url),
        "en-site_title": "Harbour Press Office", "en-contact_line": "Duty officer: +7 000",
        "ru-site_title": "Пресс-служба порта", "ru-contact_line": "Дежурный: +7 000",
    })
    assert response.status_code == 303
    assert "<title>Harbour Press Office</title>" in html(staff.get("/en/"))
    assert "Дежурный: +7 000" in html(staff.get("/ru/"))
    with app.app_context():
        assert db.session.get(SiteSettings, "ru").site_title == "Пресс-служба порта"
    assert 'value="Harbour Press Office"' in html(staff.get(url))


@pytest.mark.parametrize(("field", "value"),
                         [("en-site_title", "x" * 201), ("ru-contact_line", "a\x00b")])
def test_site_settings_refuse_bad_input(app, staff, field, value):
    """Over-long or NUL-bearing settings are form errors."""
    url = "/staff/settings"
    response = staff.post(url, data={"csrf_token": token(staff, url), field: value})
    assert response.status_code == 422


def test_settings_and_counter_text_render_harmless(app, clock, staff):
    """HTML typed into settings and counter labels shows as text on the public pages."""
    url = "/staff/settings"
    staff.post(url, data={"csrf_token": token(staff, url),
                          "en-site_title": "<script>alert(1)</script>",
                          "en-contact_line": "<img src=x onerror=alert(2)>"})
    staff.post("/staff/counters/new", data={
        "csrf_token": token(staff, "/staff/counters/new"),
        **counter_fields(en_label="<b onmouseover=alert(3)>x</b>",
                         en_caption="<svg onload=alert(4)>"),
    })
    page = html(staff.get("/en/"))
    for raw in ("<script>alert(1)", "<img src=x", "<b onmouseover", "<svg onload"):
        assert raw not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
