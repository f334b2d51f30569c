"""Widgets: parameters, clocks across DST, day counters, the latest box, framing, oEmbed."""

import json
import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

import pytest

from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, DayCounterText

HX = {"HX-Request": "true"}


def html(response) -> str:
    """Return a response body as text."""
    return response.get_data(as_text=True)


@pytest.fixture
def counter(app) -> int:
    """A counter for an event on 14 March 2026, in Moscow; returns its id."""
    with app.app_context():
        found = DayCounter(
            event_date=date(2026, 3, 14),
            timezone="Europe/Moscow",
            texts=[
                DayCounterText(lang="en", label="the harbour accord", caption=""),
                DayCounterText(lang="ru", label="портового соглашения", caption="Подпись"),
            ],
        )
        db.session.add(found)
        db.session.add(Clock(timezone="Europe/Moscow", position=0))
        db.session.commit()
        return found.id


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("tz=../../etc/passwd", "tz"),
        ("tz=Europe/Moscow&tz=" + quote("</script><script>alert(1)</script>"), "tz"),
        ("tz=" + "A" * 10_000, "tz"),
        ("tz=Europe/Moscow&" + "&".join("tz=Europe/London" for _ in range(6)), "tz"),
        ("lang=de", "lang"),
        ("lang=en&lang=ru", "lang"),
        ("theme=" + quote('"><img src=x onerror=alert(1)>'), "theme"),
        ("accent=red", "accent"),
        ("accent=" + quote("#12345g"), "accent"),
        ("seconds=maybe", "seconds"),
        ("hours=25", "hours"),
        (quote("<b>x</b>") + "=1", "?"),
    ],
)
def test_bad_clock_parameters_are_a_400_naming_the_parameter(client, query, parameter):
    """Every wrong parameter gets a 400 saying what would be right, without echoing the value."""
    response = client.get(f"/widgets/clock?{query}")
    assert response.status_code == 400
    page = html(response)
    assert "<script>alert" not in page and "onerror" not in page and "<b>x" not in page
    assert "AAAAAAAAAA" not in page
    expected = {"?": "Unknown parameter"}.get(parameter, f"“{parameter}” must")
    assert expected in page
    assert "Set-Cookie" not in response.headers


def test_bad_parameter_page_speaks_the_widget_language(client):
    """The 400 page is in the widget's language."""
    page = html(client.get("/widgets/latest?lang=ru&limit=0"))
    assert '<html lang="ru">' in page
    assert "«limit» должен быть целым числом от 1 до 20." in page


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=21",
        "limit=-1",
        "limit=abc",
        "limit=" + "9" * 5000,
        "kind=speeches",
        "kind=" + quote("'; DROP TABLE statement;--"),
    ],
)
def test_bad_latest_parameters(client, query):
    """The latest box validates its limit and kind."""
    assert client.get(f"/widgets/latest?{query}").status_code == 400


def clock_text(page: str, city: str) -> tuple[str, str]:
    """Return the time and zone abbreviation shown for `city`."""
    match = re.search(
        rf'{city}</span>\s*<time class="pr-clock-time"[^>]*>([^<]+)</time>\s*'
        r'<span class="pr-clock-zone">([^<]*)<',
        page,
    )
    assert match, page
    return match.group(1), match.group(2)


def test_clock_is_right_to_the_second_across_daylight_saving(client, clock):
    """London on 29 March 2026: 00:59:59 UTC is 00:59:59 GMT, 01:00:00 UTC is 02:00:00 BST."""
    clock.now = datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC)
    page = html(client.get("/widgets/clock?tz=Europe/London&tz=Europe/Moscow"))
    assert clock_text(page, "London") == ("00:59:59", "GMT")
    assert clock_text(page, "Moscow") == ("03:59:59", "MSK")
    # The page also tells the ticking script when London's offset changes, and to what.
    expected_switch = int(datetime(2026, 3, 29, 1, tzinfo=UTC).timestamp()) * 1000
    assert f'data-offset="0" data-abbr="GMT" data-switch-at="{expected_switch}"' in page
    assert 'data-next-offset="3600" data-next-abbr="BST"' in page
    clock.now = datetime(2026, 3, 29, 1, 0, 0, tzinfo=UTC)
    page = html(client.get("/widgets/clock?tz=Europe/London"))
    assert clock_text(page, "London") == ("02:00:00", "BST")


def test_clock_options_and_city_names(client, clock):
    """Russian city names from CLDR; 12-hour clock without seconds, naming the part of the day
    as Russian does (no Latin "PM"), the zone by its Russian abbreviation."""
    page = html(
        client.get("/widgets/clock?tz=Europe/Moscow&tz=Asia/Tokyo&lang=ru&seconds=off&hours=12")
    )
    assert clock_text(page, "Москва") == ("12:00 дня", "МСК")
    assert clock_text(page, "Токио") == ("6:00 вечера", "")
    assert "Токио" in page
    assert "aria-live" not in page
    assert "<title>Часы: Москва, Токио</title>" in page


def test_clock_defaults_to_the_site_clocks(client, counter):
    """Without tz the widget shows the clocks the staff configured."""
    assert "Moscow" in html(client.get("/widgets/clock"))


def test_clock_fragment_for_htmx(client):
    """With HX-Request the same URL answers only the fragment, and says it varies on that header."""
    page = client.get("/widgets/clock?tz=Europe/Moscow")
    fragment = client.get("/widgets/clock?tz=Europe/Moscow", headers=HX)
    assert "<html" in html(page) and "<html" not in html(fragment)
    assert html(fragment).lstrip().startswith('<div class="pr-clocks"')
    assert "HX-Request" in fragment.headers["Vary"]
    restore = client.get(
        "/widgets/clock?tz=Europe/Moscow", headers={**HX, "HX-History-Restore-Request": "true"}
    )
    assert "<html" in html(restore)


def counter_phrase(page: str) -> str:
    """Return the phrase a day counter shows."""
    return re.search(r'<p class="pr-counter-phrase">([^<]+)</p>', page).group(1)


def test_day_counter_changes_at_midnight_in_its_zone(client, clock, counter):
    """Counted in calendar days in Moscow: 23:59:59 there is still day 0 after the event's day."""
    clock.now = datetime(2026, 3, 14, 20, 59, 59, tzinfo=UTC)  # 23:59:59 in Moscow, the event day
    assert counter_phrase(html(client.get(f"/widgets/counter/{counter}"))) == (
        "0 days have passed since the harbour accord"
    )
    clock.now += timedelta(seconds=1)  # midnight in Moscow
    page = html(client.get(f"/widgets/counter/{counter}?lang=ru", headers=HX))
    assert counter_phrase(page) == "прошёл 1 день с портового соглашения"
    next_midnight = int(datetime(2026, 3, 15, 21, tzinfo=UTC).timestamp()) * 1000
    assert f'data-refresh-at="{next_midnight}"' in page


@pytest.mark.parametrize(
    ("days", "phrase"), [(2, "прошло 2 дня"), (5, "прошло 5 дней"), (21, "прошёл 21 день")]
)
def test_day_counter_plural_forms(client, clock, counter, days, phrase):
    """The whole Russian phrase agrees with the count."""
    clock.now = datetime(2026, 3, 14, 12, tzinfo=UTC) + timedelta(days=days)
    assert counter_phrase(html(client.get(f"/widgets/counter/{counter}?lang=ru"))).startswith(
        phrase
    )


def test_day_counter_counts_down_to_a_future_event(client, clock, counter):
    """Before the event the counter counts down."""
    clock.now = datetime(2026, 3, 10, 12, tzinfo=UTC)
    assert counter_phrase(html(client.get(f"/widgets/counter/{counter}"))) == (
        "4 days remain until the harbour accord"
    )


def test_unknown_counter_is_404(client):
    """A counter that does not exist (or an absurd id) is a 404, not a 500."""
    assert client.get("/widgets/counter/999").status_code == 404
    assert client.get("/widgets/counter/" + "9" * 40).status_code == 404


def test_latest_lists_newest_titles_with_top_window_links(client, clock, add_statement):
    """Titles newest first, links into the top window, limit respected."""
    for n in range(4):
        add_statement({"en": f"News {n}"}, published_at=clock.now - timedelta(hours=n + 1))
    page = html(client.get("/widgets/latest?limit=3"))
    titles = re.findall(r'target="_top">(News \d)</a>', page)
    assert titles == ["News 0", "News 1", "News 2"]
    assert '<base target="_top">' in page


def test_latest_answers_304_while_unchanged(client, clock, add_statement):
    """A conditional request for an unchanged list answers 304; after a change, 200."""
    add_statement({"en": "First"})
    first = client.get("/widgets/latest", headers=HX)
    etag = first.headers["ETag"]
    again = client.get("/widgets/latest", headers={**HX, "If-None-Match": etag})
    assert again.status_code == 304
    add_statement({"en": "Second"})
    changed = client.get("/widgets/latest", headers={**HX, "If-None-Match": etag})
    assert changed.status_code == 200 and "Second" in html(changed)


def test_widget_pages_may_be_framed_and_set_no_cookies(client, counter, add_statement):
    """Every widget page may be framed by any site by default, and sets no cookie."""
    statement = add_statement({"en": "Card"})
    for url in (
        "/widgets/clock",
        f"/widgets/counter/{counter}",
        "/widgets/latest",
        f"/widgets/statement/{statement.id}",
        "/widgets/clock?tz=bad",
    ):
        response = client.get(url)
        assert "frame-ancestors *" in response.headers["Content-Security-Policy"], url
        assert "X-Frame-Options" not in response.headers, url
        assert "Set-Cookie" not in response.headers, url
        assert response.cache_control.public or response.status_code == 400


def test_frame_allow_list(make_app, counter):
    """With an allow-list only those sites may frame widgets; other pages are never framable."""
    app = make_app(PRESSROOM_WIDGET_FRAME_ANCESTORS="https://partner.example")
    client = app.test_client()
    assert (
        client.get("/widgets/latest")
        .headers["Content-Security-Policy"]
        .endswith("frame-ancestors https://partner.example")
    )
    for url in ("/en/", "/widgets/", "/en/statements/"):
        assert "frame-ancestors 'self'" in client.get(url).headers["Content-Security-Policy"]


def test_accent_colour_is_allowed_by_hash_only(client):
    """The accent style is the one inline style, allowed by its hash in the CSP."""
    response = client.get("/widgets/latest?accent=c33&theme=dark")
    page = html(response)
    assert "<style>:root{--accent:#cc3333}</style>" in page
    assert "pr-theme-dark" in page
    assert "'sha256-" in response.headers["Content-Security-Policy"]


def test_statements_appear_in_the_latest_widget_on_the_next_request(client, clock, add_statement):
    """The cached widget shows a new statement at once."""
    add_statement({"en": "Old"})
    assert "Fresh" not in html(client.get("/widgets/latest"))
    add_statement({"en": "Fresh"})
    assert "Fresh" in html(client.get("/widgets/latest"))


def test_embed_script_is_small_and_writes_no_html(client):
    """embed.js is served as JavaScript, is small, and never uses innerHTML."""
    response = client.get("/widgets/embed.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    source = html(response)
    assert "innerHTML" not in source and "outerHTML" not in source
    assert len(response.data) < 4000


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_gallery_page(client, counter, lang):
    """The gallery offers every widget with a live preview and both snippets, escaped."""
    page = html(client.get(f"/widgets/?lang={lang}&widget=clock&tz=Europe/London&theme=dark"))
    assert f'<html lang="{lang}">' in page
    assert 'src="http://pressroom.test/widgets/clock?tz=Europe/London&amp;theme=dark' in page
    # The snippets are shown as text: markup escaped once more inside the textarea.
    assert (
        "&lt;iframe src=&#34;http://pressroom.test/widgets/clock?tz=Europe/London&amp;amp;theme=dark"
        in page
    )
    assert "&lt;script src=&#34;http://pressroom.test/widgets/embed.js&#34; async&gt;" in page
    assert "data-pressroom-widget=&#34;clock&#34;" in page
    counter_page = html(client.get(f"/widgets/?lang={lang}&widget=counter"))
    assert f"/widgets/counter/{counter}?lang={lang}" in counter_page


def test_gallery_shows_problems_instead_of_a_broken_preview(client):
    """Invalid options in the gallery are explained next to the form."""
    page = html(client.get("/widgets/?lang=en&widget=latest&limit=50", headers=HX))
    assert "“limit” must be a whole number from 1 to 20." in page
    assert "<iframe" not in page


def oembed(client, url: str, **params):
    """Ask the oEmbed endpoint about `url`."""
    return client.get("/oembed", query_string={"url": url, **params})


def test_oembed_for_widgets_and_statements(client, counter, add_statement):
    """Widget and statement URLs give type rich with an iframe; sizes honour maxwidth/maxheight."""
    response = oembed(
        client,
        "http://pressroom.test/widgets/clock?tz=Europe/London&lang=ru",
        maxwidth="300",
        maxheight="50",
    )
    data = json.loads(response.data)
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert (data["width"], data["height"]) == (300, 50)
    assert 'src="http://pressroom.test/widgets/clock?tz=Europe/London&amp;lang=ru"' in data["html"]
    assert data["title"] == "Часы: Лондон"
    statement = add_statement({"en": "Embeddable <news>"})
    data = json.loads(oembed(client, f"http://pressroom.test/en/statements/{statement.id}/x").data)
    assert data["title"] == "Embeddable <news>"
    assert f"/widgets/statement/{statement.id}?lang=en" in data["html"]
    assert "<news>" not in data["html"]


@pytest.mark.parametrize(
    "url",
    [
        "http://evil.example/widgets/clock",
        "http://pressroom.test/en/",
        "http://pressroom.test/widgets/clock?tz=bad",
        "http://pressroom.test/widgets/counter/999",
        "javascript:alert(1)",
        "",
        "http://pressroom.test/en/statements/999/x",
    ],
)
def test_oembed_unknown_urls_are_404(client, url):
    """Anything that is not an embeddable URL of this site is a 404."""
    assert oembed(client, url).status_code == 404


def test_oembed_rejects_bad_sizes_and_formats(client):
    """Only JSON is offered; sizes must be positive numbers."""
    url = "http://pressroom.test/widgets/latest"
    assert oembed(client, url, format="xml").status_code == 501
    assert oembed(client, url, maxwidth="-5").status_code == 400


def test_discovery_links(client, add_statement):
    """Widget pages point at their oEmbed description."""
    page = html(client.get("/widgets/latest"))
    assert 'type="application/json+oembed" href="http://pressroom.test/oembed?url=' in page


def test_home_page_uses_the_widgets(client, counter, clock):
    """The home page includes the same clock and counter fragments, refreshing themselves."""
    page = html(client.get("/en/"))
    assert 'hx-get="/widgets/clock?tz=Europe/Moscow&amp;lang=en"' in page
    assert f'hx-get="/widgets/counter/{counter}?lang=en"' in page
    assert "1 day has passed since the harbour accord" in page
