"""Previews (issue 13): a statement's saved text on the real public layout, for staff, and through
a preview link for someone who is not signed in, until it expires or is revoked."""

import html as htmlmod
import re

import pytest
from sqlalchemy import func, select

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import PreviewLink, Statement

from .staff_client import hidden, html
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)

TITLES = {"en": "Harbour accord draft", "ru": "Проект портового соглашения"}
BANNERS = {"en": "Preview — not published", "ru": "Предварительный просмотр — не опубликовано"}
PRIVATE = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
}


@pytest.fixture
def draft(add_statement, clock) -> int:
    """A draft in both languages; its id."""
    return add_statement(TITLES, status="draft").id


def make_link(client, statement_id: int, lang: str = "en"):
    """Make a preview link from the statement's edit page; return the response to the POST."""
    token = hidden(html(client.get(f"/staff/statements/{statement_id}/edit?lang={lang}")),
                   "csrf_token")
    return client.post(f"/staff/statements/{statement_id}/preview-links?lang={lang}",
                       data={"csrf_token": token})


def new_link(client, statement_id: int, lang: str = "en") -> str:
    """Make a preview link and return its path, read from the edit page it leads to."""
    made = make_link(client, statement_id, lang)
    assert made.status_code == 303
    page = html(client.get(made.headers["Location"]))
    found = re.search(r'id="new-preview-link"[^>]* value="([^"]+)"', page)
    assert found, "the new link is shown on the edit page"
    url = htmlmod.unescape(found.group(1))
    assert url.startswith("http://pressroom.test/preview/")
    return url.removeprefix("http://pressroom.test")


def assert_private(response) -> None:
    """Check the headers that keep a preview out of caches, indexes and Referer headers."""
    for name, value in PRIVATE.items():
        assert response.headers.get(name) == value, name
    assert "Set-Cookie" not in response.headers
    assert "X-Cache" not in response.headers  # never went through the page cache


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_staff_preview_is_the_public_page_under_a_banner(staff, draft, lang):
    """Signed in, the draft shows on the public layout, in the page's language, not indexed."""
    page = staff.get(f"/staff/statements/{draft}/preview?lang={lang}")
    assert page.status_code == 200
    text = html(page)
    assert BANNERS[lang] in text
    assert f"<h1>{TITLES[lang]}</h1>" in text
    assert '<article class="statement">' in text  # the public detail template
    assert '<meta name="robots" content="noindex, nofollow">' in text
    assert "application/json+oembed" not in text
    assert page.headers["X-Robots-Tag"] == "noindex"
    assert "no-store" in page.headers["Cache-Control"]


def test_staff_preview_is_never_public(client, draft):
    """Without a session the staff preview sends to the sign-in page; the draft stays 404."""
    assert client.get(f"/staff/statements/{draft}/preview").status_code == 303
    assert client.get(f"/en/statements/{draft}/").status_code == 404


def test_staff_preview_in_a_missing_language(staff, add_statement, clock):
    """A statement without Russian: the Russian preview says so and links to the English one."""
    only_english = add_statement({"en": "English only"}, status="draft").id
    page = staff.get(f"/staff/statements/{only_english}/preview?lang=ru")
    assert page.status_code == 404
    assert f"/staff/statements/{only_english}/preview?lang=en" in html(page)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_link_works_without_a_session_and_is_never_cached(app, staff, draft, lang):
    """The link opens the draft for a visitor with no cookies, privately, every time afresh."""
    path = new_link(staff, draft, lang)
    assert path.startswith(f"/preview/{lang}/")
    visitor = app.test_client()
    for _ in range(2):
        page = visitor.get(path)
        assert page.status_code == 200
        assert BANNERS[lang] in html(page)
        assert TITLES[lang] in html(page)
        assert_private(page)
    # The other language through the switcher's link, same token.
    other = "ru" if lang == "en" else "en"
    assert TITLES[other] in html(visitor.get(path.replace(f"/{lang}/", f"/{other}/", 1)))
    with app.app_context():
        stored = db.session.scalar(select(PreviewLink))
        token = path.rsplit("/", 1)[1]
        assert token not in stored.token_hash and len(stored.token_hash) == 64


def test_the_link_is_shown_once(staff, draft):
    """The address is on the edit page right after it is made, and never again."""
    new_link(staff, draft)
    again = html(staff.get(f"/staff/statements/{draft}/edit"))
    assert 'id="new-preview-link"' not in again
    assert "/preview/" not in again


def test_a_link_shows_the_current_saved_text(app, staff, draft):
    """A save after the link was made shows through it at once."""
    path = new_link(staff, draft)
    visitor = app.test_client()
    assert TITLES["en"] in html(visitor.get(path))
    with app.app_context():
        db.session.get(Statement, draft).text("en").title = "Harbour accord, second draft"
        db.session.commit()
        content_changed()
    assert "Harbour accord, second draft" in html(visitor.get(path))


@pytest.mark.parametrize("hours", [48, 2])
def test_a_link_expires_at_its_hour(app, staff, draft, clock, hours):
    """It works until the configured number of hours has passed (48 by default), then 410
    in the link's language."""
    assert app.config["PRESSROOM_PREVIEW_LINK_HOURS"] == 48
    app.config["PRESSROOM_PREVIEW_LINK_HOURS"] = hours
    path = new_link(staff, draft, "ru")
    visitor = app.test_client()
    clock.advance(hours=hours, seconds=-1)
    assert visitor.get(path).status_code == 200
    clock.advance(seconds=1)
    gone = visitor.get(path)
    assert gone.status_code == 410
    assert "Срок действия этой ссылки для предварительного просмотра истёк" in html(gone)
    assert TITLES["ru"] not in html(gone)
    assert_private(gone)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_revoked_link_is_gone(app, staff, draft, lang):
    """Revoking answers 410 at once, saying so in the page's language; revoking twice is fine."""
    path = new_link(staff, draft, lang)
    with app.app_context():
        link_id = db.session.scalar(select(PreviewLink.id))
    token = hidden(html(staff.get(f"/staff/statements/{draft}/edit")), "csrf_token")
    for _ in range(2):
        revoked = staff.post(f"/staff/preview-links/{link_id}/revoke", data={"csrf_token": token})
        assert revoked.status_code == 303
    gone = app.test_client().get(path)
    assert gone.status_code == 410
    message = {"en": "This preview link was revoked", "ru": "Эта ссылка для предварительного"
               " просмотра отозвана"}[lang]
    assert message in html(gone)
    assert_private(gone)


def test_tampered_and_unknown_tokens_are_404(app, staff, draft):
    """A token with one character changed, cut short, or made up opens nothing: 404 in the
    URL's language, with the same private headers."""
    path = new_link(staff, draft, "ru")
    token = path.rsplit("/", 1)[1]
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    visitor = app.test_client()
    for bad in (changed, token[:-1], token + "x", "x" * 43, "%00", "%E2%80%8B" + token):
        page = visitor.get(f"/preview/ru/{bad}")
        assert page.status_code == 404, bad
        assert "Страница не найдена" in html(page)
        assert_private(page)
    assert visitor.get(f"/preview/ru/..%2f{token}").status_code == 404  # matches no route


def test_a_deleted_statement_takes_its_links_along(app, staff, draft):
    """Deleting the statement deletes its links (the link answers 404)."""
    path = new_link(staff, draft)
    with app.app_context():
        db.session.delete(db.session.get(Statement, draft))
        db.session.commit()
        assert db.session.scalar(select(func.count()).select_from(PreviewLink)) == 0
    assert app.test_client().get(path).status_code == 404


def test_a_writer_previews_and_shares_drafts_only(app, writer, add_statement, clock):
    """A writer may preview a draft and make and revoke its links; a published statement is
    refused (403) on every one of those, and nothing is stored."""
    own = add_statement(TITLES, status="draft").id
    public = add_statement({"en": "Published accord"}).id
    assert writer.get(f"/staff/statements/{own}/preview").status_code == 200
    path = new_link(writer, own)
    assert app.test_client().get(path).status_code == 200
    assert writer.get(f"/staff/statements/{public}/preview").status_code == 403
    token = hidden(html(writer.get(f"/staff/statements/{own}/edit")), "csrf_token")
    refused = writer.post(f"/staff/statements/{public}/preview-links", data={"csrf_token": token})
    assert refused.status_code == 403
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PreviewLink)) == 1
        link = PreviewLink(token_hash="0" * 64, statement_id=public,
                           expires_at=db.session.scalar(select(PreviewLink.expires_at)))
        db.session.add(link)
        db.session.commit()
        others = link.id
    revoke = writer.post(f"/staff/preview-links/{others}/revoke", data={"csrf_token": token})
    assert revoke.status_code == 403
    with app.app_context():
        assert db.session.get(PreviewLink, others).revoked_at is None


def test_anonymous_visitors_cannot_make_links(app, client, draft):
    """Without a session, making a link sends to the sign-in page and stores nothing."""
    token = hidden(html(client.get("/staff/sign-in")), "csrf_token")
    made = client.post(f"/staff/statements/{draft}/preview-links", data={"csrf_token": token})
    assert made.status_code == 303 and "/staff/sign-in" in made.headers["Location"]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PreviewLink)) == 0


def test_previews_are_outside_the_page_cache():
    """The page cache's middleware never looks preview addresses up (nor stores them)."""
    from pressroom import drafts, pagecache

    assert not (drafts.PREVIEW_PREFIX + "/").startswith(pagecache.PUBLIC_PREFIXES)
    assert not "/staff/".startswith(pagecache.PUBLIC_PREFIXES)
