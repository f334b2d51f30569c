"""A statement's photo in a real browser: chosen in the form, previewed by htmx, published."""

import re

from playwright.sync_api import expect

from pressroom import ROOT

from .conftest import open_new_statement
from .test_accessibility_browser import AXE, check

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
