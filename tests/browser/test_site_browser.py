"""The public site in a real browser."""

from playwright.sync_api import expect


def test_home_page_renders_and_switches_language(live_server, page, add_statement):
    """The front page lists a statement; the switcher leads to the Russian page."""
    add_statement({"en": "Browser check", "ru": "Проверка браузером"})
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("link", name="Browser check")).to_be_visible()
    page.get_by_role("link", name="Русский").click()
    expect(page).to_have_url(f"{live_server.url}/ru/")
    expect(page.get_by_role("link", name="Проверка браузером")).to_be_visible()
