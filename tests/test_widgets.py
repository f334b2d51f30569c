"""Widgets: parameters, clocks across DST, day counters, the latest box, framing, oEmbed."""

import json
import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

import pytest
from flask import g

from pressroom.extensions import db
from pressroom.i18n import day_count_phrase
from pressroom.models import Clock, DayCounter, DayCounterText
from pressroom.widgets import sizing

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
                DayCounterText(
                    lang="en", label="since the harbour accord",
                    label_ahead="until the harbour accord", caption="",
                ),
                DayCounterText(
                    lang="ru", label="с портового соглашения",
                    label_ahead="до портового соглашения", caption="Подпись",
                ),
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
        ("tz=" + "A" * 4_000, "tz"),  # long, yet within the request line limit (4,094)
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
        "limit=" + "9" * 4000,  # long, yet within the request line limit (4,094)
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
    assert counter_phrase(page) == "Прошёл 1 день с портового соглашения"
    next_midnight = int(datetime(2026, 3, 15, 21, tzinfo=UTC).timestamp()) * 1000
    assert f'data-refresh-at="{next_midnight}"' in page


@pytest.mark.parametrize(
    ("days", "phrase"), [(2, "Прошло 2 дня"), (5, "Прошло 5 дней"), (21, "Прошёл 21 день")]
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
        "4 days to go until the harbour accord"
    )


@pytest.mark.parametrize(("lang", "heading", "phrase"), [
    ("en", "Day counter", "1 day has passed since the harbour accord"),
    ("ru", "Счётчик дней", "Прошёл 1 день с портового соглашения"),
])
def test_counter_widget_says_its_sentence_once(client, clock, counter, lang, heading, phrase):
    """The counter widget's sentence is its content, not also a heading above it: the page's
    heading names the widget for screen readers only."""
    page = html(client.get(f"/widgets/counter/{counter}?lang={lang}"))
    body = page.split("<body", 1)[1]
    assert body.count(phrase) == 1
    assert counter_phrase(page) == phrase
    assert re.findall(r"<h1[^>]*>[^<]*</h1>", body) == [
        f'<h1 class="pr-heading visually-hidden">{heading}</h1>'
    ]


@pytest.mark.parametrize(("lang", "phrase"), [
    ("en", "4 days to go until the harbour accord"),
    ("ru", "Осталось 4 дня до портового соглашения"),
])
def test_counter_widget_counts_down_in_each_language(client, clock, counter, lang, phrase):
    """Before its event the widget says how many days are left, with the label written for the
    time before the event."""
    clock.now = datetime(2026, 3, 10, 12, tzinfo=UTC)
    assert counter_phrase(html(client.get(f"/widgets/counter/{counter}?lang={lang}"))) == phrase


def test_unknown_counter_is_404(client):
    """A counter that does not exist (or an absurd id) is a 404, not a 500."""
    assert client.get("/widgets/counter/999").status_code == 404
    assert client.get("/widgets/counter/" + "9" * 40).status_code == 404


@pytest.mark.parametrize(
    ("lang", "path", "sentence"),
    [
        ("en", "/widgets/counter/999", "This counter is no longer available"),
        ("ru", "/widgets/counter/999", "Этот счётчик больше недоступен"),
        ("en", "/widgets/statement/999", "This statement is no longer available"),
        ("ru", "/widgets/statement/999", "Это заявление больше недоступно"),
    ],
)
def test_a_removed_widget_answers_a_framable_card(client, lang, path, sentence):
    """A deleted counter or statement answers 404 with a card in the widget's language and
    look that partners may frame (never the site's 404 page, which refuses framing); htmx gets
    the card alone."""
    response = client.get(f"{path}?lang={lang}&theme=dark")
    page = html(response)
    assert response.status_code == 404
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"
    assert f'<html lang="{lang}">' in page and 'class="pr-widget pr-theme-dark"' in page
    assert f'<h1 class="pr-heading">{sentence}</h1>' in page
    assert "json+oembed" not in page  # nothing left to describe
    fragment = client.get(f"{path}?lang={lang}", headers=HX)
    assert fragment.status_code == 404
    assert "<html" not in html(fragment)
    assert f'<p class="pr-gone-text">{sentence}</p>' in html(fragment)


def test_a_statement_only_in_the_other_language_is_a_card_too(client, add_statement):
    """A card asked for in a language the statement lacks is the same framable 404 card."""
    statement = add_statement({"ru": "Только по-русски"})
    response = client.get(f"/widgets/statement/{statement.id}?lang=en")
    assert response.status_code == 404
    assert "This statement is no longer available" in html(response)
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]


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


def oembed_height(client, url: str, **params) -> int:
    """Return the height oEmbed gives for `url`, checking the html iframe says the same."""
    data = oembed(client, url, **params).json
    assert f'height="{data["height"]}"' in data["html"]
    assert f'width="{data["width"]}"' in data["html"]
    return data["height"]


def test_oembed_height_follows_the_options_and_the_width(client, counter, clock, add_statement):
    """The returned height grows with the cities and the limit, and as maxwidth narrows; a
    statement card grows when narrow; maxheight still caps it (the spec's rule)."""
    for n in range(20):
        add_statement(
            {"en": f"Talks on the harbour accord, {n:02d}"},
            published_at=clock.now - timedelta(hours=n + 1),
        )
    base = "http://pressroom.test/widgets/"
    zones = ["Europe/Moscow", "Europe/London", "Asia/Tokyo", "America/New_York",
             "Australia/Sydney", "Africa/Cairo"]
    clocks = [
        oembed_height(client, base + "clock?" + "&".join(f"tz={z}" for z in zones[:n]))
        for n in (1, 3, 6)
    ]
    assert clocks[0] < clocks[1] < clocks[2]
    latest = [oembed_height(client, base + f"latest?limit={n}") for n in (1, 5, 20)]
    assert latest[0] < latest[1] < latest[2]
    # Without maxwidth the width is unknown: the height fits the narrowest phone.
    wide = oembed_height(client, base + "latest?limit=20", maxwidth="420")
    narrow = oembed_height(client, base + "latest?limit=20", maxwidth="150")
    assert wide < latest[2] < narrow
    statement = add_statement({"en": "Card " + "words " * 30})
    card = f"http://pressroom.test/en/statements/{statement.id}/x"
    assert oembed_height(client, card, maxwidth="200") > oembed_height(client, card)
    assert oembed_height(client, card) > oembed_height(client, card, maxwidth="560")
    assert oembed_height(client, base + "latest?limit=20", maxheight="300") == 300


@pytest.mark.parametrize(
    "query",
    [
        {"url": "http://pressroom.test/widgets/latest"},
        {"url": "http://pressroom.test/widgets/counter/999"},
        {"url": "http://pressroom.test/widgets/latest", "format": "xml"},
        {"url": "http://pressroom.test/widgets/latest", "maxwidth": "wide"},
    ],
)
def test_oembed_answers_other_sites_browsers(client, query):
    """oEmbed is public data: any site's script may read it, its errors included."""
    response = client.get("/oembed", query_string=query, headers={"Origin": "https://partner.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/widgets/latest").headers


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_statement_pages_link_to_their_oembed(client, add_statement, lang):
    """A statement page announces its oEmbed description, which describes that page."""
    statement = add_statement({lang: "Discoverable"})
    address = f"/{lang}/statements/{statement.id}/discoverable"
    page = html(client.get(address, follow_redirects=True))
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert link, page[:2000]
    described = client.get(link.group(1).replace("&amp;", "&"))
    assert described.status_code == 200
    assert described.json["title"] == "Discoverable"
    assert f"/widgets/statement/{statement.id}?lang={lang}" in described.json["html"]


def gallery_code(page: str, name: str) -> str:
    """Return the snippet of one gallery textarea, unescaped once (as a partner copies it)."""
    import html as markup

    return markup.unescape(re.search(rf'id="code-{name}"[^>]*>([^<]*)<', page).group(1))


def test_gallery_code_sizes_itself_and_keeps_the_city_order(client, counter):
    """The iframe code carries the estimated height, a width that shrinks on a phone, the zones
    in the partner's order; the optional resize line and the script snippet go with it."""
    page = html(client.get("/widgets/?lang=en&widget=clock&tz=Asia/Tokyo&tz=Europe/London"
                           "&tz=America/New_York"))
    iframe = gallery_code(page, "iframe")
    assert "tz=Asia/Tokyo&amp;tz=Europe/London&amp;tz=America/New_York" in iframe
    assert 'width="420"' in iframe and "max-width:100%" in iframe
    height = int(re.search(r'height="(\d+)"', iframe).group(1))
    one = html(client.get("/widgets/?lang=en&widget=clock&tz=Asia/Tokyo"))
    assert int(re.search(r'height="(\d+)"', gallery_code(one, "iframe")).group(1)) < height
    assert gallery_code(page, "resize") == (
        '<script src="http://pressroom.test/widgets/embed.js" async></script>'
    )
    script = gallery_code(page, "script")
    assert 'data-tz="Asia/Tokyo Europe/London America/New_York"' in script
    assert f'data-height="{height}"' in script
    # The chips and the city list show the chosen cities first, in the chosen order.
    chips = re.findall(r'<li class="chip">([^<]+)', page)
    assert [chip.strip() for chip in chips] == ["Tokyo", "London", "New York"]
    boxes = re.findall(r'name="tz" value="([^"]+)"', page)
    assert boxes[:4] == ["Asia/Tokyo", "Europe/London", "America/New_York", "Africa/Abidjan"]
    assert len(boxes) > 300


def test_gallery_city_list_finds_names_and_zones(client):
    """Each city carries its name in the page's language and its zone id for the search."""
    page = html(client.get("/widgets/?lang=ru&widget=clock"))
    assert 'data-search="лондон europe/london"' in page
    assert 'data-search="буэнос-айрес america/argentina/buenos aires"' in page


def test_gallery_drops_the_previous_widgets_options(client):
    """Switching widget keeps none of the old widget's options in the code or the address."""
    response = client.get(
        "/widgets/?lang=en&widget=latest&tz=Europe/London&seconds=off&hours=12&limit=3",
        headers=HX,
    )
    page = html(response)
    for code in (gallery_code(page, "iframe"), gallery_code(page, "script")):
        assert "tz" not in code and "seconds" not in code and "hours" not in code
        assert "limit=3" in code or 'data-limit="3"' in code
    assert response.headers["HX-Push-Url"] == "/widgets/?limit=3&lang=en&widget=latest"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "“accent” must be a hex colour such as 0b4f8a or #0b4f8a."),
        ("ru", "«accent» должен быть шестнадцатеричным цветом"),
    ],
)
def test_gallery_explains_a_bad_accent_next_to_the_field(client, lang, message):
    """A wrong accent colour is explained beside its field in the page's language, the field
    is marked invalid, and no preview with the old colour is left."""
    page = html(client.get(f"/widgets/?lang={lang}&widget=clock&accent=zz", headers=HX))
    error = re.search(r'<p id="gallery-accent-error" class="field-error">([^<]+)</p>', page)
    assert error and message in error.group(1)
    assert re.search(r'id="gallery-accent"[^>]*aria-invalid="true"', page)
    assert 'aria-describedby="gallery-accent-error gallery-accent-hint"' in page
    assert "<iframe" not in page and "pattern=" not in page


def test_embed_script_rescans_and_checks_who_speaks(client):
    """embed.js offers Pressroom.load() and resizes a frame only for its own window speaking
    from the widgets' origin, with an upper bound above a 20-statement list on a phone."""
    source = html(client.get("/widgets/embed.js"))
    assert "window.Pressroom = { load: load }" in source
    assert "event.origin !== origin" in source and "contentWindow !== source" in source
    bound = int(re.search(r"MAX_HEIGHT = (\d+)", source).group(1))
    assert 3000 < bound <= 10_000


@pytest.mark.parametrize(
    ("lang", "since", "until"),
    [("en", "since the signing of the accord", "until the signing"),
     ("ru", "со дня подписания соглашения", "до подписания")],
)
def test_a_counter_pasted_on_its_first_day_still_fits_on_its_thousandth(app, lang, since, until):
    """The height in a counter's code is planned once, when it is pasted; the sentence grows
    with the count ("1 day has passed" → "1,000 days have passed"). Wherever the first day's
    sentence ends on its line, the thousandth day's needs no more than was planned."""
    with app.test_request_context(f"/{lang}/"):
        g.lang = lang
        for extra in range(48):  # the event named one letter longer each time
            event = f"{since} {'a' * extra}"
            first = day_count_phrase(1, event, until, lang)
            later = day_count_phrase(1000, event, until, lang)
            planned = sizing.counter_height(first, "1 March 2026", 288)
            needed = sizing.counter_height(later, "1 March 2026", 288, growth=0)
            assert planned >= needed, (first, later)


def test_a_counter_says_how_old_its_server_time_may_be(client, clock, counter):
    """The counter widget may be kept five minutes and served stale as long again; the home
    page, kept a second, says its counter's stamp is at most two seconds old (widgets.js moves
    a clockless page's time only as far as that range demands)."""
    widget = client.get(f"/widgets/counter/{counter}?lang=ru", headers={"HX-Request": "true"})
    home = client.get("/ru/")
    assert 'data-stamp-age="600"' in widget.get_data(as_text=True)
    assert 'data-stamp-age="2"' in home.get_data(as_text=True)
