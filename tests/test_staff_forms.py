"""The day counter, clock and site settings forms."""

import lxml.html
import pytest
from sqlalchemy import select

from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, SiteSettings

from .staff_client import counter_fields, hidden, html, new_statement_form, statement_fields


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
    assert "Прошло 1\xa0002 дня с портового соглашения" in html(staff.get("/ru/"))


def test_counter_is_edited_and_removed(app, clock, staff):
    """Editing changes the text; removing takes the counter off the front page."""
    staff.post("/staff/counters/new",
               data={"csrf_token": token(staff, "/staff/counters/new"), **counter_fields()})
    with app.app_context():
        counter_id = db.session.scalar(select(DayCounter.id))
    url = f"/staff/counters/{counter_id}/edit"
    page = html(staff.get(url))
    assert 'value="since the harbour accord"' in page
    changed = counter_fields(en_label="the river accord", ru_label="", ru_label_ahead="",
                             ru_caption="")
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
    lake = counter_fields(en_label="the lake accord", ru_label="", ru_label_ahead="",
                          ru_caption="")
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


def invalid_fields(page: str) -> dict[str, str]:
    """Return {field name: text of its error messages} for every field marked invalid.

    Each must be described by an element that exists and holds its messages.
    """
    tree = lxml.html.fromstring(page)
    found = {}
    for field in tree.xpath('//*[@aria-invalid="true"]'):
        described = [tree.get_element_by_id(i) for i in field.get("aria-describedby").split()]
        errors = [e for e in described if "errors" in e.get("class", "").split()]
        assert len(errors) == 1, f"{field.get('name')} is not described by its errors"
        found[field.get("name")] = errors[0].text_content().strip()
    return found


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Enter the date as YYYY-MM-DD, for example 2026-03-15."),
    ("ru", "Введите дату в виде ГГГГ-ММ-ДД, например 2026-03-15."),
])
def test_bad_date_names_the_format_and_keeps_what_was_typed(app, staff, lang, expected):
    """A date that is not a date is refused in the form's language; the field shows it as typed."""
    url = f"/staff/counters/new?lang={lang}"
    data = {"csrf_token": token(staff, url), **counter_fields(event_date="17.06.2023")}
    response = staff.post(url, data=data)
    assert response.status_code == 422
    page = html(response)
    assert invalid_fields(page) == {"event_date": expected}
    field = lxml.html.fromstring(page).get_element_by_id("event_date")
    # A date input would blank a value it cannot read: the refused one is shown as text.
    assert (field.get("type"), field.get("value")) == ("text", "17.06.2023")
    # An empty date is asked for plainly, in a date picker still.
    empty = staff.post(url, data={**data, "event_date": ""})
    assert "event_date" in invalid_fields(html(empty))
    assert lxml.html.fromstring(html(empty)).get_element_by_id("event_date").get("type") == "date"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Enter the time as HH:MM on the 24-hour clock, for example 14:30."),
    ("ru", "Введите время в виде ЧЧ:ММ (24 часа), например 14:30."),
])
def test_bad_time_names_the_format(app, staff, lang, expected):
    """A publication time that is not a time says which format is expected, keeping the input."""
    url = f"/staff/statements/new?lang={lang}"
    response = staff.post(url, data={**new_statement_form(staff), **statement_fields(
        published_time="3pm", en_title="Harbour"
    )})
    assert response.status_code == 422
    page = html(response)
    assert invalid_fields(page) == {"published_time": expected}
    assert 'value="3pm"' in page


@pytest.mark.parametrize(("lang", "label", "lead"), [
    ("en", "Too long: 1,234 characters; the limit is 300.",
     "Too long: 2,001 characters; the limit is 2,000."),
    ("ru", "Слишком длинно: 1\xa0234 знака, а можно не больше 300.",
     "Слишком длинно: 2\xa0001 знак, а можно не больше 2\xa0000."),
])
def test_length_errors_show_limit_and_length_with_local_numbers(app, staff, lang, label, lead):
    """Over-long text is refused with the limit and its length, and comes back whole."""
    url = f"/staff/counters/new?lang={lang}"
    long_label = "ж" * 1234
    response = staff.post(url, data={"csrf_token": token(staff, url),
                                     **counter_fields(en_label=long_label)})
    assert response.status_code == 422
    page = html(response)
    assert invalid_fields(page) == {"en-label": label}
    assert lxml.html.fromstring(page).get_element_by_id("en-label").get("value") == long_label

    url = f"/staff/statements/new?lang={lang}"
    response = staff.post(url, data={**new_statement_form(staff), **statement_fields(
        en_title="Harbour", en_lead="y" * 2001, ru_title="Порт", ru_slug="s" * 121
    )})
    assert response.status_code == 422
    errors = invalid_fields(html(response))
    assert errors["en-lead"] == lead
    assert set(errors) == {"en-lead", "ru-slug"}
    assert "y" * 2001 + "</textarea>" in html(response)


@pytest.mark.parametrize("url", [
    "/staff/statements/new", "/staff/counters/new", "/staff/clocks/new", "/staff/settings",
])
def test_text_limits_are_shown_never_enforced_by_cutting(app, staff, url):
    """No staff field has `maxlength` (a browser cuts pasted text at it without a word);
    every limited text field shows its limit instead, and is described by it."""
    tree = lxml.html.fromstring(html(staff.get(f"{url}?lang=ru")))
    assert tree.xpath("//*[@maxlength]") == []
    for field in tree.xpath("//*[@data-limit]"):
        hint = tree.get_element_by_id(f"{field.get('id')}-limit")
        assert hint.get("id") in field.get("aria-describedby").split()
        assert hint.text_content().startswith("Не больше ")
    if url != "/staff/clocks/new":
        assert tree.xpath("//*[@data-limit]")


def test_staff_pages_have_their_own_footer(app, staff):
    """Staff pages do not carry the public footer's contact line or the widgets link."""
    url = "/staff/settings"
    staff.post(url, data={"csrf_token": token(staff, url), "en-site_title": "Harbour Office",
                          "en-contact_line": "Duty officer: +7 000"})
    public = html(staff.get("/en/"))
    assert "Widgets for your site" in public and "Duty officer" in public
    for page in ("/staff/", "/staff/settings", "/staff/counters/new"):
        footer = lxml.html.fromstring(html(staff.get(page))).xpath("//footer")[0]
        text = footer.text_content()
        assert "Widgets for your site" not in text and "Duty officer" not in text
        assert "Staff area of Harbour Office" in text
    staff.post("/staff/sign-out", data={"csrf_token": token(staff, "/staff/")})
    footer = lxml.html.fromstring(html(staff.get("/staff/sign-in?lang=ru"))).xpath("//footer")[0]
    assert "Служебный раздел сайта «Harbour Office»" not in footer.text_content()
    assert "Служебный раздел сайта" in footer.text_content()


CONTACTS = {
    "en-contact_address": "12 Harbour Embankment, Castrell",
    "en-contact_phone_label": "Consular duty phone",
    "en-contact_phone": "+7 (495) 000-00-00",
    "en-contact_email": "press@example.org",
    "ru-contact_address": "Кастрелл, Портовая набережная, 12",
    "ru-contact_phone": "8 495 000 00 01",
    "ru-contact_email": "pressa@example.org",
    "ru-contact_line": "По будням, 9:00–18:00",
}


def contact_list(page: str) -> list[str]:
    """Return the lines of the public footer's <address>, each as its text and links."""
    lines = []
    # libxml2 closes <address> before a list (HTML5 keeps it open), so the items are sought in
    # the footer.
    for item in lxml.html.fromstring(page).xpath("//footer//li"):
        links = [a.get("href") for a in item.xpath(".//a")]
        lines.append(" ".join([" ".join(item.text_content().split()), *links]))
    return lines


def test_contacts_are_saved_and_shown_per_language(app, clock, staff):
    """Address, a named phone line (tel: with the digits), e-mail (mailto:) and a free line are
    kept per language; a line left empty is not shown, an unnamed phone gets the default name."""
    url = "/staff/settings"
    response = staff.post(url, data={"csrf_token": token(staff, url), **CONTACTS})
    assert response.status_code == 303
    assert contact_list(html(staff.get("/en/statements/"))) == [
        "12 Harbour Embankment, Castrell",
        "Consular duty phone: +7 (495) 000-00-00 tel:+74950000000",
        "Press office: press@example.org mailto:press@example.org",
    ]
    assert contact_list(html(staff.get("/ru/"))) == [
        "Кастрелл, Портовая набережная, 12",
        "Консульский телефон: 8 495 000 00 01 tel:84950000001",
        "Пресс-служба: pressa@example.org mailto:pressa@example.org",
        "По будням, 9:00–18:00",
    ]
    assert '<address class="contact">' in html(staff.get("/ru/statements/"))
    form = html(staff.get(url))
    for value in CONTACTS.values():
        assert f'value="{value}"' in form
    with app.app_context():
        stored = db.session.get(SiteSettings, "en")
        assert (stored.contact_phone, stored.contact_line) == ("+7 (495) 000-00-00", "")


def test_no_contacts_no_address(app, clock, staff):
    """A site without contacts has no empty <address> in its footer."""
    url = "/staff/settings"
    staff.post(url, data={"csrf_token": token(staff, url), "en-site_title": "Harbour Office"})
    assert "<address" not in html(staff.get("/en/"))


@pytest.mark.parametrize(("lang", "field", "value", "message"), [
    ("en", "en-contact_phone", "+7 495 CALL-NOW",
     'Write the number with digits, spaces, "+", "-" and brackets: +7 495 000-00-00.'),
    ("ru", "ru-contact_phone", "7+495",
     "Запишите номер цифрами, пробелами, знаками «+», «-» и скобками: +7 495 000-00-00."),
    ("ru", "en-contact_phone", "+ -", "Запишите номер цифрами"),
    ("en", "ru-contact_email", "press@example",
     "Write an e-mail address such as press@example.org."),
    ("ru", "en-contact_email", "press office@example.org",
     "Укажите адрес электронной почты, например press@example.org."),
    ("en", "en-contact_email", "@example.org", "Write an e-mail address"),
    ("ru", "ru-contact_phone", "1" * 41, "Слишком длинно"),
])
def test_contacts_are_checked_in_the_form_language(app, staff, lang, field, value, message):
    """A phone with other characters or an e-mail without an address's shape is refused in the
    form's language, what was typed is kept, and nothing is saved."""
    url = f"/staff/settings?lang={lang}"
    response = staff.post(url, data={"csrf_token": token(staff, url), **CONTACTS, field: value})
    assert response.status_code == 422
    page = html(response)
    assert invalid_fields(page)[field].startswith(message)
    assert lxml.html.fromstring(page).get_element_by_id(field).get("value") == value
    with app.app_context():
        assert db.session.get(SiteSettings, "en") is None


@pytest.mark.parametrize(("lang", "event_date", "field", "message"), [
    ("en", "2026-04-01", "en-label_ahead",
     "The event is still ahead: write how it reads before it, with its preposition."),
    ("ru", "2026-04-01", "ru-label_ahead", "Событие ещё впереди"),
    ("en", "2023-06-17", "en-label",
     "The event has passed: write how it reads after the count, with its preposition."),
    ("ru", "2023-06-17", "ru-label", "Событие уже прошло"),
])
def test_counter_needs_the_label_it_shows_today(
    app, clock, staff, lang, event_date, field, message
):
    """Each language written needs the form of the event the counter shows now: "until …" for
    an event ahead, "since …" for one that has passed; the other may wait."""
    url = f"/staff/counters/new?lang={lang}"
    data = {"csrf_token": token(staff, url), **counter_fields(event_date=event_date), field: ""}
    response = staff.post(url, data=data)
    assert response.status_code == 422
    errors = invalid_fields(html(response))
    assert set(errors) == {field} and errors[field].startswith(message)
    other = {"en-label": "en-label_ahead", "en-label_ahead": "en-label",
             "ru-label": "ru-label_ahead", "ru-label_ahead": "ru-label"}[field]
    data = {"csrf_token": token(staff, url), **counter_fields(event_date=event_date), other: ""}
    assert staff.post(url, data=data).status_code == 303


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "14 days to go until the harbour accord"),
    ("ru", "Осталось 14 дней до портового соглашения"),
])
def test_counter_reads_before_and_after_its_event(app, clock, staff, lang, expected):
    """A counter saved with both forms counts down before the event and up after it; the edit
    form shows both forms again."""
    url = "/staff/counters/new"
    staff.post(url, data={"csrf_token": token(staff, url),
                          **counter_fields(event_date="2026-03-29")})
    assert expected in html(staff.get(f"/{lang}/"))
    with app.app_context():
        counter_id = db.session.scalar(select(DayCounter.id))
    form = html(staff.get(f"/staff/counters/{counter_id}/edit"))
    assert 'value="until the harbour accord"' in form and 'value="до портового соглашения"' in form
    clock.advance(days=20)
    after = {"en": "6 days have passed since the harbour accord",
             "ru": "Прошло 6 дней с портового соглашения"}[lang]
    assert after in html(staff.get(f"/{lang}/"))


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Enter a whole number from 0 to 9999, for example 2."),
    ("ru", "Введите целое число от 0 до 9999, например 2."),
])
@pytest.mark.parametrize("typed", ["second", "-1", "2.5"])
def test_position_names_the_range_and_keeps_what_was_typed(app, staff, lang, expected, typed):
    """A clock position that is no number, or out of range, says what is expected."""
    url = f"/staff/clocks/new?lang={lang}"
    response = staff.post(url, data={"csrf_token": token(staff, url), "timezone": "Asia/Tokyo",
                                     "position": typed})
    assert response.status_code == 422
    page = html(response)
    assert invalid_fields(page) == {"position": expected}
    assert lxml.html.fromstring(page).get_element_by_id("position").get("value") == typed
