"""Steps tests take in the staff area: read CSRF tokens and hidden fields, sign in, post forms."""

import html as htmlmod
import re

EMAIL = "officer@example.org"
PASSWORD = "correct horse battery staple"
#: A writer's account (same password): drafts and submits for review, never publishes.
WRITER = "writer@example.org"
#: The photo limits the image corpus was made for (tests/data/images/make_corpus.py).
PHOTO_LIMITS = {"PRESSROOM_IMAGE_MAX_BYTES": 150_000, "PRESSROOM_IMAGE_MAX_PIXELS": 4_000_000}


def html(response) -> str:
    """Return a response body as text."""
    return response.get_data(as_text=True)


def hidden(page: str, name: str) -> str:
    """Return the value of the hidden input `name` in an HTML page."""
    found = re.search(rf'name="{re.escape(name)}" type="hidden" value="([^"]*)"', page)
    assert found, f"no hidden field {name!r} in the page"
    return htmlmod.unescape(found.group(1))


def csrf_token(client, url: str = "/staff/sign-in") -> str:
    """Open a page with a form and return its CSRF token (tests run with CSRF on)."""
    return hidden(html(client.get(url)), "csrf_token")


def sign_in(client, email: str = EMAIL, password: str = PASSWORD, query: str = "", **kwargs):
    """Post the sign-in form with a fresh CSRF token; return the response."""
    token = csrf_token(client)
    return client.post(
        f"/staff/sign-in{query}",
        data={"csrf_token": token, "email": email, "password": password},
        **kwargs,
    )


def field_names(overrides: dict) -> dict:
    """Return keyword overrides with a language field's name as the form has it: `en_title`
    is `en-title`, `ru_label_ahead` is `ru-label_ahead`; other names stay."""
    return {
        key.replace("_", "-", 1) if key[:3] in ("en_", "ru_") else key: value
        for key, value in overrides.items()
    }


def statement_fields(**overrides) -> dict:
    """Return a complete statement form submission; `en_title=…` sets `en-title`."""
    data = {
        "kind": "statement",
        "published_date": "2026-03-15",
        "published_time": "11:00",
        "status": "published",
        "en-title": "",
        "en-slug": "",
        "en-lead": "",
        "en-body": "",
        "ru-title": "",
        "ru-slug": "",
        "ru-lead": "",
        "ru-body": "",
    }
    data.update(field_names(overrides))
    if data.get("featured") is False:
        del data["featured"]
    return data


def counter_fields(**overrides) -> dict:
    """Return a complete day counter submission."""
    data = {
        "event_date": "2023-06-17",
        "timezone": "Europe/Moscow",
        "position": "0",
        "en-label": "since the harbour accord",
        "en-label_ahead": "until the harbour accord",
        "en-caption": "Signed at dawn.",
        "ru-label": "с портового соглашения",
        "ru-label_ahead": "до портового соглашения",
        "ru-caption": "Подписано на рассвете.",
    }
    data.update(field_names(overrides))
    return data


def new_statement_form(client) -> dict:
    """Open the new-statement form; return its CSRF and one-time form tokens."""
    page = html(client.get("/staff/statements/new"))
    return {"csrf_token": hidden(page, "csrf_token"), "form_token": hidden(page, "form_token")}


def create_statement(client, **fields):
    """Create a statement through the form; return the response (a 303 on success)."""
    tokens = new_statement_form(client)
    return client.post("/staff/statements/new", data={**tokens, **statement_fields(**fields)})


def edit_form(client, statement_id: int) -> dict:
    """Open a statement's edit form; return its CSRF token and version."""
    page = html(client.get(f"/staff/statements/{statement_id}/edit"))
    return {"csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version")}


def edit_statement(client, statement_id: int, **fields):
    """Save a statement's edit form with `fields`; return the response (a 303 on success)."""
    tokens = edit_form(client, statement_id)
    return client.post(
        f"/staff/statements/{statement_id}/edit", data={**tokens, **statement_fields(**fields)}
    )


def statement_id_from(response) -> int:
    """Return the statement id from the redirect after a save."""
    found = re.search(r"/staff/statements/(\d+)/edit", response.headers["Location"])
    assert found, response.headers.get("Location")
    return int(found.group(1))


def worker() -> None:
    """Run as another process: make failed sign-in attempts, print each status code.

    Reads {"config": …, "attempts": N} from stdin; used to show that processes share counts.
    """
    import json
    import sys

    from pressroom import create_app

    order = json.load(sys.stdin)
    client = create_app(order["config"]).test_client()
    for _ in range(order["attempts"]):
        print(sign_in(client, email="worker@example.org", password="wrong password").status_code)


class StaffBrowser:
    """A member of staff over real HTTP: a cookie jar, a new connection per request."""

    def __init__(self, base_url: str):
        from http.cookiejar import CookieJar
        from urllib.request import HTTPCookieProcessor, build_opener

        self.base_url = base_url
        self.opener = build_opener(HTTPCookieProcessor(CookieJar()))

    def page(self, path: str, data: dict | None = None) -> str:
        """GET `path`, or POST `data` to it; follow redirects; return the final page's text."""
        from urllib.parse import urlencode

        body = urlencode(data).encode() if data is not None else None
        with self.opener.open(self.base_url + path, body, timeout=10) as response:
            return response.read().decode()

    def sign_in(self, email: str = EMAIL, password: str = PASSWORD) -> str:
        """Sign in through the form; return the page it leads to."""
        form = self.page("/staff/sign-in")
        return self.page(
            "/staff/sign-in",
            {"csrf_token": hidden(form, "csrf_token"), "email": email, "password": password},
        )

    def create_statement(self, **fields) -> str:
        """Save a new statement through the form; return the edit page it leads to."""
        form = self.page("/staff/statements/new")
        return self.page(
            "/staff/statements/new",
            {
                "csrf_token": hidden(form, "csrf_token"),
                "form_token": hidden(form, "form_token"),
                **statement_fields(**fields),
            },
        )
