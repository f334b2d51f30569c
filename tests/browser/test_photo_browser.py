"""A statement's photo in a real browser: chosen in the form, previewed by htmx, published."""

import re

from playwright.sync_api import expect

from pressroom import ROOT

from .conftest import open_new_statement

PHOTO = ROOT / "tests" / "data" / "images" / "valid.jpg"
ALT = {"en": "Cranes over the harbour at dawn", "ru": "Краны над портом на рассвете"}


def test_upload_preview_publish_and_see_the_photo(live_server, page, staff_user):
    """An editor chooses a photo (the htmx preview shows it before saving), describes it in both
    languages and publishes; each public page loads the photo with its alt text and caption."""
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
