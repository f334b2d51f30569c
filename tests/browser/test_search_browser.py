"""Search in a real browser: active search with htmx, and the same form without JavaScript."""

from playwright.sync_api import expect


def test_typing_searches_and_puts_the_search_in_the_address(live_server, page, add_statement):
    """Typing swaps in the results and pushes the search's address; Back restores the page."""
    add_statement({"ru": "Заявление о санкциях"}, body="<p>Санкции отменены.</p>")
    add_statement({"ru": "Об итогах переговоров"}, body="<p>Переговоры завершены.</p>")
    requests = []
    page.on("request", lambda r: requests.append(r.headers.get("hx-request")))
    page.goto(f"{live_server.url}/ru/")
    page.get_by_role("link", name="Поиск").click()
    expect(page).to_have_url(f"{live_server.url}/ru/search")
    page.get_by_label("Что искать").press_sequentially("санкций", delay=20)
    expect(page.get_by_role("link", name="Заявление о санкциях")).to_be_visible()
    expect(page.get_by_role("link", name="Об итогах переговоров")).to_have_count(0)
    # The lead ("Lead of …") and the body each have a form of the word.
    expect(page.locator(".snippet mark")).to_have_text(["санкциях", "Санкции"])
    query = "q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B9&kind=&from=&to="
    expect(page).to_have_url(f"{live_server.url}/ru/search?{query}")
    assert "true" in requests  # the results came as a fragment
    page.get_by_label("Что искать").fill("переговоры")
    expect(page.get_by_role("link", name="Об итогах переговоров")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("link", name="Заявление о санкциях")).to_be_visible()
    expect(page.locator("h1")).to_have_count(1)


def test_the_form_works_without_javascript(browser, live_server, add_statement):
    """With JavaScript off, the form is a plain GET form that loads the results page."""
    add_statement({"en": "Fisheries talks"}, body="<p>Quotas agreed.</p>")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/en/search")
        page.get_by_label("Words to find").fill("quota")
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_role("link", name="Fisheries talks")).to_be_visible()
        assert "/en/search?q=quota" in page.url
    finally:
        context.close()
