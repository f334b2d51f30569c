"""Withdrawal, restoring and deletion in a real browser, without JavaScript being needed."""

import re

from playwright.sync_api import expect

from .conftest import open_new_statement

TITLE = "Ferry timetable changes"
REASONS = {"en": "The timetable was published too early.", "ru": "Расписание опубликовано рано."}


def test_withdraw_restore_and_delete(live_server, page, staff_user):
    """An editor withdraws a statement (the page shows the note, the front page drops it),
    restores it (back on the front page), then deletes it after confirming (410 page)."""
    url = live_server.url
    open_new_statement(page, url)
    page.locator('fieldset[lang="en"]').get_by_label("Title").fill(TITLE)
    page.locator('fieldset[lang="ru"]').get_by_label("Title").fill("Паромное расписание меняется")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")
    edit = page.url

    page.get_by_role("link", name="Withdraw…").click()
    page.get_by_label("Reason, in English").fill(REASONS["en"])
    page.get_by_label("Reason, in Russian").fill(REASONS["ru"])
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is withdrawn.")

    page.goto(f"{url}/en/")
    expect(page.get_by_role("link", name=TITLE)).to_have_count(0)
    for lang in ("en", "ru"):
        page.goto(re.sub(r"/staff/statements/(\d+)/edit.*", rf"/{lang}/statements/\1/", edit))
        note = page.get_by_role("note")
        expect(note).to_contain_text(REASONS[lang])
        expect(note).to_contain_text("Withdrawn on" if lang == "en" else "Отозвано")

    page.goto(edit)
    page.get_by_role("button", name="Restore to the listings").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is restored")
    page.goto(f"{url}/en/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    page.goto(edit)
    page.get_by_role("link", name="Delete…").click()
    expect(page.get_by_role("heading", name="Delete statement")).to_be_visible()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is deleted.")
    public = re.sub(r"/staff/statements/(\d+)/edit.*", r"/ru/statements/\1/", edit)
    answer = page.goto(public)
    assert answer.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("Это заявление удалено")
