"""Widgets embedded on a partner site (127.0.0.2) both ways, in a real browser."""

from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from pressroom import content, timekeeping
from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, DayCounterText

PARTNER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner news</title></head>
<body style="margin:0">
<h1>Partner news</h1>
<iframe id="f-clock" name="f-clock" src="{app}/widgets/clock?tz=Europe/Moscow&amp;tz=Europe/London" title="Clocks" width="500" height="120"></iframe>
<iframe id="f-counter" name="f-counter" src="{app}/widgets/counter/{counter}?lang=ru" title="Counter" width="500" height="140"></iframe>
<iframe id="f-latest" name="f-latest" src="{app}/widgets/latest?limit=3" title="Latest" width="500" height="300"></iframe>
<div id="s-clock" data-pressroom-widget="clock" data-tz="Europe/Moscow Europe/London" data-title="Clocks"></div>
<div id="s-counter" data-pressroom-widget="counter" data-id="{counter}" data-lang="ru" data-title="Counter"></div>
<div id="s-latest" data-pressroom-widget="latest" data-limit="3" data-title="Latest"><a href="{app}/widgets/latest">Latest</a></div>
<script src="{app}/widgets/embed.js" async></script>
<iframe id="f-home" name="f-home" src="{app}/en/" title="Home" width="500" height="200"></iframe>
</body></html>"""


@pytest.fixture
def partner_page(app, live_server, partner_site, add_statement):
    """The partner page, embedding every widget both ways; returns the counter id."""
    now = timekeeping.utcnow()
    with app.app_context():
        counter = DayCounter(
            event_date=timekeeping.now_in("Europe/Moscow", now).date() - timedelta(days=5),
            timezone="Europe/Moscow",
            texts=[
                DayCounterText(lang="en", label="since the accord", caption=""),
                DayCounterText(lang="ru", label="с подписания соглашения", caption=""),
            ],
        )
        db.session.add_all([counter, Clock(timezone="Europe/Moscow")])
        db.session.commit()
        counter_id = counter.id
    for n in range(5):
        add_statement({"en": f"Partner story {n}"}, published_at=now - timedelta(hours=n + 1))
    partner_site.html = PARTNER_PAGE.format(app=live_server.url, counter=counter_id)
    return counter_id


def widget_frames(page, live_server):
    """Return the frames of the app's widgets, keyed by the placeholder or iframe id."""
    frames = {}
    for key in ("f-clock", "f-counter", "f-latest", "s-clock", "s-counter", "s-latest"):
        handle = page.locator(
            f"#{key}" if key.startswith("f-") else f"#{key} iframe"
        ).element_handle()
        frames[key] = handle.content_frame()
    return frames


def test_partner_page_embeds_every_widget(page, live_server, partner_site, partner_page):
    """Clocks tick without requests, counters and lists are right, frames fit their content."""
    page.set_viewport_size({"width": 900, "height": 3000})
    page.goto(partner_site.url)
    expect(page.locator("#s-latest iframe")).to_have_count(1)
    page.wait_for_load_state("networkidle")
    frames = widget_frames(page, live_server)

    # The counter and the latest box.
    for key in ("f-counter", "s-counter"):
        expect(frames[key].locator(".pr-counter-phrase")).to_have_text(
            "Прошло 5 дней с подписания соглашения"
        )
    for key in ("f-latest", "s-latest"):
        expect(frames[key].locator(".pr-latest-list a")).to_have_text(
            ["Partner story 0", "Partner story 1", "Partner story 2"]
        )

    # Clocks tick in the browser: the seconds change over two seconds, and no request is sent.
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    before = frames["s-clock"].locator(".pr-clock-time").first.text_content()
    page.wait_for_timeout(2200)
    after = frames["s-clock"].locator(".pr-clock-time").first.text_content()
    assert before != after
    assert frames["f-clock"].locator(".pr-clock-time").first.text_content() != before
    assert requests == []

    # The script-embedded frames are exactly as tall as their content: no scrollbar.
    for key in ("s-clock", "s-counter", "s-latest"):
        frame_height = page.locator(f"#{key} iframe").evaluate(
            "f => f.getBoundingClientRect().height"
        )
        content = frames[key].evaluate("() => document.body.getBoundingClientRect().height")
        scrolls = frames[key].evaluate(
            "() => document.documentElement.scrollHeight > document.documentElement.clientHeight"
        )
        assert abs(frame_height - content) <= 1, key
        assert not scrolls, key

    # Framing a page that is not a widget is refused.
    home = page.frame(name="f-home")
    assert home.locator("main").count() == 0

    # A link in the latest box navigates the top window.
    frames["s-latest"].get_by_role("link", name="Partner story 1").click()
    page.wait_for_url(f"{live_server.url}/en/statements/**")
    expect(page.locator("h1")).to_have_text("Partner story 1")


def test_counter_changes_at_midnight_without_reload(app, live_server, page, clock):
    """At midnight in the counter's zone the open page fetches the new number by itself."""
    clock.now = datetime(2026, 3, 14, 20, 59, 58, tzinfo=UTC)  # 23:59:58 in Moscow
    with app.app_context():
        counter = DayCounter(
            event_date=date(2026, 3, 10),
            timezone="Europe/Moscow",
            texts=[DayCounterText(lang="ru", label="с события", caption="")],
        )
        db.session.add(counter)
        db.session.commit()
        url = f"{live_server.url}/widgets/counter/{counter.id}?lang=ru"
    page.goto(url)
    phrase = page.locator(".pr-counter-phrase")
    expect(phrase).to_have_text("Прошло 4 дня с события")
    clock.advance(seconds=2)  # the server's clock reaches midnight with the browser's
    expect(phrase).to_have_text("Прошло 5 дней с события", timeout=10_000)


def test_failed_refresh_keeps_the_last_good_content(live_server, page, add_statement, monkeypatch):
    """A refresh answered with a server error leaves the list on screen, with no error markup."""
    add_statement({"en": "Still here"})
    page.goto(f"{live_server.url}/widgets/latest")
    expect(page.get_by_role("link", name="Still here")).to_be_visible()

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(content, "latest", broken)
    with page.expect_response(lambda r: r.status == 500):
        page.evaluate("htmx.trigger(document.querySelector('.pr-latest'), 'widget:refresh')")
    page.wait_for_timeout(200)
    expect(page.get_by_role("link", name="Still here")).to_be_visible()
    assert "Something went wrong" not in page.content()


def test_latest_box_polls_only_while_the_tab_is_visible(live_server, page, add_statement):
    """A due refresh waits while the tab is hidden and happens as soon as it is visible again."""
    add_statement({"en": "Visible news"})
    page.goto(f"{live_server.url}/widgets/latest")
    expect(page.get_by_role("link", name="Visible news")).to_be_visible()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.evaluate(
        """() => {
            Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
            document.querySelector(".pr-latest")._prDue = 0;  // the refresh is due now
        }"""
    )
    page.wait_for_timeout(2500)
    assert not [url for url in requests if "/widgets/latest" in url]
    with page.expect_request(lambda request: "/widgets/latest" in request.url):
        page.evaluate(
            """() => {
                Object.defineProperty(document, "visibilityState", {value: "visible", configurable: true});
                document.dispatchEvent(new Event("visibilitychange"));
            }"""
        )
