"""The public site in both languages: redirects, home, listing, statement pages, visibility."""

import re
from datetime import date, timedelta

import pytest
from flask import g
from sqlalchemy import update

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, DayCounterText, SiteSettings, Statement
from pressroom.templating import kind_name, kind_plural

from .test_caching import counted_queries

LANGS = ["en", "ru"]


def html(response) -> str:
    """Return a response body as text."""
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,fr;q=0.5", "/en/"),
        ("", "/en/"),
        (";;;q=abc,,=,", "/en/"),
        ("\x00\xff garbage", "/en/"),
        ("ru;q=0.1,en;q=0.2", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, header, expected):
    """The bare address sends visitors to their language; garbage falls back to the default."""
    response = client.get("/", headers={"Accept-Language": header})
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


def test_default_language_is_configurable(make_app):
    """Sites whose default is Russian send unknown languages to /ru/."""
    app = make_app(PRESSROOM_DEFAULT_LANGUAGE="ru")
    response = app.test_client().get("/", headers={"Accept-Language": "fr"})
    assert response.headers["Location"] == "/ru/"


@pytest.fixture
def front_page_content(app, clock, add_statement):
    """Settings, two clocks, one counter, a featured statement and a few others."""
    with app.app_context():
        db.session.add_all(
            [
                SiteSettings(
                    lang="en", site_title="Press Office", contact_line="Duty officer: +7 000"
                ),
                SiteSettings(lang="ru", site_title="Пресс-служба", contact_line="Дежурный: +7 000"),
                Clock(timezone="Europe/Moscow", position=0),
                Clock(timezone="Europe/London", position=1),
                DayCounter(
                    event_date=date(2023, 6, 17),  # 1002 days before 15 March 2026
                    timezone="Europe/Moscow",
                    texts=[
                        DayCounterText(
                            lang="en", label="since the harbour accord", caption="Signed at dawn."
                        ),
                        DayCounterText(
                            lang="ru",
                            label="с портового соглашения",
                            caption="Подписано на рассвете.",
                        ),
                    ],
                ),
            ]
        )
        db.session.commit()
    add_statement(
        {"en": "Featured news", "ru": "Главная новость"},
        featured=True,
        body="<p>Full featured body.</p>",
    )
    for n in range(12):
        add_statement(
            {"en": f"Item {n:02d}", "ru": f"Запись {n:02d}"},
            published_at=clock.now - timedelta(days=n + 1),
        )


def test_home_in_english(client, front_page_content):
    """The English front page: date, clocks, contact, counter, featured, latest ten, link to all."""
    page = html(client.get("/en/"))
    assert '<html lang="en">' in page
    assert '<time datetime="2026-03-15">15 March 2026</time>' in page
    assert "Moscow" in page and "London" in page
    assert ">12:00:00<" in page and ">09:00:00<" in page  # Moscow and London at 09:00 UTC
    assert "Duty officer: +7 000" in page
    assert "1,002 days have passed since the harbour accord" in page
    assert "Full featured body." in page
    assert page.count('class="statement-row"') == 10
    assert "Item 09" in page and "Item 10" not in page  # the 10 newest after the featured one
    assert 'href="/en/statements/"' in page
    assert page.count("<h1") == 1


def test_home_in_russian(client, front_page_content):
    """The Russian front page speaks Russian throughout."""
    page = html(client.get("/ru/"))
    assert '<html lang="ru">' in page
    assert "15 марта 2026\u202fг." in page
    assert "Москва" in page and "Лондон" in page
    assert "Прошло 1\xa0002 дня с портового соглашения" in page
    assert "Последние заявления" in page and "Все заявления" in page
    assert "Главная новость" in page


@pytest.mark.parametrize(
    ("lang", "mark", "title", "slug"),
    [("en", "Main statement", "Featured news", "featured-news"),
     ("ru", "Главное заявление", "Главная новость", "glavnaia-novost")],
)
def test_featured_statement_is_marked_linked_and_not_repeated(
    client, front_page_content, lang, mark, title, slug
):
    """The featured statement says it is the main one, its title leads to its page, and the
    latest list below holds ten others instead of repeating it."""
    page = html(client.get(f"/{lang}/"))
    featured = page.split('<article class="featured"', 1)[1].split("</article>", 1)[0]
    assert f'id="featured-mark">{mark}</p>' in featured
    link = re.search(r'<h2 id="featured-title"><a href="([^"]+)">([^<]+)</a></h2>', featured)
    assert link and link.group(2) == title
    assert re.fullmatch(rf"/{lang}/statements/\d+/{slug}", link.group(1))
    assert client.get(link.group(1)).status_code == 200
    latest = page.split('id="latest-heading"', 1)[1]
    assert title not in latest
    assert latest.count('class="statement-row"') == 10


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_the_site_title_once(client, front_page_content, lang):
    """The header's brand shows the site's name; the page's one <h1> is there for screen
    readers only, so the name is not seen twice."""
    name = {"en": "Press Office", "ru": "Пресс-служба"}[lang]
    page = html(client.get(f"/{lang}/"))
    assert re.search(rf'<a class="brand" href="/{lang}/">{name}</a>', page)
    assert f'<h1 class="visually-hidden">{name}</h1>' in page
    main = page.split('<main', 1)[1].split("</main>", 1)[0]
    visible = re.sub(r'<h1 class="visually-hidden">[^<]*</h1>', "", main)
    assert name not in visible


def test_latest_list_is_full_without_a_featured_statement(client, front_page_content, app):
    """With nothing featured, the latest list shows the ten newest, however many there are."""
    with app.app_context():
        db.session.execute(update(Statement).values(featured=False))
        db.session.commit()
        content_changed()
    page = html(client.get("/en/"))
    assert 'class="featured"' not in page
    assert page.count('class="statement-row"') == 10
    assert "Featured news" in page and "Item 08" in page and "Item 09" not in page


@pytest.mark.parametrize("lang", LANGS)
def test_home_without_any_content(client, lang):
    """An empty site still renders its front page."""
    response = client.get(f"/{lang}/")
    assert response.status_code == 200


@pytest.fixture
def forty_five(clock, add_statement):
    """45 statements, newest first by number, every third an interview; #7 only in English."""
    for n in range(45):
        titles = (
            {"en": f"Number {n:02d}"}
            if n == 7
            else {"en": f"Number {n:02d}", "ru": f"Номер {n:02d}"}
        )
        add_statement(
            titles,
            published_at=clock.now - timedelta(hours=n + 1),
            kind="interview" if n % 3 == 0 else "statement",
        )


@pytest.mark.parametrize("lang", LANGS)
def test_listing_pages(client, forty_five, lang):
    """20 a page, newest first; the last page holds the rest; a link leads on."""
    first = html(client.get(f"/{lang}/statements/"))
    titles = re.findall(r'class="row-title"><a [^>]+>([^<]+)<', first)
    assert len(titles) == 20
    assert titles[0].endswith("00") and titles[19].endswith("19" if lang == "en" else "20")
    assert f'href="/{lang}/statements/?page=2"' in first
    last = client.get(f"/{lang}/statements/?page=3")
    assert last.status_code == 200
    assert len(re.findall('class="row-title"', html(last))) == (5 if lang == "en" else 4)


@pytest.mark.parametrize(
    ("lang", "ranges"),
    [
        ("en", ["14\u2009–\u200915 Mar 2026", "13\u2009–\u200914 Mar 2026", "13 Mar 2026"]),
        ("ru", ["14—15 мар. 2026\u202fг.", "13—14 мар. 2026\u202fг.", "13 мар. 2026\u202fг."]),
    ],
)
def test_pagination_says_where_you_are_without_counting(app, client, forty_five, lang, ranges):
    """Each page names its number and the dates (in the site's zone, Moscow) of its first and last
    statements, with newer and older links; the listing never counts the statements."""
    with counted_queries(app) as statements:
        pages = [html(client.get(f"/{lang}/statements/?page={n}")) for n in (1, 2, 3)]
    assert statements and not [sql for sql in statements if "count(" in sql.lower()]
    word = {"en": "Page", "ru": "Страница"}[lang]
    for number, (page, dates) in enumerate(zip(pages, ranges, strict=True), start=1):
        nav = re.search(r'<nav class="pagination".*?</nav>', page, re.S).group(0)
        assert f"<p>{word} {number}: {dates}</p>" in nav
        assert ('rel="prev"' in nav) == (number > 1) and ('rel="next"' in nav) == (number < 3)
        newer = {"en": "Newer statements", "ru": "Более новые"}[lang]
        assert (newer in nav) == (number > 1)


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Speeches"), ("ru", "Выступления"), ("en", "Interviews")]
)
def test_a_listing_of_one_kind_has_a_plural_heading(client, add_statement, lang, heading):
    """A listing filtered by kind is headed, titled and previewed with the kind's plural."""
    kind = "speech" if heading != "Interviews" else "interview"
    add_statement({"en": "Words", "ru": "Слова"}, kind=kind)
    page = html(client.get(f"/{lang}/statements/?kind={kind}"))
    assert f"<h1>{heading}</h1>" in page
    assert f"<title>{heading} — " in page
    assert f'<meta property="og:title" content="{heading}">' in page


@pytest.mark.parametrize("lang", LANGS)
# "9" * 4000: long, yet within the request line limit (LIMIT_REQUEST_LINE, 4,094 bytes).
@pytest.mark.parametrize("page", ["0", "-1", "abc", "4", "01", "1.5", str(2**63), "9" * 4000, ""])
def test_bad_page_numbers_are_a_localised_404(client, forty_five, lang, page):
    """Out-of-range or non-numeric pages answer the 404 page in the listing's language."""
    response = client.get(f"/{lang}/statements/?page={page}")
    assert response.status_code == 404
    assert ("Page not found" if lang == "en" else "Страница не найдена") in html(response)
    assert f'<html lang="{lang}">' in html(response)


def test_kind_filter(client, forty_five):
    """`?kind=` keeps only that kind; an unknown kind is a 404."""
    page = html(client.get("/en/statements/?kind=interview"))
    assert len(re.findall('class="row-title"', page)) == 15
    assert page.count(">Interview<") >= 15
    assert client.get("/en/statements/?kind=bogus").status_code == 404
    assert 'aria-current="page">Интервью<' in html(client.get("/ru/statements/?kind=interview"))


@pytest.mark.parametrize(
    ("lang", "kind", "one", "many"),
    [
        ("en", "answers", "Answers to media questions", "Answers to media questions"),
        ("ru", "answers", "Ответы на вопросы СМИ", "Ответы на вопросы СМИ"),
        ("en", "briefing", "Briefing", "Briefings"),
        ("ru", "briefing", "Брифинг", "Брифинги"),
        ("en", "speech", "Speech", "Speeches"),
        ("ru", "speech", "Выступление", "Выступления"),
    ],
)
def test_kinds_of_a_foreign_ministry(app, client, add_statement, lang, kind, one, many):
    """Answers to media questions and briefings are stored, filtered and named in each language;
    every kind has a name for several, for listing headings."""
    add_statement({"en": "Weekly words", "ru": "Слова недели"}, kind=kind)
    add_statement({"en": "Other words", "ru": "Другие слова"}, kind="comment")
    page = html(client.get(f"/{lang}/statements/?kind={kind}"))
    assert len(re.findall('class="row-title"', page)) == 1
    assert f'<span class="kind">{one}</span>' in page
    assert f'aria-current="page">{one}<' in page
    with app.test_request_context(f"/{lang}/"):
        g.lang = lang
        assert (kind_name(kind), kind_plural(kind)) == (one, many)


def test_detail_and_slug_redirects(client, add_statement):
    """A statement has its own page; a missing or old slug redirects (301) to the canonical URL."""
    statement = add_statement(
        {"en": "Talks resume in spring", "ru": "Переговоры возобновятся весной"}
    )
    sid = statement.id
    page = html(client.get(f"/en/statements/{sid}/talks-resume-in-spring"))
    assert "<h1>Talks resume in spring</h1>" in page
    for old in (f"/en/statements/{sid}/", f"/en/statements/{sid}/an-old-slug"):
        response = client.get(old)
        assert response.status_code == 301
        assert response.headers["Location"] == f"/en/statements/{sid}/talks-resume-in-spring"
    ru = client.get(f"/ru/statements/{sid}/x")
    assert ru.headers["Location"] == f"/ru/statements/{sid}/peregovory-vozobnoviatsia-vesnoi"


@pytest.mark.parametrize(
    "path",
    [
        "/en/statements/999/",
        "/en/statements/0/",
        "/en/statements/" + "9" * 4000 + "/",  # within the request line limit
        "/en/statements/-1/",
        "/de/",
        "/xx/statements/",
        "/en/%ff%fe/",
        "/ru/statements/%c3%28/",
    ],
)
def test_unknown_addresses_are_404_never_500(client, path):
    """Unknown ids, languages and invalid UTF-8 in paths are plain 404s."""
    assert client.get(path).status_code == 404


def test_language_switch_and_hreflang(client, add_statement):
    """The switcher and hreflang links point at the same statement in the other language."""
    statement = add_statement({"en": "Both languages", "ru": "Оба языка"})
    page = html(client.get(f"/en/statements/{statement.id}/both-languages"))
    ru_url = f"http://pressroom.test/ru/statements/{statement.id}/oba-iazyka"
    en_url = f"http://pressroom.test/en/statements/{statement.id}/both-languages"
    assert f'<link rel="canonical" href="{en_url}">' in page
    assert f'<link rel="alternate" hreflang="ru" href="{ru_url}">' in page
    assert f'<link rel="alternate" hreflang="en" href="{en_url}">' in page
    assert f'<link rel="alternate" hreflang="x-default" href="{en_url}">' in page
    assert f'<a href="{ru_url}" hreflang="ru" lang="ru">Русский</a>' in page
    # Reciprocal: the Russian page points back.
    ru_page = html(client.get(f"/ru/statements/{statement.id}/oba-iazyka"))
    assert f'<link rel="alternate" hreflang="en" href="{en_url}">' in ru_page


def test_statement_in_one_language_only(client, add_statement):
    """No hreflang for a missing translation; the switcher leads to the listing with a note."""
    statement = add_statement({"ru": "Только по-русски"})
    page = html(client.get(f"/ru/statements/{statement.id}/tolko-po-russki"))
    assert 'hreflang="en" href="http://' not in page
    assert '<a href="/en/statements/" hreflang="en" lang="en">English</a>' in page
    assert "нет перевода" in page
    missing = client.get(f"/en/statements/{statement.id}/tolko-po-russki")
    assert missing.status_code == 404
    body = html(missing)
    assert "has not been published in English" in body
    assert f'href="/ru/statements/{statement.id}/tolko-po-russki"' in body
    assert "Только по-русски" not in html(client.get("/en/statements/"))
    assert "Только по-русски" in html(client.get("/ru/statements/"))


def switcher(page: str) -> str:
    """Return the language switcher of a page."""
    return re.search(r'<nav class="languages".*?</nav>', page, re.S).group(0)


@pytest.mark.parametrize(
    ("only", "other", "title", "slug", "note"),
    [
        ("ru", "en", "Только по-русски", "tolko-po-russki", "not translated"),
        ("en", "ru", "Only in English", "only-in-english", "нет перевода"),
    ],
)
def test_switcher_leads_to_the_only_language_of_a_statement(
    client, add_statement, only, other, title, slug, note
):
    """On the page saying a statement is not in this language, the switcher links to the
    statement's page in the language it has, not to the listing, and claims no missing page;
    the head names no alternate for a page that is a 404."""
    statement = add_statement({only: title})
    response = client.get(f"/{other}/statements/{statement.id}/{slug}")
    assert response.status_code == 404
    page = html(response)
    link = f'<a href="/{only}/statements/{statement.id}/{slug}" hreflang="{only}" lang="{only}">'
    assert link in switcher(page)
    assert f'href="/{only}/statements/"' not in switcher(page)
    assert note not in page and 'class="note"' not in page
    assert "hreflang" not in page.split("</head>")[0]


@pytest.mark.parametrize(("lang", "other"), [("en", "ru"), ("ru", "en")])
@pytest.mark.parametrize(
    "url", ["/{lang}/no-such-page", "/{lang}/statements/999999/", "/{lang}/statements/?page=9999"]
)
def test_switcher_on_a_404_claims_no_missing_translation(client, lang, other, url):
    """A page that does not exist is no untranslated page: the switcher leads to the other
    language's home page, without the note."""
    response = client.get(url.format(lang=lang))
    assert response.status_code == 404
    page = html(response)
    assert f'<a href="/{other}/" hreflang="{other}" lang="{other}">' in switcher(page)
    assert 'class="note"' not in page
    assert "not translated" not in page and "нет перевода" not in page


def test_drafts_and_future_statements_are_invisible(client, clock, add_statement):
    """Drafts and scheduled statements are 404 and absent from the home page and listing."""
    draft = add_statement({"en": "Secret draft"}, status="draft")
    future = add_statement({"en": "Scheduled news"}, published_at=clock.now + timedelta(minutes=5))
    for statement, slug in ((draft, "secret-draft"), (future, "scheduled-news")):
        assert client.get(f"/en/statements/{statement.id}/{slug}").status_code == 404
    for url in ("/en/", "/en/statements/"):
        page = html(client.get(url))
        assert "Secret draft" not in page and "Scheduled news" not in page


def test_scheduled_statement_appears_at_its_time_even_when_cached(client, clock, add_statement):
    """No cron: the first request after the publication time shows it, cache notwithstanding."""
    add_statement({"en": "Old news"})
    future = add_statement({"en": "Scheduled news"}, published_at=clock.now + timedelta(minutes=5))
    assert "Scheduled news" not in html(client.get("/en/"))  # now cached without it
    clock.advance(minutes=5)
    assert "Scheduled news" in html(client.get("/en/"))
    assert client.get(f"/en/statements/{future.id}/scheduled-news").status_code == 200


@pytest.mark.parametrize("lang", LANGS)
def test_pages_are_accessible_landmarks(client, add_statement, lang):
    """Skip link, landmarks, one h1, <time datetime> for each date on every kind of page."""
    statement = add_statement({"en": "Accessible", "ru": "Доступно"})
    for url in (f"/{lang}/", f"/{lang}/statements/", f"/{lang}/statements/{statement.id}/"):
        response = client.get(url, follow_redirects=True)
        page = html(response)
        assert 'href="#main"' in page and '<main id="main"' in page
        assert "<header" in page and "<footer" in page and "<nav" in page
        assert page.count("<h1") == 1
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d\+03:00">', page)


def test_error_page_speaks_the_visitors_language(client):
    """A 404 outside any language follows Accept-Language."""
    response = client.get("/nowhere", headers={"Accept-Language": "ru"})
    assert response.status_code == 404
    assert "Страница не найдена" in html(response)


def test_text_is_escaped(client, add_statement):
    """Titles and leads are text, never markup."""
    statement = add_statement({"en": "<script>alert(1)</script> & more"})
    page = html(client.get(f"/en/statements/{statement.id}/", follow_redirects=True))
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_pages_refuse_framing(client):
    """Site pages may not be framed by other sites."""
    response = client.get("/en/")
    assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
