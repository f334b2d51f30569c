"""Staff accounts: commands, password hashing, sign-in and sign-out, sessions, CSRF, rate limits."""

import json
import os
import re
import subprocess
import sys

import pytest
from sqlalchemy import inspect, select, text

from pressroom import ROOT, create_app
from pressroom.extensions import db
from pressroom.models import StaffUser

from .staff_client import EMAIL, PASSWORD, csrf_token, hidden, html, sign_in

#: 64 Cyrillic characters, 128 bytes in UTF-8, spaces and punctuation included.
RUSSIAN_PASSWORD = "Съешь же ещё этих мягких французских булок, да выпей чаю! Ёжик!!"


def stored_user(app, email: str = EMAIL) -> StaffUser:
    """Return the account row for `email`."""
    with app.app_context():
        user = db.session.scalar(select(StaffUser).where(StaffUser.email == email))
        db.session.expunge(user)
        return user


def session_cookie(client) -> str:
    """Return the value of the client's session cookie."""
    cookie = client.get_cookie("session", domain="pressroom.test")
    assert cookie is not None
    return cookie.value


# Account commands


def test_create_with_password_from_stdin_and_list(app, runner):
    """`staff create --password-stdin` stores the account; `staff list` shows it as active."""
    result = runner.invoke(
        args=["staff", "create", "Press.Officer@Example.ORG", "--password-stdin"],
        input=f"{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "press.officer@example.org" in result.output
    listed = runner.invoke(args=["staff", "list"])
    assert "press.officer@example.org\tactive" in listed.output


def test_create_with_prompt(app, runner):
    """Without --password-stdin the password is asked twice."""
    result = runner.invoke(args=["staff", "create", EMAIL], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert stored_user(app).active


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("not-an-email", PASSWORD, "not an email address"),
        (EMAIL, "short", "at least 8 characters"),
        (EMAIL, "x" * 1025, "at most 1024 characters"),
    ],
)
def test_create_refuses_bad_input(app, runner, email, password, message):
    """Bad emails and passwords shorter than 8 characters are refused with a reason."""
    result = runner.invoke(
        args=["staff", "create", email, "--password-stdin"], input=f"{password}\n"
    )
    assert result.exit_code != 0
    assert message in result.output


def test_emails_are_compared_case_folded(app, runner, staff_user):
    """An address differing only in case is the same account."""
    result = runner.invoke(
        args=["staff", "create", EMAIL.upper(), "--password-stdin"], input=f"{PASSWORD}\n"
    )
    assert result.exit_code != 0
    assert "already exists" in result.output


def test_deactivate(app, runner, staff_user):
    """`staff deactivate` marks the account deactivated; an unknown email is an error."""
    result = runner.invoke(args=["staff", "deactivate", EMAIL.upper()])
    assert result.exit_code == 0, result.output
    assert not stored_user(app).active
    assert "deactivated" in runner.invoke(args=["staff", "list"]).output
    assert runner.invoke(args=["staff", "deactivate", "nobody@example.org"]).exit_code != 0


# Hashing


def test_no_plain_text_password_anywhere_in_the_database(app, staff_user):
    """No column of any table holds the password; the hash is argon2id with RFC 9106 parameters."""
    user = stored_user(app)
    assert user.password_hash.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    with app.app_context():
        for table in inspect(db.engine).get_table_names():
            rows = db.session.execute(text(f"SELECT * FROM {table}")).all()
            assert all(PASSWORD not in str(row) for row in rows), table


def test_long_russian_password_works_exactly_as_typed(app, runner, client):
    """A 64-character Russian password (128 bytes) signs in; a near miss does not."""
    assert len(RUSSIAN_PASSWORD) == 64
    assert len(RUSSIAN_PASSWORD.encode()) > 100
    result = runner.invoke(
        args=["staff", "create", EMAIL, "--password-stdin"], input=f"{RUSSIAN_PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert sign_in(client, password=RUSSIAN_PASSWORD[:-1]).status_code == 422
    assert sign_in(client, password=RUSSIAN_PASSWORD + " ").status_code == 422
    assert sign_in(client, password=RUSSIAN_PASSWORD).status_code == 303


# Sign-in and sign-out


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_sign_in_page_in_both_languages(client, lang):
    """The sign-in page speaks the language asked for, in the URL or by the browser."""
    by_url = html(client.get(f"/staff/sign-in?lang={lang}"))
    by_header = html(client.get("/staff/sign-in", headers={"Accept-Language": lang}))
    expected = {"en": "Sign in", "ru": "Вход"}[lang]
    for page in (by_url, by_header):
        assert f'<html lang="{lang}">' in page
        assert f"<h1>{expected}</h1>" in page


def test_sign_in_and_reach_the_dashboard(client, staff_user):
    """Right credentials lead to the dashboard; the email's case does not matter."""
    response = sign_in(client, email="  OFFICER@example.ORG ")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/staff/")
    assert client.get("/staff/").status_code == 200
    assert stored_user(app=client.application).last_sign_in_at is not None


def test_same_message_for_unknown_email_and_wrong_password(client, staff_user):
    """Nothing tells an unknown email from a wrong password."""
    unknown = sign_in(client, email="someone@example.org")
    wrong = sign_in(client, password="not the password")
    assert unknown.status_code == wrong.status_code == 422

    def without_token(page: str) -> str:
        page = page.replace(hidden(page, "csrf_token"), "")
        return re.sub(r'value="[^"]*@example.org"', "", page)

    assert without_token(html(unknown)) == without_token(html(wrong))
    assert "The email or the password is not right." in html(wrong)


def test_deactivated_account_cannot_sign_in(app, runner, client, staff_user):
    """A deactivated account gets the same refusal as a wrong password."""
    runner.invoke(args=["staff", "deactivate", EMAIL])
    assert sign_in(client).status_code == 422


def test_session_is_renewed_at_sign_in(client, staff_user):
    """Whatever was in the session before signing in does not survive it."""
    client.get("/staff/sign-in")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    sign_in(client)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"]


def test_sign_out_ends_the_session_and_a_copied_cookie(app, staff):
    """After signing out, the same cookie replayed by another client no longer signs in."""
    copied = session_cookie(staff)
    token = hidden(html(staff.get("/staff/")), "csrf_token")
    response = staff.post("/staff/sign-out", data={"csrf_token": token})
    assert response.status_code == 303
    assert staff.get("/staff/").status_code == 303
    replay = app.test_client()
    replay.set_cookie("session", copied, domain="pressroom.test")
    response = replay.get("/staff/")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/staff/sign-in")


def test_sign_out_needs_post_and_a_token(staff):
    """A link or a forged form cannot sign staff out."""
    assert staff.get("/staff/sign-out").status_code == 405
    assert staff.post("/staff/sign-out").status_code == 400
    assert staff.get("/staff/").status_code == 200


def test_deactivation_ends_existing_sessions(app, runner, staff):
    """Deactivating an account signs out every browser it is signed in on."""
    copied = session_cookie(staff)
    assert staff.get("/staff/").status_code == 200
    runner.invoke(args=["staff", "deactivate", EMAIL])
    assert staff.get("/staff/").status_code == 303
    replay = app.test_client()
    replay.set_cookie("session", copied, domain="pressroom.test")
    assert replay.get("/staff/").status_code == 303


def test_session_cookie_flags_over_http(client, staff_user):
    """The session cookie is HttpOnly and SameSite=Lax."""
    response = sign_in(client)
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("session=")
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_session_cookie_is_host_prefixed_and_secure_over_https(app, staff_user):
    """Over HTTPS the cookie is `__Host-session`: Secure, Path=/, no Domain."""
    client = app.test_client()
    base = "https://pressroom.test"
    page = html(client.get("/staff/sign-in", base_url=base))
    response = client.post(
        "/staff/sign-in",
        base_url=base,
        data={"csrf_token": hidden(page, "csrf_token"), "email": EMAIL, "password": PASSWORD},
        headers={"Referer": f"{base}/staff/sign-in"},
    )
    assert response.status_code == 303
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-session=")
    assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/;" in cookie + ";"
    assert "Domain" not in cookie
    assert client.get("/staff/", base_url=base).status_code == 200


# Anonymous visitors


@pytest.mark.parametrize(
    "path",
    [
        "/staff/",
        "/staff/statements/new",
        "/staff/statements/1/edit",
        "/staff/counters/new",
        "/staff/counters/1/edit",
        "/staff/clocks/new",
        "/staff/clocks/1/edit",
        "/staff/settings",
    ],
)
def test_anonymous_visitors_are_sent_to_sign_in(client, add_statement, path):
    """Every staff page asks anonymous visitors to sign in first, coming back afterwards."""
    add_statement({"en": "Secret draft"}, status="draft")
    response = client.get(path)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/staff/sign-in?")
    assert "next=" in response.headers["Location"]
    assert "Secret draft" not in html(response)


def test_anonymous_htmx_request_gets_a_full_page_redirect(client):
    """An htmx request without a session is told to load the sign-in page as a whole."""
    token = csrf_token(client)
    response = client.post(
        "/staff/statements/preview",
        data={"csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/staff/sign-in")


@pytest.mark.parametrize(
    "target",
    [
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "http:/\\/evil.example",
        "https://evil.example",
        "http://evil.example/staff/",
        "/staff/%0d%0aSet-Cookie:x=y",
        "/staff/\r\nLocation: https://evil.example",
        "javascript:alert(1)",
        "evil.example",
        "/\tevil.example",
        "///evil.example",
    ],
)
def test_next_never_leaves_the_site(client, staff_user, target):
    """`next` leads only to a path on this site; anything else goes to the dashboard."""
    from urllib.parse import quote

    response = sign_in(client, query=f"?next={quote(target, safe='')}")
    assert response.status_code == 303
    location = response.headers["Location"]
    if target == "/staff/%0d%0aSet-Cookie:x=y":
        # Percent-escapes are harmless path text: the browser stays on this site.
        assert location.startswith("/staff/") and "\n" not in location
    else:
        assert location.startswith("/staff/?") or location == "/staff/"


def test_next_leads_back_to_the_page_asked_for(client, staff_user):
    """After signing in, the page that asked for it opens."""
    response = sign_in(client, query="?next=/staff/settings%3Flang%3Dru")
    assert response.headers["Location"] == "/staff/settings?lang=ru"


# Headers


@pytest.mark.parametrize("path", ["/staff/sign-in", "/staff/", "/staff/no-such-page"])
def test_staff_pages_are_not_stored_nor_framed(staff, path):
    """no-store, DENY and frame-ancestors 'none' on every staff response, errors included."""
    response = staff.get(path)
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_public_pages_keep_their_own_framing_policy(client):
    """The staff headers stay in the staff area."""
    response = client.get("/en/")
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert response.headers.get("Cache-Control") != "no-store"


# CSRF


def test_sign_in_without_a_token_is_refused(client, staff_user):
    """A sign-in post without a CSRF token is refused."""
    response = client.post("/staff/sign-in", data={"email": EMAIL, "password": PASSWORD})
    assert response.status_code == 400
    assert client.get("/staff/").status_code == 303


def test_form_with_another_sessions_token_is_refused(app, staff):
    """A token from another browser's session does not work in this one."""
    other = app.test_client()
    foreign = csrf_token(other, "/staff/sign-in")
    form = {"csrf_token": foreign, "form_token": "x", "kind": "statement",
            "published_date": "2026-03-15", "published_time": "10:00", "status": "published",
            "en-title": "Forged"}
    response = staff.post("/staff/statements/new", data=form)
    assert response.status_code == 400
    assert "Forged" not in html(staff.get("/staff/"))


def test_csrf_error_page_is_localised(staff):
    """A refused form says so in the staff page's language."""
    response = staff.post("/staff/statements/new?lang=ru", data={"en-title": "x"})
    assert response.status_code == 400
    assert '<html lang="ru">' in html(response)


# Rate limit


def exhaust(client, limit: int, **kwargs):
    """Fail to sign in `limit` times; return the next response."""
    for _ in range(limit):
        assert sign_in(client, password="wrong password", **kwargs).status_code == 422
    return sign_in(client, password="wrong password", **kwargs)


@pytest.fixture
def limited_config(app_config):
    """The test configuration with a sign-in limit of three a minute."""
    return {**app_config, "PRESSROOM_SIGN_IN_LIMIT": "3 per minute"}


@pytest.fixture
def make_app():
    """Return a function that creates an app; their database connections are closed afterwards."""
    made = []

    def make(config):
        made.append(create_app(config))
        return made[-1]

    yield make
    for app in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.mark.parametrize(
    ("lang", "phrase"), [("en", "try again in"), ("ru", "попробуйте снова через")]
)
def test_sign_in_is_rate_limited(make_app, limited_config, staff_user, lang, phrase):
    """The fourth attempt in a minute is refused with 429, saying how long to wait."""
    client = make_app(limited_config).test_client()
    response = exhaust(client, 3, headers={"Accept-Language": lang})
    assert response.status_code == 429
    seconds = int(response.headers["Retry-After"])
    assert 0 < seconds <= 60
    page = html(response)
    assert phrase in page.lower()
    assert re.search(r"\d+", page.split(phrase, 1)[-1] if phrase in page else page.lower())
    # The right password does not help either until the window is over.
    assert sign_in(client).status_code == 429


def test_forwarded_for_is_ignored_without_a_proxy(make_app, limited_config, staff_user):
    """Without a configured proxy, a made-up X-Forwarded-For does not reset the count."""
    client = make_app(limited_config).test_client()
    exhaust(client, 3, headers={"X-Forwarded-For": "203.0.113.1"})
    response = sign_in(client, headers={"X-Forwarded-For": "203.0.113.2"})
    assert response.status_code == 429


def test_forwarded_for_counts_behind_a_configured_proxy(make_app, limited_config, staff_user):
    """Behind one configured proxy, each forwarded client address has its own count."""
    client = make_app({**limited_config, "PRESSROOM_PROXY_FIX": 1}).test_client()
    assert exhaust(client, 3, headers={"X-Forwarded-For": "203.0.113.1"}).status_code == 429
    assert sign_in(client, headers={"X-Forwarded-For": "203.0.113.2"}).status_code == 303


@pytest.mark.skipif(
    not os.environ.get("TEST_REDIS_URL"),
    reason="needs shared storage: set TEST_REDIS_URL (in-memory counts are per process)",
)
def test_rate_limit_is_shared_between_worker_processes(make_app, limited_config, staff_user):
    """Another process's failed attempts count against this one's: one count on Redis."""
    other_worker = subprocess.run(
        [sys.executable, "-c", "import sys; from tests.staff_client import worker; worker()"],
        input=json.dumps({"config": limited_config, "attempts": 2}),
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=True,
    )
    assert other_worker.stdout.split() == ["422", "422"], other_worker.stderr
    client = make_app(limited_config).test_client()
    assert sign_in(client, password="wrong password").status_code == 422
    assert sign_in(client, password="wrong password").status_code == 429


def test_language_switcher_ignores_url_for_options_in_the_query(staff):
    """`?_scheme=javascript&_external=1` cannot turn the switcher's links into script URLs."""
    response = staff.get("/staff/?_external=1&_scheme=javascript&_anchor=x")
    assert response.status_code == 200
    assert "javascript:" not in html(response)
