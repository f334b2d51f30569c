"""Correcting a published statement with a change note, comparing and restoring revisions, in a
real browser and without JavaScript being needed."""

import re

from playwright.sync_api import expect

from .conftest import open_new_statement

TITLE = "Harbour works resume"
NOTES = {"en": "Corrected the date of the meeting.", "ru": "Исправлена дата встречи."}


def test_correct_with_a_change_note_compare_and_restore(live_server, page, staff_user):
    """An editor publishes, corrects the text as a change (a missing Russian note is refused
    with the English one kept), sees the notes on both public pages, compares the two revisions
    and restores the first as a minor edit: the public page shows the first text again."""
    open_new_statement(page, live_server.url)
    english, russian = page.locator('fieldset[lang="en"]'), page.locator('fieldset[lang="ru"]')
    english.get_by_label("Title").fill(TITLE)
    english.get_by_label("Text", exact=True).fill("The meeting is on 5 July.")
    russian.get_by_label("Title").fill("Работы в порту возобновлены")
    russian.get_by_label("Text", exact=True).fill("Встреча 5 июля.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")
    edit = page.url

    english.get_by_label("Text", exact=True).fill("The meeting is on 6 July.")
    russian.get_by_label("Text", exact=True).fill("Встреча 6 июля.")
    page.get_by_label("A change readers should know about").check()
    page.get_by_label("Change note, in English").fill(NOTES["en"])
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#change_note_ru-errors")).to_contain_text("Say what changed")
    expect(page.get_by_label("Change note, in English")).to_have_value(NOTES["en"])
    expect(english.get_by_label("Text", exact=True)).to_have_value("The meeting is on 6 July.")
    page.get_by_label("Change note, in Russian").fill(NOTES["ru"])
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")

    for lang, updated in (("en", "Updated"), ("ru", "Обновлено")):
        page.goto(re.sub(r"/staff/statements/(\d+)/edit.*", rf"/{lang}/statements/\1/", edit))
        notes = page.get_by_role("list", name=re.compile("Updates|Изменения"))
        expect(notes).to_contain_text(updated)
        expect(notes).to_contain_text(NOTES[lang])

    page.goto(edit)
    page.get_by_role("link", name=re.compile("History of the statement")).click()
    page.get_by_role("button", name="Compare").click()
    expect(page.locator("td.diff-old del").first).to_have_text("5")
    expect(page.locator("td.diff-new ins").first).to_have_text("6")
    page.get_by_role("link", name="Restore…").click()
    page.get_by_label("Minor edit").check()
    page.get_by_role("button", name="Restore revision 1").click()
    expect(page.get_by_role("status")).to_contain_text("Revision 1 is restored")
    page.goto(re.sub(r"/staff/statements/(\d+)/edit.*", r"/en/statements/\1/", edit))
    expect(page.locator(".body")).to_contain_text("The meeting is on 5 July.")
