"""The text face and the reading measure, as a browser lays them out."""

import pytest

#: A paragraph long enough to fill many lines, in each language.
PARAGRAPH = {
    "en": "The delegations reviewed the results of the season and agreed on the next steps. " * 12,
    "ru": "Делегации подвели итоги сезона и договорились о дальнейших шагах в работе. " * 12,
}
TITLES = {"en": "A statement to read", "ru": "Заявление для чтения"}
SLUGS = {"en": "a-statement-to-read", "ru": "zaiavlenie-dlia-chteniia"}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_statement_is_set_in_the_text_face_on_one_measure(
    live_server, browser, add_statement, lang
):
    """The title, lead and body are set in Source Serif 4, loaded from the preloaded files
    (each fetched once, at its fingerprinted address); lead and body share one measure of
    about 65–75 characters a line; the title and the footer keep their distance."""
    statement = add_statement({lang: TITLES[lang]}, body=f"<p>{PARAGRAPH[lang]}</p>")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fonts, warnings = [], []
    page.on("request", lambda r: fonts.append(r.url) if ".woff2" in r.url else None)
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(f"{live_server.url}/{lang}/statements/{statement.id}/{SLUGS[lang]}")
    layout = page.evaluate(
        """async () => {
            await document.fonts.ready;
            const body = document.querySelector('.statement .body p');
            const lead = document.querySelector('.statement .lead');
            const style = getComputedStyle(body);
            const height = body.getBoundingClientRect().height;
            const lines = Math.round(height / parseFloat(style.lineHeight));
            return {
                h1: getComputedStyle(document.querySelector('h1')).fontFamily,
                body: style.fontFamily,
                loaded: [...document.fonts]
                    .filter((f) => f.status === 'loaded').map((f) => f.family),
                perLine: body.textContent.length / lines,
                lines: lines,
                leadWidth: lead.getBoundingClientRect().width,
                bodyWidth: body.getBoundingClientRect().width,
                aboveTitle: document.querySelector('h1').getBoundingClientRect().top
                    - document.querySelector('.site-header').getBoundingClientRect().bottom,
                aboveFooter: document.querySelector('.site-footer').getBoundingClientRect().top
                    - document.querySelector('main > :last-child').getBoundingClientRect().bottom,
            };
        }"""
    )
    page.wait_for_timeout(3500)  # Chromium warns of an unused preload about three seconds on
    context.close()
    for element in ("h1", "body"):
        assert layout[element].startswith('"Source Serif 4"'), layout
    assert "Source Serif 4" in [family.strip('"') for family in layout["loaded"]]
    assert layout["lines"] >= 8
    assert 62 <= layout["perLine"] <= 76, layout
    assert abs(layout["leadWidth"] - layout["bodyWidth"]) < 1, layout
    # The title does not touch the header, nor the last line the footer.
    assert layout["aboveTitle"] >= 24 and layout["aboveFooter"] >= 24, layout
    subsets = {"en": ["latin"], "ru": ["latin", "cyrillic"]}[lang]
    assert len(fonts) == len(set(fonts)), fonts
    for subset in subsets:
        assert [url for url in fonts if f"-{subset}-wght-normal.woff2?v=" in url], fonts
    assert not [text for text in warnings if "preload" in text], warnings
