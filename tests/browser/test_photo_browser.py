"""A statement's photo in a real browser: chosen in the form, previewed by htmx, published."""

import io
import re

import pytest
from playwright.sync_api import expect

from pressroom import ROOT

from ..staff_client import new_statement_form, sign_in, statement_fields, statement_id_from
from .conftest import open_new_statement
from .test_accessibility_browser import AXE, check
from .test_embeds_and_gallery_browser import frame_fits, oembed_html, partner_page

CORPUS = ROOT / "tests" / "data" / "images"
PHOTO = CORPUS / "valid.jpg"
ALT = {"en": "Cranes over the harbour at dawn", "ru": "Краны над портом на рассвете"}


def test_upload_preview_publish_and_see_the_photo(live_server, page, staff_user):
    """An editor chooses a photo (the htmx preview shows it before saving), describes it in both
    languages and publishes; each public page loads the photo with its alt text and caption,
    and passes axe on a laptop and a phone."""
    page.context.add_init_script(path=str(AXE))  # as the accessibility tests load it
    open_new_statement(page, live_server.url)
    for lang, title in (("en", "Harbour cranes return"), ("ru", "Краны возвращаются в порт")):
        column = page.locator(f'fieldset[lang="{lang}"]')
        column.get_by_label("Title", exact=True).fill(title)
        column.get_by_label("Photo: description").fill(ALT[lang])
    page.locator('fieldset[lang="en"]').get_by_label("Photo: caption").fill("The north quay.")
    page.get_by_label("Photo", exact=True).set_input_files(str(PHOTO))
    preview = page.locator("#preview figure.preview-photo img")
    expect(preview).to_be_visible()
    assert preview.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(page.locator("#image_token")).not_to_have_value("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")
    edit = page.url

    problems = []
    for lang in ("en", "ru"):
        page.goto(re.sub(r"/staff/statements/(\d+)/edit.*", rf"/{lang}/statements/\1/", edit))
        photo = page.get_by_role("img", name=ALT[lang])
        expect(photo).to_be_visible()
        photo.evaluate("img => img.decode()")
        assert photo.evaluate("img => img.naturalWidth") > 0
        assert photo.evaluate("img => img.currentSrc").endswith(".webp")  # the WebP source
        if lang == "en":
            expect(page.locator("figure.statement-photo figcaption")).to_have_text(
                "The north quay."
            )
        problems += check(page, page.url)
    assert not problems, "\n".join(problems)


def test_a_refused_photo_is_said_in_the_form_and_passes_axe(live_server, page, staff_user):
    """Without htmx's preview (the file sent with the save), an SVG is refused in words next to
    the field, described to screen readers, and the form passes axe on a laptop and a phone."""
    page.context.add_init_script(path=str(AXE))  # as the accessibility tests load it
    open_new_statement(page, live_server.url)
    page.locator('fieldset[lang="en"]').get_by_label("Title", exact=True).fill("Refused photo")
    page.locator("#image").evaluate("input => input.removeAttribute('hx-post')")
    page.get_by_label("Photo", exact=True).set_input_files(str(CORPUS / "script.svg"))
    page.get_by_role("button", name="Save").click()
    field = page.get_by_label("Photo", exact=True)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#image-errors")).to_contain_text("This file is not a photo")
    problems = check(page, page.url)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1200, 320])
def test_embeds_with_photos_fit_their_estimated_height(
    app, live_server, partner_site, browser, staff_user, width
):
    """oEmbed's iframe for a statement card with a photo, and for the latest widget with
    thumbnails, is tall enough for its content on a partner's page: no frame scrolls."""
    client = app.test_client()
    assert sign_in(client).status_code == 303
    for n, name in enumerate(("valid.jpg", "orientation6_gps.jpg", "valid.png")):
        tokens = new_statement_form(client)
        fields = statement_fields(
            en_title=f"Harbour news number {n} with a title long enough to wrap", en_lead="Lead.",
            en_image_alt=f"Photo {n}",
        )
        saved = client.post("/staff/statements/new", data={
            **tokens, **fields, "image": (io.BytesIO((CORPUS / name).read_bytes()), name),
        }, content_type="multipart/form-data")
        assert saved.status_code == 303
    article = statement_id_from(saved)
    maxwidth = None if width > 600 else width - 16
    slots = {
        "card": oembed_html(live_server, f"{live_server.url}/en/statements/{article}/", maxwidth),
        "latest": oembed_html(
            live_server, f"{live_server.url}/widgets/latest?lang=en&limit=3&thumbs=on", maxwidth
        ),
    }
    context = browser.new_context(viewport={"width": width, "height": 6000})
    page = context.new_page()
    try:
        partner_site.html = partner_page(slots)
        page.goto(partner_site.url)
        for key in slots:
            frame = page.frame_locator(f"#{key} iframe")
            expect(frame.locator("img").first).to_be_visible()
            found = frame_fits(page, key)
            assert not found["scrollsDown"] and not found["scrollsSideways"], (key, found)
            assert found["frame"] >= found["content"], (key, found)
    finally:
        context.close()
