"""Time zones: only zones that render are accepted, and a stored one that cannot never fails a page.

`Factory` and `localtime` are in `zoneinfo.available_timezones()`, but CLDR has no city for
them: a clock in either once answered 500, and a stored one took the home page down.
"""

import json
import re
from datetime import date
from zoneinfo import available_timezones

import pytest
from sqlalchemy import insert, select

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.faces import shows_zone
from pressroom.models import Clock, DayCounter, DayCounterText

from .staff_client import hidden, html

#: Zones the tz database lists that CLDR cannot name.
UNNAMED = ("Factory", "localtime")
#: A zone the tz database does not have: what a stored zone becomes when tzdata drops it.
REMOVED = "Mars/Olympus"
MAX_CLOCKS = 6
HX = {"HX-Request": "true"}


def test_every_zone_renders_in_both_languages_or_is_refused(client, clock):
    """Each zone of the tz database is either shown by the clock widget in English and Russian
    or refused with a 400; only a handful are refused, and Factory is one of them."""
    usable = [z for z in sorted(available_timezones()) if shows_zone(z)]
    refused = sorted(set(available_timezones()) - set(usable))
    assert "Europe/Moscow" in usable and "UTC" in usable
    assert set(UNNAMED) <= set(refused) and len(refused) < 10, refused
    for lang in ("en", "ru"):
        for start in range(0, len(usable), MAX_CLOCKS):
            zones = usable[start : start + MAX_CLOCKS]
            response = client.get(
                "/widgets/clock", query_string={"tz": zones, "lang": lang}, headers=HX
            )
            assert response.status_code == 200, zones
            assert html(response).count('class="pr-clock"') == len(zones), zones
    for zone in refused:
        assert client.get("/widgets/clock", query_string={"tz": zone}).status_code == 400, zone


@pytest.mark.parametrize("zone", UNNAMED)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_an_unnamed_zone_is_a_400_in_the_widget_language(client, zone, lang):
    """`tz=Factory` gets the usual 400 page saying what would be right, in the widget's language."""
    response = client.get("/widgets/clock", query_string={"tz": ["Europe/Moscow", zone],
                                                          "lang": lang})
    assert response.status_code == 400
    expected = {"en": "“tz” must be 1 to 6", "ru": "«tz» — от 1 до 6"}[lang]
    assert expected in html(response)


@pytest.mark.parametrize("zone", UNNAMED)
def test_the_gallery_explains_an_unnamed_zone(client, zone):
    """The gallery shows the problem next to its form instead of a broken preview."""
    response = client.get("/widgets/", query_string={"widget": "clock", "tz": zone})
    assert response.status_code == 200
    page = html(response)
    assert "“tz” must be 1 to 6" in page
    assert "<iframe" not in page


@pytest.mark.parametrize("zone", UNNAMED)
def test_oembed_of_an_unnamed_zone_is_404(client, zone):
    """oEmbed describes only widget addresses that render."""
    url = f"http://pressroom.test/widgets/clock?tz={zone}"
    assert client.get("/oembed", query_string={"url": url}).status_code == 404


def test_the_gallery_offers_only_zones_that_render(client):
    """Every zone the gallery lists passes the same check the widget makes."""
    page = html(client.get("/widgets/?lang=ru"))
    offered = set(re.findall(r'<input type="checkbox"[^>]* name="tz" value="([^"]+)"', page))
    assert len(offered) > 300
    assert "Europe/Moscow" in offered
    assert all(shows_zone(z) for z in offered)


@pytest.mark.parametrize("zone", [*UNNAMED, REMOVED])
def test_staff_clock_form_refuses_a_zone_that_does_not_render(app, staff, zone):
    """The clock form refuses the zone with a form error; nothing is stored."""
    url = "/staff/clocks/new"
    token = hidden(html(staff.get(url)), "csrf_token")
    response = staff.post(url, data={"csrf_token": token, "timezone": zone, "position": "0"})
    assert response.status_code == 422
    assert "Choose a time zone from the list." in html(response)
    with app.app_context():
        assert db.session.scalar(select(Clock.id)) is None


@pytest.mark.parametrize("zone", UNNAMED)
def test_staff_counter_form_refuses_a_zone_that_does_not_render(app, staff, zone):
    """The day counter form uses the same check."""
    url = "/staff/counters/new"
    token = hidden(html(staff.get(url)), "csrf_token")
    response = staff.post(url, data={
        "csrf_token": token, "event_date": "2023-06-17", "timezone": zone, "position": "0",
        "en-label": "since the harbour accord", "en-caption": "", "ru-label": "", "ru-caption": "",
    })
    assert response.status_code == 422
    assert "Choose a time zone from the list." in html(response)
    with app.app_context():
        assert db.session.scalar(select(DayCounter.id)) is None


@pytest.mark.parametrize("zone", ["Factory", REMOVED])
def test_staff_forms_offer_only_zones_that_render(staff, zone):
    """Neither form lists a zone the check would refuse."""
    for url in ("/staff/clocks/new", "/staff/counters/new"):
        offered = re.findall(r'<option (?:selected )?value="([^"]+)"', html(staff.get(url)))
        assert "Europe/Moscow" in offered and zone not in offered
        assert all(shows_zone(z) for z in offered)


@pytest.fixture
def stored_bad_zones(app):
    """Clocks and a day counter stored (as before the check, or before tzdata dropped a zone)
    in zones that cannot render, next to a good clock; written straight to the tables."""
    with app.app_context():
        db.session.execute(insert(Clock), [
            {"timezone": "Europe/Moscow", "position": 0},
            {"timezone": "Factory", "position": 1},
            {"timezone": REMOVED, "position": 2},
        ])
        db.session.add(DayCounter(
            event_date=date(2026, 3, 14), timezone=REMOVED,
            texts=[DayCounterText(lang="en", label="since the harbour accord", caption=""),
                   DayCounterText(lang="ru", label="с портового соглашения", caption="")],
        ))
        db.session.commit()
        content_changed()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_stored_clocks_that_cannot_render_show_their_zone_names(client, clock, stored_bad_zones,
                                                                lang):
    """The home page, the clock widget and the gallery still answer, naming the zones."""
    for url in (f"/{lang}/", f"/widgets/clock?lang={lang}", f"/widgets/?lang={lang}"):
        response = client.get(url)
        assert response.status_code == 200, url
        page = html(response)
        if url != f"/widgets/?lang={lang}":
            assert {"en": "Moscow", "ru": "Москва"}[lang] in page, url
            assert '<span class="pr-clock-city">Factory</span>' in page, url
            assert f'<span class="pr-clock-city">{REMOVED}</span>' in page, url
    # The day counter in a dropped zone still counts (by UTC days).
    assert {"en": "1 day has passed since the harbour accord",
            "ru": "Прошёл 1 день с портового соглашения"}[lang] in html(client.get(f"/{lang}/"))


def test_a_stored_zone_that_cannot_render_is_not_blamed_on_the_visitor(client, stored_bad_zones):
    """Without `tz` the widget shows the site's clocks: a bad stored one is no 400 either,
    and oEmbed still describes the widget."""
    assert client.get("/widgets/clock", headers={"HX-Request": "true"}).status_code == 200
    url = "http://pressroom.test/widgets/clock"
    assert client.get("/oembed", query_string={"url": url}).status_code == 200


def test_editing_a_stored_clock_that_cannot_render_asks_for_another_zone(app, staff,
                                                                         stored_bad_zones):
    """The edit form shows the stored zone (not silently another) and refuses to save it."""
    with app.app_context():
        clock_id = db.session.scalar(select(Clock.id).where(Clock.timezone == "Factory"))
    url = f"/staff/clocks/{clock_id}/edit"
    page = html(staff.get(url))
    assert '<option selected value="Factory">' in page
    response = staff.post(url, data={
        "csrf_token": hidden(page, "csrf_token"), "timezone": "Factory", "position": "1",
    })
    assert response.status_code == 422
    assert "Choose a time zone from the list." in html(response)
    saved = staff.post(url, data={
        "csrf_token": hidden(page, "csrf_token"), "timezone": "Asia/Tokyo", "position": "1",
    })
    assert saved.status_code == 303


#: Any Latin letter: what a Russian clock must not show ("MSK", "GMT", "AM", "PM").
LATIN = re.compile(r"[A-Za-z]")


def test_russian_clocks_write_nothing_in_latin(client, clock):
    """In every zone, a Russian 12-hour clock shows its time, part of the day and zone
    abbreviation without a Latin letter, and the ticking script is handed none either."""
    usable = [z for z in sorted(available_timezones()) if shows_zone(z)]
    shown = set()
    for start in range(0, len(usable), MAX_CLOCKS):
        zones = usable[start : start + MAX_CLOCKS]
        query = {"tz": zones, "lang": "ru", "hours": "12"}
        page = html(client.get("/widgets/clock", query_string=query, headers=HX))
        parts = re.findall(r'<time class="pr-clock-time"[^>]*>([^<]*)</time>', page)
        parts += re.findall(r'<span class="pr-clock-zone">([^<]*)</span>', page)
        parts += re.findall(r'data-(?:next-)?abbr="([^"]*)"', page)
        parts += [name for found in re.findall(r"data-periods='([^']*)'", page)
                  for _, name in json.loads(found)]
        assert len(parts) >= 4 * len(zones), zones
        assert not [part for part in parts if LATIN.search(part)], zones
        shown.update(re.findall(r'<span class="pr-clock-zone">([^<]*)</span>', page))
    assert shown == {"", "МСК"}


@pytest.mark.parametrize(
    ("hour", "en", "ru"),
    [
        (0, "12:05 am", "12:05 ночи"),
        (3, "3:05 am", "3:05 ночи"),
        (4, "4:05 am", "4:05 утра"),
        (11, "11:05 am", "11:05 утра"),
        (12, "12:05 pm", "12:05 дня"),
        (17, "5:05 pm", "5:05 дня"),
        (18, "6:05 pm", "6:05 вечера"),
        (21, "9:05 pm", "9:05 вечера"),
        (22, "10:05 pm", "10:05 ночи"),
    ],
)
def test_a_12_hour_clock_names_the_part_of_the_day_in_its_language(client, clock, hour, en, ru):
    """English says am/pm; Russian, which has no am/pm, names the part of the day as CLDR does
    ("утра", "дня", "вечера", "ночи"); both tell the script the same periods."""
    clock.now = clock.now.replace(hour=hour, minute=5)
    for lang, expected in (("en", en), ("ru", ru)):
        query = {"tz": "UTC", "lang": lang, "hours": "12", "seconds": "off"}
        page = html(client.get("/widgets/clock", query_string=query, headers=HX))
        assert f">{expected}</time>" in page
        periods = json.loads(re.search(r"data-periods='([^']*)'", page).group(1))
        assert [name for start, name in periods if start <= hour * 3600][-1] == expected.split()[1]


@pytest.mark.parametrize(("lang", "zone"), [("en", "MSK"), ("ru", "МСК")])
def test_moscow_time_is_abbreviated_in_the_page_language(app, client, clock, lang, zone):
    """The home page's Moscow clock: "MSK" in English, «МСК» in Russian; London is "GMT" in
    English and has no abbreviation in Russian."""
    with app.app_context():
        db.session.execute(insert(Clock), [
            {"timezone": "Europe/Moscow", "position": 0},
            {"timezone": "Europe/London", "position": 1},
        ])
        db.session.commit()
        content_changed()
    page = html(client.get(f"/{lang}/"))
    zones = re.findall(r'<span class="pr-clock-zone">([^<]*)</span>', page)
    assert zones == [zone, "GMT" if lang == "en" else ""]
