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


def sign_in(page, url: str) -> None:
    """Sign in through the form and wait for the dashboard."""
    page.goto(f"{url}/staff/sign-in?lang=ru")
    page.locator("#email").fill(EMAIL)
    page.locator("#password").fill(PASSWORD)
    page.locator("button.primary").click()
    expect(page.locator("h1")).to_have_text("Панель управления")


def test_over_long_text_is_counted_and_refused_never_cut(live_server, page, staff_user):
    """Pasting more than a field's limit keeps every character: the count beside the field
    shows it in the page's language and turns red, and the server refuses it whole."""
    sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/staff/statements/new?lang=ru")
    limit = page.locator("#en-title-limit")
    expect(limit).to_have_text("Не больше 300 знаков.")
    title = "Заголовок " * 130  # 1,300 characters, pasted at once
    page.locator("#en-title").fill(title)
    assert page.locator("#en-title").input_value() == title
    expect(limit).to_have_text("Не больше 300 знаков. Сейчас: 1\xa0300.")
    expect(limit).to_have_class(re.compile(r"\bover\b"))
    page.locator("button.primary").click()
    field = page.locator("#en-title")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert field.input_value() == title.strip()
    expect(page.locator("#en-title-errors")).to_have_text(
        "Слишком длинно: 1\xa0299 знаков, а можно не больше 300."
    )
    # Shortened below the limit, the count is no longer marked.
    field.fill("Короткий заголовок")
    expect(limit).to_have_text("Не больше 300 знаков. Сейчас: 18.")
    expect(limit).not_to_have_class(re.compile(r"\bover\b"))
