"""Withdrawal and deletion (issue 13): a withdrawn statement keeps its page under a notice and
leaves every listing; restoring puts it back; a deleted statement's addresses answer 410 Gone."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from urllib.parse import urljoin

import pytest
from sqlalchemy import func, select

from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import AuditEntry, RemovedStatement, Statement

from .staff_client import create_statement, hidden, html, statement_id_from
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)

LANGS = ("en", "ru")
REASONS = {
    "en": "Superseded by the statement of 20 March on the harbour talks.",
    "ru": "Заменено заявлением от 20 марта о переговорах по гавани.",
}
TITLES = {"en": "Harbour talks resume", "ru": "Переговоры по гавани возобновлены"}
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def published(staff, clock) -> int:
    """A statement published in both languages through the staff form; its id."""
    saved = create_statement(
        staff, en_title=TITLES["en"], ru_title=TITLES["ru"], en_lead="Talks resume.",
        ru_lead="Переговоры возобновлены.", published_date="2026-03-14", published_time="10:00",
    )
    assert saved.status_code == 303
    return statement_id_from(saved)


@pytest.fixture
def public(app):
    """A visitor's client, not signed in (the `staff` fixture signs `client` in)."""
    return app.test_client()


def withdraw(client, statement_id: int, **reasons):
    """Send the withdrawal form with `reasons` (reason_en=…, reason_ru=…); return the answer."""
    page = html(client.get(f"/staff/statements/{statement_id}/withdraw"))
    data = {
        "csrf_token": hidden(page, "csrf_token"),
        "version": hidden(page, "version"),
        "reason_en": "",
        "reason_ru": "",
        **reasons,
    }
    return client.post(f"/staff/statements/{statement_id}/withdraw", data=data)


def restore(client, statement_id: int):
    """Send the restore button's form; return the answer."""
    page = html(client.get(f"/staff/statements/{statement_id}/edit"))
    return client.post(
        f"/staff/statements/{statement_id}/restore",
        data={"csrf_token": hidden(page, "csrf_token")},
    )


def listed(client, lang: str, statement_id: int) -> dict[str, bool]:
    """Tell, per public place, whether it links to or carries the statement."""
    address = f"/{lang}/statements/{statement_id}/"
    word = "talks" if lang == "en" else "переговоры"
    places = {
        "home": f"/{lang}/",
        "listing": f"/{lang}/statements/",
        "kind listing": f"/{lang}/statements/?kind=statement",
        "archive": f"/{lang}/archive/2026/03/",
        "search": f"/{lang}/search?q={word}",
        "atom": f"/{lang}/feed.atom",
        "json feed": f"/{lang}/feed.json",
        "latest widget": f"/widgets/latest?lang={lang}",
    }
    found = {}
    for name, url in places.items():
        response = client.get(url)
        if name == "archive" and response.status_code == 404:
            found[name] = False  # a month without public statements has no page
            continue
        assert response.status_code == 200, (url, response.status_code)
        found[name] = address in html(response)
    return found


def sitemap_lastmod(client, statement_id: int) -> str | None:
    """Return the lastmod the sitemap gives the statement's English address, or None."""
    response = client.get("/sitemaps/statements-1.xml")
    if response.status_code == 404:
        return None  # no public statement left: no child sitemap
    root = ET.fromstring(response.data)
    for entry in root.findall(SM + "url"):
        if f"/en/statements/{statement_id}/" in entry.findtext(SM + "loc"):
            return entry.findtext(SM + "lastmod")
    return None


def audit_actions(app, statement_id: int) -> list[str]:
    """Return the audit log's actions on the statement, oldest first."""
    with app.app_context():
        return list(db.session.scalars(
            select(AuditEntry.action)
            .where(AuditEntry.object_kind == "statement",
                   AuditEntry.object_ref == str(statement_id))
            .order_by(AuditEntry.id)
        ))


def test_withdraw_then_restore(app, public, staff, clock, published):
    """Withdrawn: the page stays (200) under the notice in its language, and the statement leaves
    every listing, search, the feeds and the latest widget; the sitemap keeps it with the
    withdrawal as its last change. Restored: back everywhere. Both are in the audit log."""
    for lang in LANGS:
        assert all(listed(public, lang, published).values()), lang
    clock.advance(minutes=20)
    assert withdraw(staff, published, reason_en=REASONS["en"],
                    reason_ru=REASONS["ru"]).status_code == 303
    notices = {"en": "Withdrawn on 15 March 2026:", "ru": "Отозвано 15 марта 2026\u202fг.:"}
    for lang in LANGS:
        page = public.get(f"/{lang}/statements/{published}/")
        assert page.status_code == 301  # to the slug: the address still answers
        page = public.get(page.headers["Location"])
        assert page.status_code == 200
        text = html(page)
        notice = re.search(r'<div class="pr-withdrawn" role="note">(.*?)</div>', text, re.S)
        assert notice, lang
        assert notices[lang] in notice.group(1)
        assert REASONS[lang] in notice.group(1)
        assert TITLES[lang] in text
        assert 'name="robots"' not in text  # kept indexable, as GOV.UK keeps withdrawn pages
        assert not any(listed(public, lang, published).values()), lang
        card = public.get(f"/widgets/statement/{published}?lang={lang}")
        assert card.status_code == 200
        assert REASONS[lang] in html(card)
    assert datetime.fromisoformat(sitemap_lastmod(public, published)) == clock.now
    dashboard = html(staff.get("/staff/?lang=en"))
    assert "Withdrawn" in dashboard

    clock.advance(minutes=10)
    assert restore(staff, published).status_code == 303
    for lang in LANGS:
        assert all(listed(public, lang, published).values()), lang
        page = html(public.get(f"/{lang}/statements/{published}/", follow_redirects=True))
        assert "pr-withdrawn" not in page
    assert audit_actions(app, published) == ["publish", "withdraw", "restore"]


def test_oembed_sizes_a_withdrawn_card_with_its_notice(staff, clock, published, public):
    """The card's iframe height from oEmbed grows by the withdrawal notice."""

    def height() -> int:
        """Return the height oEmbed gives the statement's English address."""
        url = f"http://pressroom.test/en/statements/{published}/"
        return public.get("/oembed", query_string={"url": url}).get_json()["height"]

    before = height()
    assert withdraw(staff, published, reason_en=REASONS["en"],
                    reason_ru=REASONS["ru"]).status_code == 303
    assert height() > before + 40


def test_a_reason_is_required_in_each_language_the_statement_has(staff, clock, published, public):
    """No reason, or one language's only: 422 with the message at the empty field, nothing
    withdrawn; the form is in the staff page's language."""
    refused = withdraw(staff, published, reason_en=REASONS["en"])
    assert refused.status_code == 422
    page = html(refused)
    assert REASONS["en"] in page  # kept as typed
    assert re.search(r'id="reason_ru-errors">\s*<li>Explain the withdrawal in this language too',
                     page)
    assert 'id="reason_en-errors"' not in page
    in_russian = staff.get(f"/staff/statements/{published}/withdraw?lang=ru")
    assert "Причина на русском языке" in html(in_russian)
    assert all(listed(public, "en", published).values())


def test_only_the_statements_languages_need_a_reason(app, staff, clock, public):
    """An English-only statement is withdrawn with an English reason; no Russian field is
    shown."""
    saved = create_statement(staff, en_title="Harbour talks only in English",
                             published_date="2026-03-14", published_time="10:00")
    statement_id = statement_id_from(saved)
    assert 'name="reason_ru"' not in html(staff.get(f"/staff/statements/{statement_id}/withdraw"))
    # A reason sent for a language it lacks is neither checked (it is over the limit) nor kept.
    answer = withdraw(staff, statement_id, reason_en="Issued in error.", reason_ru="я" * 2000)
    assert answer.status_code == 303
    with app.app_context():
        found = db.session.get(Statement, statement_id)
        assert found.withdrawn_at == clock.now
        assert [(t.lang, t.withdrawn_reason) for t in found.texts] == [("en", "Issued in error.")]


def test_a_draft_cannot_be_withdrawn(app, staff, clock):
    """Withdrawal is for published statements: a draft's withdraw page sends back to the form."""
    saved = create_statement(staff, en_title="Draft talks", status="draft")
    statement_id = statement_id_from(saved)
    answer = staff.get(f"/staff/statements/{statement_id}/withdraw")
    assert answer.status_code == 303
    assert f"/staff/statements/{statement_id}/edit" in answer.headers["Location"]
    with app.app_context():
        assert db.session.get(Statement, statement_id).withdrawn_at is None


def test_a_writer_cannot_withdraw_restore_or_delete(
    app, writer, published, cheap_hashing  # noqa: F811
):
    """Every method of the three routes is 403 for a writer, and nothing changes."""
    token = hidden(html(writer.get("/staff/statements/new")), "csrf_token")
    for action in ("withdraw", "restore", "delete"):
        url = f"/staff/statements/{published}/{action}"
        assert writer.get(url).status_code in (403, 405)
        posted = writer.post(url, data={"csrf_token": token, "reason_en": "x", "reason_ru": "x"})
        assert posted.status_code == 403, action
    with app.app_context():
        found = db.session.get(Statement, published)
        assert found is not None and found.withdrawn_at is None


def test_delete_asks_first_then_answers_410_in_both_languages(app, public, staff, clock,
                                                              published):
    """The delete link leads to a confirmation page (a plain form); the POST deletes, records
    the id, and every address of the statement answers 410 with a page in its language; the
    widget card answers a framable 410 card and oEmbed 410."""
    slugs = {}
    for lang in LANGS:
        page = public.get(f"/{lang}/statements/{published}/")
        slugs[lang] = page.headers["Location"]
    confirm = staff.get(f"/staff/statements/{published}/delete")
    assert confirm.status_code == 200
    page = html(confirm)
    assert TITLES["en"] in page
    assert f'action="/staff/statements/{published}/delete' in page
    with app.app_context():
        assert db.session.get(Statement, published) is not None  # asking deletes nothing
    done = staff.post(f"/staff/statements/{published}/delete",
                      data={"csrf_token": hidden(page, "csrf_token")})
    assert done.status_code == 303
    removed = {"en": "This statement has been removed", "ru": "Это заявление удалено"}
    for lang in LANGS:
        for url in (f"/{lang}/statements/{published}/", slugs[lang], slugs[lang] + "-old"):
            gone = public.get(url)
            assert gone.status_code == 410, url
            assert removed[lang] in html(gone)
            assert f'<html lang="{lang}"' in html(gone)
        card = public.get(f"/widgets/statement/{published}?lang={lang}")
        assert card.status_code == 410
        assert removed[lang] in html(card)
        assert "frame-ancestors 'none'" not in card.headers["Content-Security-Policy"]
        assert not any(listed(public, lang, published).values())
    oembed = public.get("/oembed", query_string={"url": urljoin("http://pressroom.test/",
                                                                 slugs["en"])})
    assert oembed.status_code == 410
    assert public.get("/en/statements/999999/").status_code == 404  # never existed: 404
    assert sitemap_lastmod(public, published) is None
    assert audit_actions(app, published)[-1] == "delete"
    with app.app_context():
        assert db.session.get(RemovedStatement, published).deleted_at == clock.now


def test_a_withdrawn_statement_keeps_its_reason_through_edits(app, staff, clock, published):
    """Editing a withdrawn statement keeps it withdrawn; the withdraw page then changes the
    reason (logged as a save) without moving the withdrawal's date."""
    assert withdraw(staff, published, reason_en="First.", reason_ru="Первое.").status_code == 303
    withdrawn_at = clock.now
    clock.advance(minutes=20)
    again = withdraw(staff, published, reason_en="Second.", reason_ru="Второе.")
    assert again.status_code == 303
    with app.app_context():
        found = db.session.get(Statement, published)
        assert found.withdrawn_at == withdrawn_at
        assert {t.lang: t.withdrawn_reason for t in found.texts} == {
            "en": "Second.", "ru": "Второе."
        }
    assert audit_actions(app, published)[-2:] == ["withdraw", "save"]


def test_an_outdated_withdrawal_form_is_refused(app, staff, clock, published):
    """A version older than the stored one (someone saved meanwhile) gives 409, keeping the
    reasons typed; nothing is withdrawn."""
    page = html(staff.get(f"/staff/statements/{published}/withdraw"))
    answer = staff.post(f"/staff/statements/{published}/withdraw", data={
        "csrf_token": hidden(page, "csrf_token"),
        "version": str(int(hidden(page, "version")) - 1),
        "reason_en": "Typed.",
        "reason_ru": "Набрано.",
    })
    assert answer.status_code == 409
    assert "Typed." in html(answer)
    with app.app_context():
        assert db.session.get(Statement, published).withdrawn_at is None


def test_a_new_statement_with_a_removed_id_is_shown(app, public, staff, clock, published):
    """SQLite may give a deleted statement's id to the next one: the statement then wins."""
    with app.app_context():
        db.session.add(RemovedStatement(id=published, deleted_at=clock.now - timedelta(days=1)))
        db.session.commit()
        content_changed()
    assert public.get(f"/en/statements/{published}/", follow_redirects=True).status_code == 200


def test_a_new_statement_never_takes_a_deleted_statements_id(app, public, staff, published):
    """The newest statement is deleted, then one is written: it gets a new id (SQLite would
    give the highest id again), and the deleted one's address still answers 410."""
    page = html(staff.get(f"/staff/statements/{published}/delete"))
    staff.post(f"/staff/statements/{published}/delete",
               data={"csrf_token": hidden(page, "csrf_token")})
    assert create_statement(staff, en_title="Written after the deletion").status_code == 303
    with app.app_context():
        newest = db.session.scalar(select(func.max(Statement.id)))
    assert newest > published
    assert public.get(f"/en/statements/{published}/").status_code == 410
