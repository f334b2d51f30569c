"""Accessibility and phone layout in a real browser, on the demo content.

axe-core (vendored in tests/data/axe) finds no violation on any public page, widget or staff page,
in both languages, at desktop (1280 px) and phone (390 px) widths; no page scrolls sideways on a
phone; the front page on a 390×844 phone shows the date, the clocks and the start of the counters
without scrolling. One server and one browser page serve the module; each page is loaded once
and checked at both widths by resizing the viewport.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page
from sqlalchemy import delete, func, select

from pressroom import contentstate, create_app, timekeeping
from pressroom.demo import load_demo
from pressroom.extensions import cache, db
from pressroom.models import Clock, DayCounter, Statement, StatementText
from pressroom.staff.accounts import create
from pressroom.staff.throttle import throttle

from ..staff_client import EMAIL, PASSWORD
from .conftest import LiveServer

AXE = Path(__file__).parent.parent / "data" / "axe" / "axe-4.14.1.min.js"
#: Viewport sizes: a laptop, and a common phone (CSS pixels).
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
LANGS = ("en", "ru")


@dataclass(frozen=True)
class Demo:
    """What page addresses need of the demo content, per language where it differs."""

    statements: dict[str, int]
    #: A statement written only in the other language, per language.
    untranslated: dict[str, int]
    search_words: dict[str, str]
    archive_months: dict[str, str]
    counter: int
    zones: tuple[str, ...]


def read_demo(app) -> Demo:
    """Read each language's newest statement, a word of its title and an archive month."""
    statements, words, months = {}, {}, {}
    client = app.test_client()
    for lang in LANGS:
        newest = db.session.execute(
            select(StatementText.statement_id, StatementText.title).join(Statement)
            .where(StatementText.lang == lang, Statement.status == "published",
                   Statement.published_at <= timekeeping.utcnow())
            .order_by(Statement.published_at.desc())
        ).first()
        statements[lang] = newest.statement_id
        # The longest word of the title certainly finds the statement.
        words[lang] = max(re.findall(r"\w+", newest.title), key=len)
        archive = client.get(f"/{lang}/archive/").get_data(as_text=True)
        months[lang] = re.search(rf'href="/{lang}/archive/(\d{{4}}/\d{{2}})/"', archive).group(1)
    counts = select(StatementText.statement_id).group_by(StatementText.statement_id).having(
        func.count() == 1
    )
    untranslated = {
        lang: db.session.scalar(
            select(StatementText.statement_id)
            .where(StatementText.lang != lang, StatementText.statement_id.in_(counts))
            .order_by(StatementText.statement_id)
        )
        for lang in LANGS
    }
    assert all(untranslated.values()), "the demo has statements in one language only"
    return Demo(
        statements=statements,
        untranslated=untranslated,
        search_words=words,
        archive_months=months,
        counter=db.session.scalar(select(DayCounter.id).order_by(DayCounter.position)),
        zones=tuple(db.session.scalars(select(Clock.timezone).order_by(Clock.position))),
    )


@dataclass(frozen=True)
class Site:
    """The demo site served for the module."""

    url: str
    demo: Demo


@pytest.fixture(scope="module")
def site(app_config, schema) -> Iterator[Site]:
    """The demo content and a staff account on one server for the whole module."""
    app = create_app({**app_config, "SERVER_NAME": None})
    with app.app_context():
        cache.clear()
        load_demo(app.config["PRESSROOM_TIMEZONE"])
        create(EMAIL, PASSWORD)
        demo = read_demo(app)
    server = LiveServer(app)
    yield Site(server.url, demo)
    server.stop()
    with app.app_context():
        db.session.remove()
        # Every table, in an order foreign keys allow: the demo touched most of them.
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(delete(table))
        db.session.commit()
        cache.clear()
        throttle().reset()
        contentstate.state().store.clear()
        db.engine.dispose()


def public_pages(demo: Demo, lang: str) -> list[str]:
    """Every kind of public page and widget in `lang`."""
    month = demo.archive_months[lang]
    statement = demo.statements[lang]
    tz = "&".join(f"tz={zone}" for zone in demo.zones)
    return [
        f"/{lang}/",
        f"/{lang}/statements/",
        f"/{lang}/statements/?kind=speech",
        # Redirected to the address with the slug.
        f"/{lang}/statements/{statement}/",
        # The page saying the statement is only in the other language.
        f"/{lang}/statements/{demo.untranslated[lang]}/",
        f"/{lang}/search?q={demo.search_words[lang]}",
        f"/{lang}/search?q=zzxqvw",
        f"/{lang}/archive/",
        f"/{lang}/archive/{month.split('/')[0]}/",
        f"/{lang}/archive/{month}/",
        f"/{lang}/no-such-page",
        f"/widgets/?lang={lang}",
        f"/widgets/clock?lang={lang}&{tz}",
        f"/widgets/counter/{demo.counter}?lang={lang}",
        # A counter that is gone: a card in the widget's look.
        f"/widgets/counter/999999?lang={lang}",
        f"/widgets/latest?lang={lang}&limit=5",
        f"/widgets/statement/{statement}?lang={lang}",
    ]


def staff_pages(demo: Demo, lang: str) -> list[str]:
    """Every staff page a signed-in editor sees, in `lang` (the form with errors is separate)."""
    return [
        f"/staff/?lang={lang}",
        f"/staff/?lang={lang}&status=none&missing=ru&q=harbour",  # filters, one not understood
        f"/staff/statements/{demo.statements[lang]}/preview?lang={lang}",
        f"/staff/statements/new?lang={lang}",
        f"/staff/statements/{demo.statements[lang]}/edit?lang={lang}",
        f"/staff/statements/{demo.statements[lang]}/withdraw?lang={lang}",
        f"/staff/statements/{demo.statements[lang]}/history?lang={lang}",
        f"/staff/statements/{demo.statements[lang]}/history/1/restore?lang={lang}",
        f"/staff/counters/new?lang={lang}",
        f"/staff/counters/{demo.counter}/edit?lang={lang}",
        f"/staff/clocks/new?lang={lang}",
        f"/staff/settings?lang={lang}",
        f"/staff/audit?lang={lang}",
        f"/staff/account/password?lang={lang}",
    ]


@pytest.fixture(scope="module")
def page(browser, site) -> Iterator[Page]:
    """One browser page for the module, at desktop size between checks."""
    context = browser.new_context(viewport=SIZES["desktop"])
    # Injected by the browser itself into every page and frame, so the pages' Content
    # Security Policy stays in force (an added <script> would be refused by it).
    context.add_init_script(path=str(AXE))
    yield context.new_page()
    context.close()


def axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page; return each violation as "id: help (targets)"."""
    results = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"])
        for v in results["violations"]
    ]


#: The outermost elements that reach past the right edge of the viewport, to name the culprit.
TOO_WIDE = """() => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5
    && !(e.parentElement.getBoundingClientRect().right > window.innerWidth + 0.5))
  .slice(0, 5)
  .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}`
    + `${e.className && typeof e.className === "string"
         ? "." + e.className.trim().split(/\\s+/).join(".") : ""}`
    + ` (${Math.round(e.getBoundingClientRect().width)} px)`)"""


def sideways_scroll(page: Page) -> str | None:
    """Return how much wider than the viewport the page is and what sticks out, or None."""
    width, inner = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    if width <= inner:
        return None
    return f"{width} px wide in a {inner} px viewport: " + ", ".join(page.evaluate(TOO_WIDE))


def check(page: Page, url: str) -> list[str]:
    """Return the problems of the page open at `url` at each size: axe violations, and sideways
    scrolling on a phone. The page is resized rather than loaded again (media queries apply
    the same); it is left at desktop size."""
    problems = []
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        problems += [f"{url} [{size}] {v}" for v in axe_violations(page)]
        if size == "phone" and (wide := sideways_scroll(page)):
            problems.append(f"{url} [{size}] scrolls sideways: {wide}")
    page.set_viewport_size(SIZES["desktop"])
    return problems


def visit(page: Page, url: str) -> None:
    """Open `url` and wait until it and its frames have loaded."""
    page.goto(url, wait_until="load")


def sign_in(page: Page, site: Site) -> None:
    """Sign the page's browser in to the staff area."""
    visit(page, f"{site.url}/staff/sign-in?lang=en")
    if "/sign-in" not in page.url:
        return
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(re.compile(r"/staff/(\?|$)"))


def submit_counter_with_errors(page: Page, site: Site, lang: str) -> None:
    """Send the new-counter form with a date in another format and an over-long label."""
    visit(page, f"{site.url}/staff/counters/new?lang={lang}")
    # Typed as a browser without a date picker would send it.
    page.evaluate(
        "() => { const d = document.getElementById('event_date'); d.type = 'text';"
        " d.value = '31.12.2023'; }"
    )
    page.fill("#en-label", "x" * 301)
    page.click("button[type=submit].primary")
    page.wait_for_selector("[aria-invalid=true]")


@pytest.mark.parametrize("lang", LANGS)
def test_public_pages_and_widgets_pass_axe(site, page, lang):
    """axe finds nothing on any public page or widget; on a phone none scrolls sideways."""
    problems = []
    for path in public_pages(site.demo, lang):
        visit(page, site.url + path)
        problems += check(page, path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_staff_pages_pass_axe(site, page, lang):
    """axe finds nothing on the sign-in page, any staff page or a form with errors."""
    problems = []
    # Signed out first: the sign-in page.
    page.context.clear_cookies()
    path = f"/staff/sign-in?lang={lang}"
    visit(page, site.url + path)
    problems += check(page, path)
    sign_in(page, site)
    for path in staff_pages(site.demo, lang):
        visit(page, site.url + path)
        problems += check(page, path)
    submit_counter_with_errors(page, site, lang)
    problems += check(page, f"/staff/counters/new?lang={lang} (refused)")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGS)
def test_front_page_on_a_phone_shows_date_clocks_and_counters_above_the_fold(
    site, browser, lang
):
    """On a 390×844 phone the date line and the clocks are whole, and the counters begin,
    before any scrolling."""
    page = browser.new_page(viewport=SIZES["phone"])
    visit(page, f"{site.url}/{lang}/")
    fold = SIZES["phone"]["height"]
    boxes = {
        name: page.locator(selector).first.bounding_box()
        for name, selector in (
            ("date line", ".today"), ("clocks", ".front-clocks"),
            ("first counter", ".front-counters > *"),
        )
    }
    assert all(boxes.values()), boxes
    assert boxes["date line"]["y"] + boxes["date line"]["height"] <= fold, boxes
    assert boxes["clocks"]["y"] + boxes["clocks"]["height"] <= fold, boxes
    # At least the first line of the first counter shows.
    assert boxes["first counter"]["y"] + 24 <= fold, boxes
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_gallery_fits_a_phone_whatever_the_widget(site, browser, lang):
    """The gallery with each widget chosen, six cities or twenty statements, fits 390 px."""
    page = browser.new_page(viewport=SIZES["phone"])
    zones = "&".join(f"tz={zone}" for zone in (
        "Europe/Moscow", "Europe/London", "Asia/Tokyo", "America/New_York",
        "America/Argentina/Buenos_Aires", "Australia/Sydney",
    ))
    problems = []
    for query in (
        f"widget=clock&{zones}&seconds=on&hours=12",
        f"widget=counter&counter={site.demo.counter}",
        "widget=latest&limit=20",
        "widget=clock&accent=nonsense",
    ):
        path = f"/widgets/?lang={lang}&{query}"
        visit(page, site.url + path)
        if wide := sideways_scroll(page):
            problems.append(f"{path} scrolls sideways: {wide}")
    page.close()
    assert not problems, "\n".join(problems)
