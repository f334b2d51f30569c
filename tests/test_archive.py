"""The archive: statements by year and calendar month in the site's zone, its guide with counts,
month names in the right case, and 404s for every address that names no such period."""

import bisect
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pressroom import archive
from pressroom.extensions import cache

from .test_caching import counted_queries

LANGS = ["en", "ru"]
MOSCOW = ZoneInfo("Europe/Moscow")


def moscow(*args) -> datetime:
    """Return a Moscow wall-clock time as an aware datetime."""
    return datetime(*args, tzinfo=MOSCOW)


def html(response) -> str:
    """Return a response body as text."""
    return response.get_data(as_text=True)


def titles(page: str) -> list[str]:
    """Return the statement titles a page lists, in order."""
    return re.findall(r'class="row-title"><a [^>]+>([^<]+)<', page)


def guide_counts(page: str) -> dict[str, str]:
    """Return the archive guide's links and the spoken count after each: {label: phrase}."""
    guide = page.split('class="archive-guide"', 1)[1].split("</nav>", 1)[0]
    return dict(
        re.findall(
            r'>([^<>]+)</a>\s*<span class="count"><span aria-hidden="true">[^<]+</span>'
            r'<span class="visually-hidden">([^<]+)</span>',
            guide,
        )
    )


@pytest.fixture
def summer(clock, add_statement):
    """Statements around July 2020 in Moscow time, at the edges of the month, and others."""
    made = {}
    for key, when, titles_ in (
        ("june-last", moscow(2020, 6, 30, 23, 59, 59), {"en": "June last", "ru": "Июнь последнее"}),
        ("july-first", moscow(2020, 7, 1, 0, 0, 0), {"en": "July first", "ru": "Июль первое"}),
        ("july-4a", moscow(2020, 7, 4, 9, 0), {"en": "Fourth A", "ru": "Четвёртое А"}),
        ("july-4b", moscow(2020, 7, 4, 18, 0), {"en": "Fourth B", "ru": "Четвёртое Б"}),
        ("july-en", moscow(2020, 7, 20, 12, 0), {"en": "English only"}),
        # 21:30 UTC on 31 July is already 1 August in Moscow.
        ("august", datetime(2020, 7, 31, 21, 30, tzinfo=UTC), {"en": "August", "ru": "Август"}),
        ("2019", moscow(2019, 12, 31, 12, 0), {"en": "Old year", "ru": "Прошлый год"}),
    ):
        made[key] = add_statement(titles_, published_at=when)
    add_statement({"en": "Draft July", "ru": "Черновик"}, published_at=moscow(2020, 7, 5),
                  status="draft")
    return made


@pytest.mark.parametrize("lang", LANGS)
def test_a_month_holds_its_statements_in_the_site_zone(client, summer, lang):
    """July 2020 in Moscow: from 00:00:00 on the 1st to the last second of the 31st, newest
    first, under day headings; the statement of 21:30 UTC on 31 July is August's."""
    page = html(client.get(f"/{lang}/archive/2020/07/"))
    expected = ["English only", "Fourth B", "Fourth A", "July first"]
    if lang == "ru":
        expected = ["Четвёртое Б", "Четвёртое А", "Июль первое"]
    assert titles(page) == expected
    assert "Draft" not in page and "Черновик" not in page
    days = re.findall(r'<h2 id="group-\d+">([^<]+)</h2>', page)
    assert days == (["20 July", "4 July", "1 July"] if lang == "en" else ["4 июля", "1 июля"])
    assert titles(html(client.get(f"/{lang}/archive/2020/08/"))) == [
        "August" if lang == "en" else "Август"
    ]
    assert titles(html(client.get(f"/{lang}/archive/2020/06/"))) == [
        "June last" if lang == "en" else "Июнь последнее"
    ]


def test_russian_month_names_take_the_right_case(client, summer):
    """Headings name the month in the nominative ("Июль 2020"), days in the genitive ("4 июля")."""
    page = html(client.get("/ru/archive/2020/07/"))
    assert "<h1>Июль 2020</h1>" in page
    assert "<title>Июль 2020 — Архив — " in page
    assert '<h2 id="group-1">4 июля</h2>' in page
    assert "<p class=\"archive-total\">3 заявления</p>" in page
    year = html(client.get("/ru/archive/2020/"))
    assert re.findall(r'<h2 id="group-\d+">([^<]+)</h2>', year) == [
        "Август 2020", "Июль 2020", "Июнь 2020"
    ]
    english = html(client.get("/en/archive/2020/07/"))
    assert "<h1>July 2020</h1>" in english and '<h2 id="group-2">4 July</h2>' in english


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_counts_each_year_and_month(client, summer, lang):
    """Years newest first, the open year's months in calendar order, each with its count as a
    whole phrase for screen readers ("3 заявления", "1 заявление")."""
    page = html(client.get(f"/{lang}/archive/2020/07/"))
    counts = guide_counts(page)
    if lang == "en":
        assert counts == {"2020": "6 statements", "June": "1 statement",
                          "July": "4 statements", "August": "1 statement",
                          "2019": "1 statement"}
    else:
        assert counts == {"2020": "5 заявлений", "Июнь": "1 заявление",
                          "Июль": "3 заявления", "Август": "1 заявление",
                          "2019": "1 заявление"}
    assert list(counts)[0] == "2020" and list(counts)[-1] == "2019"
    assert re.search(f'href="/{lang}/archive/2020/07/" aria-current="page"', page)
    index = html(client.get(f"/{lang}/archive/"))
    assert len(guide_counts(index)) == 6  # every year with its months open
    assert f'href="/{lang}/archive/2019/12/"' in index


@pytest.mark.parametrize(
    "path",
    [
        "/en/archive/0/", "/en/archive/0000/", "/en/archive/02020/", "/en/archive/99999/",
        "/en/archive/abc/", "/en/archive/2020/13/", "/en/archive/2020/00/", "/en/archive/2020/7/",
        "/en/archive/2020/007/", "/en/archive/٢٠٢٠/", "/en/archive/+2020/", "/en/archive/2020/-1/",
        "/en/archive/2020/07/x/", "/de/archive/2020/", "/en/archive/1999/", "/ru/archive/2020/12/",
        "/en/archive/9999/12/", "/en/archive/2020/07/?page=2", "/en/archive/2020/07/?page=0",
        "/en/archive/2020/07/?page=01", "/en/archive/2020/?page=abc",
    ],
)
def test_addresses_that_name_no_period_are_404(client, summer, path):
    """Wrong forms, unknown languages, empty periods and pages past the end: 404, never 500."""
    response = client.get(path)
    assert response.status_code == 404, path
    assert "s-maxage" not in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_year_or_month_says_so(client, summer, lang):
    """A 404 that names the period and offers the months that have statements."""
    response = client.get(f"/{lang}/archive/2020/12/")
    page = html(response)
    assert response.status_code == 404
    heading = "December 2020" if lang == "en" else "Декабрь 2020"
    assert f"<h1>{heading}</h1>" in page
    assert (
        "no statements were published in this language" in page
        if lang == "en"
        else "на этом языке заявлений не публиковалось" in page
    )
    assert f'href="/{lang}/archive/2020/07/"' in page
    assert client.get(f"/{lang}/archive/1990/").status_code == 404


def test_pages_of_a_month_and_their_links(make_app, clock, add_statement):
    """With two a page: page 2 links back to page 1 (without ?page=1), on to page 3, and the
    last page has no next link; counts come from the calendar, so page 4 of 3 is a 404."""
    app = make_app(PRESSROOM_PAGE_SIZE=2)
    client = app.test_client()
    for day in range(1, 6):
        add_statement({"en": f"Day {day}"}, published_at=moscow(2021, 3, day, 12))
    second = html(client.get("/en/archive/2021/03/?page=2"))
    assert titles(second) == ["Day 3", "Day 2"]
    assert 'rel="prev" href="/en/archive/2021/03/"' in second
    assert 'rel="next" href="/en/archive/2021/03/?page=3"' in second
    assert "Page 2 of 3" in second
    assert titles(html(client.get("/en/archive/2021/03/?page=3"))) == ["Day 1"]
    assert 'rel="next"' not in html(client.get("/en/archive/2021/03/?page=3"))
    assert client.get("/en/archive/2021/03/?page=4").status_code == 404
    assert titles(html(client.get("/en/archive/2021/?page=2"))) == ["Day 3", "Day 2"]


def test_alternates_name_only_languages_that_have_the_page(client, summer):
    """A month with statements in English only: its page names no Russian version, and the
    Russian address is a 404; a month in both names both and x-default."""
    add_only = html(client.get("/en/archive/2020/07/"))
    assert 'hreflang="ru" href="http://pressroom.test/ru/archive/2020/07/"' in add_only
    assert 'hreflang="x-default" href="http://pressroom.test/en/archive/2020/07/"' in add_only


def test_english_only_month(client, clock, add_statement):
    """A month only English statements have: no Russian alternate, Russian page is a 404."""
    add_statement({"en": "Lonely"}, published_at=moscow(2022, 2, 10))
    page = html(client.get("/en/archive/2022/02/"))
    head = page.split("</head>", 1)[0]
    assert re.findall(r'hreflang="([^"]+)" href', head) == ["en", "x-default"]
    assert client.get("/ru/archive/2022/02/").status_code == 404


def test_scheduled_statements_join_the_archive_at_their_time(client, clock, add_statement):
    """Counted and listed only from their time, though the pages were cached before."""
    add_statement({"en": "Now"}, published_at=clock.now - timedelta(hours=1))
    add_statement({"en": "Soon"}, published_at=clock.now + timedelta(hours=1))
    march = "/en/archive/2026/03/"
    assert titles(html(client.get(march))) == ["Now"]
    assert guide_counts(html(client.get(march)))["March"] == "1 statement"
    clock.advance(hours=1, seconds=1)
    assert titles(html(client.get(march))) == ["Soon", "Now"]
    assert guide_counts(html(client.get(march)))["March"] == "2 statements"


def test_listing_links_to_the_archive(client, summer):
    """The listing offers the archive; the archive index lists every year."""
    page = html(client.get("/ru/statements/"))
    assert 'href="/ru/archive/"' in page and "Архив по годам и месяцам" in page
    index = client.get("/ru/archive/")
    assert index.status_code == 200
    assert "<h1>Архив</h1>" in html(index)


def test_an_empty_archive_is_a_page_that_says_so(client):
    """No statements yet: the index is a 200 that says so, every year a 404."""
    page = html(client.get("/en/archive/"))
    assert "No statements have been published yet." in page
    assert client.get("/en/archive/2026/").status_code == 404


def test_archive_pages_make_the_same_queries_however_large(app, client, clock, add_statement):
    """The calendar is one grouped query: a year's page cold makes as many queries with 40
    statements as with 10, and no query reads a body."""

    def cold(url: str) -> list[str]:
        """Render `url` with an empty cache; return the SQL it sent."""
        with app.app_context():
            cache.clear()
        with counted_queries(app) as statements:
            assert client.get(url).status_code == 200
        return statements

    def add(start: int, n: int) -> None:
        """Add statements `start` to `start + n`, spread over the months of 2024."""
        for i in range(start, start + n):
            add_statement({"en": f"N{i}", "ru": f"Н{i}"}, published_at=moscow(2024, 1 + i % 12, 3))

    add(0, 10)
    urls = ("/en/archive/2024/", "/ru/archive/2024/05/", "/en/archive/")
    small = {url: cold(url) for url in urls}
    add(10, 30)
    large = {url: cold(url) for url in small}
    assert {u: len(s) for u, s in small.items()} == {u: len(s) for u, s in large.items()}
    for found in large.values():
        assert not any("statement_text.body" in sql for sql in found)  # nor body_source
        assert sum("GROUP BY" in sql for sql in found) <= 2  # the calendar in each language


@pytest.mark.parametrize(
    "tz", ["Europe/Moscow", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]
)
def test_offset_history_follows_the_zone(tz):
    """The offsets the grouped query shifts by are the zone's own: right after and right before
    every change, and at a thousand instants between 1900 and now."""
    history = list(reversed(archive.offset_history(tz, 2027)))
    zone = ZoneInfo(tz)
    starts = [start for start, _ in history]

    def offset_from_history(instant: datetime) -> int:
        """Return the offset the history gives for an instant."""
        return history[bisect.bisect_right(starts, instant) - 1][1]

    def offset(instant: datetime) -> int:
        """Return the zone's own offset at an instant."""
        return int(instant.astimezone(zone).utcoffset().total_seconds())

    for start, seconds in history[1:]:
        assert offset(start) == seconds
        assert offset(start - timedelta(seconds=1)) != seconds
    first = datetime(1900, 1, 1, tzinfo=UTC)
    span = datetime(2027, 12, 31, tzinfo=UTC) - first
    for i in range(1000):
        instant = first + span * (i / 1000) + timedelta(seconds=i * 7919)
        assert offset_from_history(instant) == offset(instant), instant


def test_month_edges_agree_between_count_and_listing_in_an_odd_zone(make_app, clock, add_statement):
    """In a zone that has moved its offset (Moscow in 2011–2014 kept +04:00), a statement one
    second before a month starts is counted and listed in the month before, on every engine."""
    app = make_app()
    client = app.test_client()
    start = moscow(2012, 11, 1)
    add_statement({"en": "Before"}, published_at=start - timedelta(seconds=1))
    add_statement({"en": "At"}, published_at=start)
    assert start.utcoffset() == timedelta(hours=4)
    assert titles(html(client.get("/en/archive/2012/10/"))) == ["Before"]
    assert titles(html(client.get("/en/archive/2012/11/"))) == ["At"]
    counts = guide_counts(html(client.get("/en/archive/2012/11/")))
    assert counts["October"] == counts["November"] == "1 statement"
