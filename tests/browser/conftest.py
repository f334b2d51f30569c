"""Browser fixtures: the app on a real HTTP server, a partner site on another host, Chromium."""

import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


#: Werkzeug's development server, when the browser closes a page while a static file is still
#: being answered, can fail reading the dropped connection before it closes the file; the file
#: is then closed by the garbage collector with a ResourceWarning. Nothing of the app's.
STATIC_FILE_LEFT_OPEN = pytest.mark.filterwarnings(
    # (The message's own colon would end the filter's message field: `.` stands for it.)
    "ignore:Exception ignored in. <_io.FileIO name='.*/static/:"
    "pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `browser`; skip them when Chromium is missing (outside CI)."""
    here = os.path.dirname(__file__)
    chromium = shutil.which("chromium")
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)
            item.add_marker(STATIC_FILE_LEFT_OPEN)
            if chromium is None and not os.environ.get("PRESSROOM_REQUIRE_BROWSER"):
                item.add_marker(pytest.mark.skip(reason="Debian's chromium is not installed"))


class LiveServer:
    """A WSGI app served by a real HTTP server in a background thread."""

    def __init__(self, app, host: str = "127.0.0.1"):
        self.server = make_server(host, 0, app, threaded=True)
        # Join request threads on close, so none still holds a database connection afterwards.
        self.server.daemon_threads = False
        self.server.block_on_close = True
        self.url = f"http://{host}:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Shut the server down."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def live_server(app) -> Iterator[LiveServer]:
    """The test app served on 127.0.0.1 (SERVER_NAME is dropped so any host name is accepted)."""
    app.config["SERVER_NAME"] = None
    server = LiveServer(app)
    yield server
    server.stop()


class PartnerSite:
    """Another site, on 127.0.0.2, serving one HTML page that a test sets."""

    def __init__(self):
        self.html = "<!doctype html><title>Partner</title>"
        self.server = LiveServer(self.wsgi, host="127.0.0.2")
        self.url = self.server.url + "/"

    def wsgi(self, environ, start_response):
        """Answer every request with the partner page."""
        body = self.html.encode()
        start_response(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]

    def stop(self) -> None:
        """Shut the partner site down."""
        self.server.stop()


@pytest.fixture
def partner_site() -> Iterator[PartnerSite]:
    """A partner site on 127.0.0.2: another site, not just another port."""
    site = PartnerSite()
    yield site
    site.stop()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser page (own cookies), closed before the live server stops."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def open_new_statement(page, url: str) -> None:
    """Sign in as the test editor (the English staff area) and open the new-statement form with
    "Published" chosen."""
    from ..staff_client import EMAIL, PASSWORD

    page.goto(f"{url}/staff/sign-in?lang=en")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="New statement").first.click()
    page.get_by_label("Status").select_option("published")
