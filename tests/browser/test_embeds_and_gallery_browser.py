"""Every way of embedding, on a partner site (127.0.0.2) at 1200 and 320 px: the whole widget
shows, no frame scrolls; the gallery on a 390 px phone. One app, server and demo content for
the module."""

import html
import json
import re
from datetime import UTC, date, datetime
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from pressroom import contentstate, create_app
from pressroom.content import content_changed
from pressroom.demo import load_demo
from pressroom.extensions import cache, db
from pressroom.models import DayCounter, DayCounterText

from .conftest import LiveServer, PartnerSite

SIX = (
    "Europe/Moscow",
    "America/Argentina/Buenos_Aires",
    "Asia/Tokyo",
    "America/New_York",
    "Australia/Sydney",
    "Europe/London",
)
#: The widgets each way of embedding is tried with: 1, 3 and 6 cities, limit 1 and 20 (in
#: Russian, the longer language), a counter.
CONFIGS = {
    "clock1": ("clock", [("tz", SIX[0])]),
    "clock3": ("clock", [("tz", z) for z in SIX[:3]] + [("hours", "12"), ("lang", "ru")]),
    "clock6": ("clock", [("tz", z) for z in SIX]),
    "latest1": ("latest", [("limit", "1")]),
    "latest20ru": ("latest", [("limit", "20"), ("lang", "ru")]),
    "counter": ("counter", [("lang", "ru")]),
}


@pytest.fixture(scope="module")
def site(app_config, schema):
    """The app with the demo content behind a real server, and a partner site on 127.0.0.2."""
    app = create_app({**app_config, "SERVER_NAME": None})
    with app.app_context():
        cache.clear()
        load_demo(app.config["PRESSROOM_TIMEZONE"])
    server, partner = LiveServer(app), PartnerSite()
    yield app, server, partner
    partner.stop()
    server.stop()
    with app.app_context():
        db.session.remove()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        cache.clear()
        contentstate.state().store.clear()
        db.engine.dispose()


def fetch(url: str) -> str:
    """GET a URL of the live server and return its body."""
    with urlopen(url, timeout=10) as response:
        return response.read().decode()


def gallery_codes(server: LiveServer, widget: str, params: list) -> dict[str, str]:
    """Return the snippets the gallery generates for a widget, keyed by textarea id."""
    if widget == "counter":
        params = [*params, ("counter", "1")]
    lang = dict(params).get("lang", "en")
    query = urlencode([("widget", widget), *[(k, v) for k, v in params if k != "lang"]])
    page = fetch(f"{server.url}/widgets/?lang={lang}&{query}")
    return {
        name: html.unescape(code)
        for name, code in re.findall(r'<textarea id="code-([a-z]+)"[^>]*>([^<]*)</textarea>', page)
    }


def oembed_html(server: LiveServer, src: str, maxwidth: int | None) -> str:
    """Return the html oEmbed gives for a widget address, as a consumer asks for it."""
    query = {"url": src, **({"maxwidth": maxwidth} if maxwidth else {})}
    return json.loads(fetch(f"{server.url}/oembed?{urlencode(query)}"))["html"]


def partner_page(slots: dict[str, str], script: str = "") -> str:
    """Return a partner page holding each code in its own slot."""
    body = "".join(f'<div class="slot" id="{key}">{code}</div>' for key, code in slots.items())
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Partner</title></head><body><h1>Partner news</h1>{body}{script}</body></html>"
    )


def frame_fits(page, key: str) -> dict:
    """Measure the widget frame in a slot: its height, its content's, and whether it scrolls."""
    handle = page.locator(f"#{key} iframe").element_handle()
    handle.scroll_into_view_if_needed()  # frames load lazily
    frame = handle.content_frame()
    frame.wait_for_selector("main")
    # Measured once its stylesheets and images are in: a busy server can hand over the page's
    # HTML well before its CSS, and an unstyled frame measures nothing of what partners see.
    frame.wait_for_load_state("load")
    measured = frame.evaluate(
        """() => ({
            content: Math.ceil(document.body.getBoundingClientRect().height),
            scrollsDown:
                document.documentElement.scrollHeight > document.documentElement.clientHeight,
            scrollsSideways:
                document.documentElement.scrollWidth > document.documentElement.clientWidth,
        })"""
    )
    measured["frame"] = handle.evaluate("f => f.getBoundingClientRect().height")
    return measured


def embed_codes(server, width: int) -> tuple[dict, dict]:
    """Return (codes a partner pastes without a script, codes with the embed script)."""
    plain, scripted = {}, {}
    for name, (widget, params) in CONFIGS.items():
        codes = gallery_codes(server, widget, params)
        plain[f"iframe-{name}"] = codes["iframe"]
        src = re.search(r'src="([^"]+)"', codes["iframe"]).group(1)
        plain[f"oembed-{name}"] = oembed_html(
            server, html.unescape(src), None if width > 600 else width - 16
        )
        scripted[f"opt-in-{name}"] = codes["iframe"]
        scripted[f"script-{name}"] = codes["script"].split("<script")[0]
    # A statement page's card (oEmbed only), and a counter that was deleted.
    latest = fetch(f"{server.url}/widgets/latest")
    article = re.search(r'href="([^"]+/en/statements/[^"]+)"', latest)
    plain["oembed-card"] = scripted["oembed-card"] = oembed_html(
        server, article.group(1), None if width > 600 else width - 16
    )
    plain["gone"] = scripted["gone"] = (
        f'<iframe src="{server.url}/widgets/counter/999999?lang=ru" title="Counter" width="420"'
        ' height="140" style="border:0;max-width:100%"></iframe>'
    )
    return plain, {**scripted, "_script": codes["resize"]}


def test_clock_frames_fit_at_every_part_of_the_day(site, browser, clock):
    """A clock's text changes over the day (a 12-hour time's day period: "6:30:00 вечера" is
    longer than "5:30:00 дня"), and the height in a pasted code must fit it at any hour: the
    clock frames at a phone's width, every four hours of a day."""
    app, server, partner = site
    context = browser.new_context(viewport={"width": 320, "height": 12_000})
    page = context.new_page()
    too_short = []
    try:
        for hour in range(2, 24, 4):
            clock.now = datetime(2026, 11, 29, hour, 30, tzinfo=UTC)
            with app.app_context():
                cache.clear()
            plain, _ = embed_codes(server, 320)
            clocks = {key: code for key, code in plain.items() if "clock" in key}
            partner.html = partner_page(clocks)
            page.goto(partner.url)
            for key in clocks:
                found = frame_fits(page, key)
                if found["scrollsDown"] or found["frame"] < found["content"]:
                    too_short.append((hour, key, found))
    finally:
        context.close()
        with app.app_context():
            cache.clear()  # nothing cached at those hours is served to the tests after this
    assert not too_short, too_short


@pytest.mark.parametrize("width", [1200, 320])
def test_every_embed_shows_its_whole_content(site, browser, width):
    """Iframe code from the gallery and oEmbed html fit by their estimated height alone; with
    the embed script (the opt-in line, or the script snippet) every frame is exactly as tall as
    its content. No frame scrolls either way, and the partner page does not scroll sideways."""
    app, server, partner = site
    plain, scripted = embed_codes(server, width)
    script = scripted.pop("_script")
    # Tall enough that every lazy frame loads at once.
    context = browser.new_context(viewport={"width": width, "height": 12_000})
    page = context.new_page()
    try:
        partner.html = partner_page(plain)
        page.goto(partner.url)
        gone = page.frame_locator("#gone iframe")
        expect(gone.locator("h1")).to_have_text("Этот счётчик больше недоступен")
        expect(gone.get_by_role("link", name="Все заявления")).to_be_visible()
        for key in plain:
            found = frame_fits(page, key)
            assert not found["scrollsDown"] and not found["scrollsSideways"], (key, found)
            assert found["frame"] >= found["content"], (key, found)
        partner.html = partner_page(scripted, script)
        page.goto(partner.url)
        expect(page.locator("#script-counter iframe")).to_have_count(1)
        page.wait_for_load_state("networkidle")
        for key in scripted:
            found = frame_fits(page, key)
            assert not found["scrollsDown"] and not found["scrollsSideways"], (key, found)
            assert abs(found["frame"] - found["content"]) <= 1, (key, found)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # A height from anyone but the widget's own frame is ignored (here: the partner's page).
        before = page.locator("#opt-in-latest1 iframe").evaluate("f => f.style.height")
        page.evaluate("window.postMessage({type: 'pressroom:height', height: 3000}, '*')")
        page.wait_for_timeout(100)
        assert page.locator("#opt-in-latest1 iframe").evaluate("f => f.style.height") == before
        # A placeholder added after load becomes a widget on Pressroom.load().
        page.evaluate(
            """() => {
                const slot = document.createElement("div");
                slot.id = "later";
                slot.setAttribute("data-pressroom-widget", "latest");
                slot.setAttribute("data-limit", "2");
                document.body.append(slot);
                window.Pressroom.load();
            }"""
        )
        later = page.frame_locator("#later iframe")
        expect(later.locator(".pr-latest-list li")).to_have_count(2)
    finally:
        context.close()


def test_a_counter_deleted_while_shown_turns_into_the_card(site, browser):
    """An open widget whose counter is deleted shows the card at its next refresh, and stops
    refreshing (the card has no trigger)."""
    app, server, _ = site
    with app.app_context():
        counter = DayCounter(
            event_date=date(2026, 1, 1),
            timezone="Europe/Moscow",
            texts=[DayCounterText(lang="en", label="the short-lived accord", caption="")],
        )
        db.session.add(counter)
        db.session.commit()
        content_changed()
        counter_id = counter.id
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{server.url}/widgets/counter/{counter_id}?lang=en")
        expect(page.locator(".pr-counter-phrase")).to_contain_text("the short-lived accord")
        with app.app_context():
            db.session.delete(db.session.get(DayCounter, counter_id))
            db.session.commit()
            content_changed()
        page.evaluate("htmx.trigger(document.querySelector('.pr-counter'), 'widget:refresh')")
        expect(page.locator(".pr-gone-text")).to_have_text("This counter is no longer available")
        expect(page.locator("[hx-trigger]")).to_have_count(0)
    finally:
        context.close()


@pytest.fixture
def phone(site, browser):
    """A 390 px wide page of its own (cookies, script setting) and the live server."""
    contexts = []

    def open_page(javascript: bool = True):
        context = browser.new_context(
            viewport={"width": 390, "height": 800}, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_page, site[1]
    for context in contexts:
        context.close()


def chips(page) -> list[str]:
    """Return the chosen cities the chips show, in order."""
    return page.locator(".chip").evaluate_all(
        "els => els.map(e => e.firstChild.textContent.trim())"
    )


def test_gallery_on_a_phone_by_keyboard(phone):
    """At 390 px nothing scrolls sideways; cities are found by their Russian name or their
    zone, ticked with the keyboard, shown as chips in the chosen order and removed again; the
    code follows; a wrong accent is explained beside its field and no preview is kept."""
    open_page, server = phone
    page = open_page()
    page.goto(f"{server.url}/widgets/?lang=ru&widget=clock&tz=Europe/Moscow")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert chips(page) == ["Москва"]
    search = page.locator("#gallery-city-search")
    search.focus()
    page.keyboard.type("Лондон")
    expect(page.locator(".city-list li:not([hidden])")).to_have_count(1)
    expect(page.locator("#gallery-city-count")).to_have_text("Найдено городов: 1")
    page.keyboard.press("Enter")  # ticks the one city found
    expect(page.locator(".chip")).to_have_count(2)
    expect(search).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("asia/tok")  # the zone id finds it too
    expect(page.locator(".city-list li:not([hidden])")).to_have_count(1)
    page.keyboard.press("Tab")  # to the one checkbox shown
    page.keyboard.press("Space")
    expect(page.locator(".chip")).to_have_count(3)
    assert chips(page) == ["Москва", "Лондон", "Токио"]
    code = page.locator("#code-iframe").input_value()
    assert "tz=Europe/Moscow&amp;tz=Europe/London&amp;tz=Asia/Tokyo" in code
    assert "tz=Europe/Moscow&tz=Europe/London&tz=Asia/Tokyo" in page.url
    # Remove London with the keyboard: its chip's button, then Enter.
    page.get_by_role("button", name="Убрать: Лондон").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".chip")).to_have_count(2)
    assert "tz=Europe/Moscow&amp;tz=Asia/Tokyo" in page.locator("#code-iframe").input_value()
    # A wrong accent: the message beside the field, in Russian, and no preview.
    page.locator("#gallery-accent").fill("zz")
    page.keyboard.press("Tab")
    expect(page.locator("#gallery-accent-error")).to_contain_text("шестнадцатеричным")
    expect(page.locator(".preview iframe")).to_have_count(0)
    expect(page.locator("#gallery-accent")).to_have_attribute("aria-invalid", "true")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Another widget: none of the clock's options stay in the code.
    page.locator("#gallery-accent").fill("")
    page.get_by_label("Последние заявления").check()
    expect(page.locator("#code-iframe")).to_contain_text("/widgets/latest?")
    assert "tz=" not in page.locator("#code-iframe").input_value()
    assert "tz=" not in page.url
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_gallery_without_javascript(phone):
    """Without scripts the city list is a plain form: ticking and sending builds the code."""
    open_page, server = phone
    page = open_page(javascript=False)
    page.goto(f"{server.url}/widgets/?lang=en&widget=clock&tz=Europe/Moscow")
    expect(page.locator("#gallery-city-search")).to_be_hidden()
    page.locator('input[name="tz"][value="Europe/London"]').check()
    page.get_by_role("button", name="Show preview and code").click()
    expect(page.locator(".chip")).to_have_count(2)
    assert "tz=Europe/Moscow&amp;tz=Europe/London" in page.locator("#code-iframe").input_value()
    # The sent form is a new page: measured once its style sheets and fonts are in (under a
    # full run's load it measured 432 px before they were).
    page.wait_for_load_state("load")
    width = page.evaluate("document.fonts.ready.then(() => document.documentElement.scrollWidth)")
    assert width <= 390
