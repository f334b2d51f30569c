"""Staff accounts: changing one's own password in the staff area, and emails normalised so a
look-alike spelling cannot make a second account."""

import pytest
from sqlalchemy import select

from pressroom.extensions import db
from pressroom.models import StaffUser
from pressroom.staff.accounts import AccountError, authenticate, create, find, normalize_email
from pressroom.staff.throttle import EXTENSION

from .staff_client import EMAIL, PASSWORD, hidden, html, sign_in
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)

NEW_PASSWORD = "a quieter harbour at dawn"
URL = "/staff/account/password"


def change(client, current: str, new: str, again: str | None = None, lang: str = "en"):
    """Send the password form; return the response."""
    token = hidden(html(client.get(f"{URL}?lang={lang}")), "csrf_token")
    return client.post(f"{URL}?lang={lang}", data={
        "csrf_token": token, "current_password": current, "new_password": new,
        "confirm_password": new if again is None else again,
    })


@pytest.fixture
def two_sessions(app, staff_user, cheap_hashing):  # noqa: F811
    """Two clients signed in to the same account: this device and another one."""
    here, elsewhere = app.test_client(), app.test_client()
    assert sign_in(here).status_code == 303
    assert sign_in(elsewhere).status_code == 303
    return here, elsewhere


def test_the_form_is_in_the_menu_and_in_both_languages(two_sessions):
    """Every signed-in account reaches it; labels in the page's language."""
    here, _elsewhere = two_sessions
    assert f'href="{URL}?lang=en"' in html(here.get("/staff/?lang=en"))
    page = html(here.get(f"{URL}?lang=ru"))
    assert "Текущий пароль" in page and 'autocomplete="new-password"' in page


def test_changing_ends_every_other_session_and_keeps_this_one(app, two_sessions):
    """The new password works, the old one no longer does; the other device is signed out,
    this one goes on."""
    here, elsewhere = two_sessions
    response = change(here, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 303
    assert "Your password is changed" in html(here.get("/staff/"))
    assert here.get("/staff/").status_code == 200
    assert elsewhere.get("/staff/").status_code == 303
    with app.app_context():
        assert authenticate(EMAIL, PASSWORD) is None
        assert authenticate(EMAIL, NEW_PASSWORD) is not None
    assert sign_in(app.test_client(), EMAIL, NEW_PASSWORD).status_code == 303


@pytest.mark.parametrize(
    ("lang", "current", "new", "again", "message"),
    [
        ("en", "not my password", NEW_PASSWORD, None, "This is not your current password."),
        ("ru", "not my password", NEW_PASSWORD, None, "Это не ваш текущий пароль."),
        ("en", PASSWORD, "short", None, "A password has at least 8 characters."),
        ("ru", PASSWORD, "short", None, "Пароль должен быть не короче 8 символов."),
        ("en", PASSWORD, "Password123", None, "one of the 10,000 most common passwords"),
        ("ru", PASSWORD, "Password123", None, "один из 10 000 самых распространённых"),
        ("en", PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!",
         "The two new passwords are not the same."),
        ("ru", PASSWORD, "", None, "Заполните это поле."),
    ],
)
def test_a_refused_change_says_why_and_changes_nothing(
    app, two_sessions, lang, current, new, again, message
):
    """422 with the reason in the page's language; both sessions and the password stay."""
    here, elsewhere = two_sessions
    response = change(here, current, new, again, lang)
    assert response.status_code == 422
    assert message in html(response)
    assert 'value="' + new + '"' not in html(response) or not new  # passwords are not echoed
    assert elsewhere.get("/staff/").status_code == 200
    with app.app_context():
        assert authenticate(EMAIL, PASSWORD) is not None


def test_the_same_password_again_changes_nothing(app, two_sessions):
    """Giving the current password as the new one is no change: no session ends."""
    here, elsewhere = two_sessions
    assert change(here, PASSWORD, PASSWORD).status_code == 303
    assert "Your password is unchanged." in html(here.get("/staff/"))
    assert elsewhere.get("/staff/").status_code == 200


def test_guessing_the_current_password_is_limited(app, two_sessions):
    """Attempts count against the sign-in limit, per account: a borrowed session cannot try
    passwords faster than the sign-in page allows."""
    app.config["PRESSROOM_SIGN_IN_LIMIT"] = "3 per minute"
    app.extensions.pop(EXTENSION)  # made by the sign-ins above, with the default limits
    here, _elsewhere = two_sessions
    for _ in range(3):
        assert change(here, "a wrong guess", NEW_PASSWORD).status_code == 422
    refused = change(here, PASSWORD, NEW_PASSWORD)
    assert refused.status_code == 429
    with app.app_context():
        assert authenticate(EMAIL, PASSWORD) is not None


@pytest.mark.parametrize(
    "look_alike",
    [
        "ＯＦＦＩＣＥＲ@ＥＸＡＭＰＬＥ.ＯＲＧ",  # full-width letters
        "Officer@Example.org",
        "oﬃcer@example.org",  # the "ffi" ligature
    ],
)
def test_look_alike_emails_are_the_same_account(
    app, staff_user, cheap_hashing, look_alike  # noqa: F811
):
    """NFKC and case folding make one address of them: no second account, and signing in with
    any spelling reaches the first."""
    with app.app_context():
        with pytest.raises(AccountError, match="already exists"):
            create(look_alike, NEW_PASSWORD)
        assert find(look_alike).email == EMAIL
        assert db.session.scalars(select(StaffUser.email)).all() == [EMAIL]
    assert sign_in(app.test_client(), look_alike, PASSWORD).status_code == 303


def test_normalisation_is_nfkc_and_case_folding():
    """The stored form: trimmed, compatibility characters replaced, case folded (ß → ss)."""
    assert normalize_email("  Straße@Example.ORG ") == "strasse@example.org"
    assert normalize_email("ｏｆｆｉｃｅｒ@example.org") == "officer@example.org"
    assert normalize_email("oﬃcer@example.org") == "officer@example.org"


@pytest.mark.parametrize(
    "invisible",
    ["offi\u200bcer@example.org", "officer\u200e@example.org", "off\u00adicer@example.org"],
)
def test_emails_with_invisible_characters_are_refused(app, invisible):
    """A zero-width space, a direction mark or a soft hyphen would look like another address."""
    with app.app_context(), pytest.raises(AccountError, match="invisible"):
        create(invisible, NEW_PASSWORD)
