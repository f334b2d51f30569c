"""The staff area on a 390 px phone, signed in, in both languages: the dashboard (its filters
and a full table), the statement form with its preview links, the counter, clock and settings
forms, and the previews never scroll sideways."""

import re

import pytest
from playwright.sync_api import expect

from ..staff_client import EMAIL, PASSWORD

WIDTH = 390
#: A title as long as press offices write them, in each language.
LONG = {
    "en": "Joint statement of the foreign ministers on the reopening of the northern harbour "
          "to civilian shipping after the completion of the demining works",
    "ru": "Совместное заявление министров иностранных дел о возобновлении гражданского "
          "судоходства в северной гавани после завершения работ по разминированию",
}


@pytest.fixture
def phone(browser, live_server, staff_user):
    """A 390 px wide page, signed in."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/sign-in")
    page.locator("#email").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.locator("button.primary").click()
    expect(page.locator("h1")).to_be_visible()
    yield page
    context.close()


def fits(page) -> None:
    """Check that the page is no wider than the phone, measured once its style sheets and fonts
    are in: after a click the new page can be laid out before its style sheet arrives (a slow
    run measured the preview links' table outside its scrolling box)."""
    page.wait_for_load_state("load")
    width = page.evaluate("document.fonts.ready.then(() => document.documentElement.scrollWidth)")
    assert width <= WIDTH, f"{page.url} is {width} px wide"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_staff_pages_fit_a_phone(phone, live_server, add_statement, clock, lang):
    """Every staff page a phone opens stays within 390 px, with long titles and the filters'
    messages shown."""
    statement = add_statement(LONG, status="draft")
    add_statement({"en": "Answers to media questions: " + LONG["en"]}, kind="answers")
    base = live_server.url
    pages = [
        f"/staff/?lang={lang}",
        f"/staff/?lang={lang}&status=bogus&missing=ru&q=harbour",
        f"/staff/statements/new?lang={lang}",
        f"/staff/counters/new?lang={lang}",
        f"/staff/clocks/new?lang={lang}",
        f"/staff/settings?lang={lang}",
        f"/staff/statements/{statement.id}/preview?lang={lang}",
    ]
    for path in pages:
        phone.goto(base + path)
        expect(phone.locator("h1").first).to_be_visible()
        fits(phone)
    # The edit page with a preview link just made: its address, the table of links.
    phone.goto(f"{base}/staff/statements/{statement.id}/edit?lang={lang}")
    fits(phone)
    phone.locator("#preview-links button[type=submit]").first.click()
    link = phone.locator("#new-preview-link")
    expect(link).to_be_visible()
    fits(phone)
    address = link.input_value()
    assert re.fullmatch(rf"{re.escape(base)}/preview/{lang}/[A-Za-z0-9_-]{{43}}", address)
    # The link itself, opened by someone with no session, on a phone too.
    phone.context.clear_cookies()
    phone.goto(address)
    expect(phone.locator(".preview-banner")).to_be_visible()
    fits(phone)
