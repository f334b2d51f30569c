"""A statement's working life in a real browser: a photo, publication, a correction with a change
note, withdrawal and restoring — with the public pages checked after each step."""

import re

from playwright.sync_api import expect

from pressroom import ROOT

from .conftest import open_new_statement

PHOTO = ROOT / "tests" / "data" / "images" / "valid.jpg"
TITLES = {"en": "Lighthouse keepers' day", "ru": "День смотрителей маяков"}
ALT = {"en": "A white lighthouse on a rocky cape", "ru": "Белый маяк на скалистом мысе"}
NOTES = {"en": "Corrected the opening hour.", "ru": "Исправлено время открытия."}
REASONS = {"en": "The event was postponed.", "ru": "Мероприятие перенесено."}


def public(edit: str, lang: str, path: str = "") -> str:
    """Return the public address of the statement whose edit page is `edit`."""
    return re.sub(r"/staff/statements/(\d+)/edit.*", rf"/{lang}/statements/\1/{path}", edit)


def listed(page, url: str, lang: str) -> bool:
    """Tell whether the statement's title is a link on the language's listing."""
    page.goto(f"{url}/{lang}/statements/")
    return page.get_by_role("link", name=TITLES[lang]).count() > 0


def test_photo_publish_correct_withdraw_and_restore(live_server, page, staff_user):
    """Each step of the newsroom shows on the public pages in both languages: the published
    statement with its photo, the change note after a correction, the withdrawal notice (and
    its absence from the listing), and the listing again after restoring."""
    url = live_server.url
    open_new_statement(page, url)
    for lang in ("en", "ru"):
        column = page.locator(f'fieldset[lang="{lang}"]')
        column.get_by_label("Title", exact=True).fill(TITLES[lang])
        column.get_by_label("Text", exact=True).fill(
            "Open from 10:00." if lang == "en" else "Открыто с 10:00."
        )
        column.get_by_label("Photo: description").fill(ALT[lang])
    page.get_by_label("Photo", exact=True).set_input_files(str(PHOTO))
    expect(page.locator("#image_token")).not_to_have_value("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")
    edit = page.url

    # Published: the photo on each language's page, the statement on each listing.
    for lang in ("en", "ru"):
        page.goto(public(edit, lang))
        photo = page.get_by_role("img", name=ALT[lang])
        expect(photo).to_be_visible()
        photo.evaluate("img => img.decode()")
        assert photo.evaluate("img => img.naturalWidth") > 0
        assert listed(page, url, lang)

    # Corrected as a change readers should know about: the note under the date.
    page.goto(edit)
    for lang, text in (("en", "Open from 11:00."), ("ru", "Открыто с 11:00.")):
        page.locator(f'fieldset[lang="{lang}"]').get_by_label("Text", exact=True).fill(text)
    page.get_by_label("A change readers should know about").check()
    page.get_by_label("Change note, in English").fill(NOTES["en"])
    page.get_by_label("Change note, in Russian").fill(NOTES["ru"])
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")
    for lang, updated in (("en", "Updated"), ("ru", "Обновлено")):
        page.goto(public(edit, lang))
        expect(page.locator(".body")).to_contain_text("11:00")
        notes = page.get_by_role("list", name=re.compile("Updates|Изменения"))
        expect(notes).to_contain_text(updated)
        expect(notes).to_contain_text(NOTES[lang])
        expect(page.get_by_role("img", name=ALT[lang])).to_be_visible()

    # Withdrawn: the page stays, under the notice; the listings drop it.
    page.goto(edit)
    page.get_by_role("link", name="Withdraw…").click()
    page.get_by_label("Reason, in English").fill(REASONS["en"])
    page.get_by_label("Reason, in Russian").fill(REASONS["ru"])
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is withdrawn.")
    for lang in ("en", "ru"):
        answer = page.goto(public(edit, lang))
        assert answer.status == 200
        note = page.get_by_role("note")
        expect(note).to_contain_text(REASONS[lang])
        expect(note).to_contain_text("Withdrawn on" if lang == "en" else "Отозвано")
        assert not listed(page, url, lang)

    # Restored: back on the listings, without the notice, the correction still there.
    page.goto(edit)
    page.get_by_role("button", name="Restore to the listings").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is restored")
    for lang in ("en", "ru"):
        page.goto(public(edit, lang))
        expect(page.get_by_role("note")).to_have_count(0)
        expect(page.locator(".body")).to_contain_text("11:00")
        expect(page.get_by_role("img", name=ALT[lang])).to_be_visible()
        assert listed(page, url, lang)
