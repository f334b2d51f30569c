"""A printed statement in Chromium: title, date, body and the page's address; no navigation,
language switcher, footer or widgets."""

import pytest
from playwright.sync_api import expect

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Clock

LANGS = ("en", "ru")
BODY = '<p>Ships return to the harbour. <a href="https://example.org/notice">Notice</a></p>'


@pytest.mark.parametrize("lang", LANGS)
def test_a_printed_statement_shows_its_content_and_address(live_server, page, add_statement, lang):
    """With print media, the statement and its canonical URL show, the site's chrome does not."""
    statement = add_statement({"en": "Harbour reopens", "ru": "Порт открыт"}, body=BODY)
    slug = {"en": "harbour-reopens", "ru": "port-otkryt"}[lang]
    url = f"{live_server.url}/{lang}/statements/{statement.id}/{slug}"
    page.goto(url)
    source = page.locator(".print-source")
    expect(source).to_be_hidden()  # on screen, the address is the browser's business

    page.emulate_media(media="print")
    expect(page.locator("h1")).to_have_text({"en": "Harbour reopens", "ru": "Порт открыт"}[lang])
    expect(page.locator("article .meta time")).to_be_visible()
    expect(page.locator("article .lead")).to_be_visible()
    expect(page.locator("article .body")).to_contain_text("Ships return to the harbour.")
    expect(source).to_be_visible()
    expect(page.locator(".print-url")).to_have_text(url)
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical == url
    # A link in the body prints with its address.
    after = page.locator(".body a").evaluate(
        "a => getComputedStyle(a, '::after').getPropertyValue('content')"
    )
    assert "https://example.org/notice" in after
    for chrome in (
        ".site-header",
        ".site-nav",
        ".languages",
        ".site-footer",
        ".skip-link",
        "main > .more",
    ):
        expect(page.locator(chrome)).to_be_hidden()

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")


def test_a_printed_front_page_leaves_out_the_widgets(app, live_server, page):
    """Clocks are widgets: they are not printed."""
    with app.app_context():
        db.session.add(Clock(timezone="Europe/Moscow", position=0))
        db.session.commit()
        content_changed()
    page.goto(f"{live_server.url}/en/")
    expect(page.locator(".front-clocks")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".front-clocks")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
