"""The staff area in a real browser: sign in, write a statement in both languages, find it."""

import re

from playwright.sync_api import expect

from ..staff_client import EMAIL, PASSWORD


def test_sign_in_and_publish_in_both_languages(live_server, page, staff_user):
    """A statement written through the form is on the English and Russian front pages."""
    page.goto(f"{live_server.url}/staff/")
    expect(page).to_have_url(re.compile(r"/staff/sign-in\?"))
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", level=1)).to_be_visible()

    page.get_by_role("link", name="New statement").first.click()
    # A new statement starts as a draft; the time is already now.
    page.get_by_label("Status").select_option("published")
    english = page.locator('fieldset[lang="en"]')
    russian = page.locator('fieldset[lang="ru"]')
    english.get_by_label("Title").fill("Harbour reopens to shipping")
    english.get_by_label("Lead").fill("Ships return after repairs.")
    english.get_by_label("Text").fill("The harbour **reopens** today.")
    russian.get_by_label("Title").fill("Порт снова открыт для судов")
    russian.get_by_label("Lead").fill("Суда возвращаются после ремонта.")
    russian.get_by_label("Text").fill("Порт **открывается** сегодня.")

    # The htmx preview renders the Markdown without saving.
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#preview strong").first).to_have_text("reopens")

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_contain_text("The statement is saved.")

    page.goto(f"{live_server.url}/en/")
    link = page.get_by_role("link", name="Harbour reopens to shipping")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator(".body strong")).to_have_text("reopens")

    page.goto(f"{live_server.url}/ru/")
    expect(page.get_by_role("link", name="Порт снова открыт для судов")).to_be_visible()

    page.goto(f"{live_server.url}/widgets/latest?lang=ru&limit=3")
    expect(page.locator(".pr-latest-list a").first).to_have_text("Порт снова открыт для судов")
    page.goto(f"{live_server.url}/widgets/latest?lang=en&limit=3")
    expect(page.locator(".pr-latest-list a").first).to_have_text("Harbour reopens to shipping")
