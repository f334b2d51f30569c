"""Revisions, public change notes and the conflict diff: every save is kept, any two compared,
any one restored; a change readers are told of shows on the page, in feeds and metadata."""

import json
import re
from datetime import timedelta

import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, select

from pressroom import ROOT, create_app, revisions, transfer
from pressroom.extensions import db
from pressroom.models import AuditEntry, Statement, StatementRevision

from .staff_client import (
    EMAIL,
    WRITER,
    create_statement,
    edit_form,
    edit_statement,
    hidden,
    html,
    statement_fields,
    statement_id_from,
)
from .test_images import photo_fields, post_new, upload
from .test_migrations import empty_database, revision_before, rows, run, statement_row  # noqa: F401

#: The migration that adds revisions and public change dates.
REVISIONS = "d1a7e3b5c902"

BOTH = {"en_title": "Harbour accord", "ru_title": "Портовое соглашение",
        "en_body": "The talks went well.", "ru_body": "Переговоры прошли хорошо."}


def stored(app, statement_id: int) -> list[StatementRevision]:
    """Return a statement's revisions, oldest first, detached from the session."""
    with app.app_context():
        found = list(db.session.scalars(
            select(StatementRevision)
            .where(StatementRevision.statement_id == statement_id)
            .order_by(StatementRevision.number)
        ))
        db.session.expunge_all()
        return found


def post_restore(client, statement_id: int, number: int, lang: str = "en", **fields):
    """Open a revision's restore page and send it (the version it shows unless given)."""
    url = f"/staff/statements/{statement_id}/history/{number}/restore?lang={lang}"
    page = html(client.get(url))
    data = {"csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version"),
            **fields}
    return client.post(url, data=data)


def meta(page: str, name: str) -> str:
    """Return the content of the page's `<meta property=name>`."""
    found = re.search(rf'<meta property="{re.escape(name)}" content="([^"]*)">', page)
    assert found, name
    return found.group(1)


def news_article(page: str) -> dict:
    """Return the page's JSON-LD NewsArticle."""
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        data = json.loads(block)
        if data.get("@type") == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle")


def test_every_save_stores_a_revision_with_who_and_both_languages(app, clock, staff):
    """Create, edit, submit as a draft again, withdraw and restore to the listings: a revision
    each, numbered, naming the account, holding both languages' fields and the statement's."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    signed = {**BOTH, "en_title": "Harbour accord signed"}
    assert edit_statement(staff, sid, **signed).status_code == 303
    clock.advance(minutes=1)
    page = html(staff.get(f"/staff/statements/{sid}/withdraw"))
    staff.post(f"/staff/statements/{sid}/withdraw", data={
        "csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version"),
        "reason_en": "Superseded.", "reason_ru": "Заменено.",
    })
    staff.post(f"/staff/statements/{sid}/restore", data={"csrf_token": hidden(page, "csrf_token")})
    clock.advance(minutes=1)
    assert edit_statement(staff, sid, **BOTH, status="draft").status_code == 303
    found = stored(app, sid)
    assert [r.number for r in found] == [1, 2, 3, 4, 5]
    assert [r.action for r in found] == ["create", "edit", "withdraw", "unwithdraw", "edit"]
    assert {r.email for r in found} == {EMAIL} and all(r.account_id for r in found)
    first, second = found[0].snapshot, found[1].snapshot
    assert first["texts"]["en"]["title"] == "Harbour accord"
    assert second["texts"]["en"]["title"] == "Harbour accord signed"
    assert second["texts"]["ru"]["body_source"] == "Переговоры прошли хорошо."
    assert second["texts"]["ru"]["body"] == "<p>Переговоры прошли хорошо.</p>"
    assert second["texts"]["en"]["slug"] == "harbour-accord"  # a published address stays
    assert (second["kind"], second["status"]) == ("statement", "published")
    assert second["featured"] is False
    assert found[2].snapshot["withdrawn_at"] and not found[3].snapshot["withdrawn_at"]
    assert found[4].snapshot["status"] == "draft"
    assert found[1].created_at - found[0].created_at == timedelta(minutes=1)
    with app.app_context():
        version = db.session.get(Statement, sid).version
    assert found[-1].statement_version == version
    assert all(r.notes == {} for r in found)


def test_a_statement_from_before_the_history_keeps_its_first_text(app, clock, staff, add_statement):
    """A statement stored without revisions gets one for how it was before its first save."""
    statement = add_statement({"en": "Old words"})
    before = html(staff.get(f"/staff/statements/{statement.id}/history"))
    assert "As it was before the history began" in before and "Old words" in before
    clock.advance(minutes=1)
    assert edit_statement(staff, statement.id, en_title="New words").status_code == 303
    found = stored(app, statement.id)
    assert [(r.number, r.action) for r in found] == [(1, "baseline"), (2, "edit")]
    assert found[0].snapshot["texts"]["en"]["title"] == "Old words"
    assert found[0].email is None


def test_word_diff_marks_words_and_escapes_them():
    """Removed words in <del>, added in <ins>, every character of the text escaped."""
    old, new = revisions.word_diff(
        'The <b>minister</b> met "them" today', 'The <script>alert(1)</script> met "them" & left'
    )
    assert str(old) == ('The <del>&lt;b&gt;minister&lt;/b&gt;</del> met &#34;them&#34; '
                        '<del>today</del>')
    assert str(new) == ('The <ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins> met &#34;them&#34; '
                        '<ins>&amp; left</ins>')


def test_history_lists_and_compares_two_revisions_escaped(app, clock, staff):
    """The history page lists who and when; comparing two marks the changed words, per
    language, and statement text stays text (no markup from it)."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **{
        **BOTH, "en_body": 'The talks <script>alert("x")</script> went badly.',
        "ru_body": "Переговоры прошли плохо.",
    })
    page = html(staff.get(f"/staff/statements/{sid}/history"))
    assert EMAIL in page and "Created" in page and "Edited" in page
    compared = html(staff.get(f"/staff/statements/{sid}/history?a=1&b=2"))
    assert "<del>well.</del>" in compared
    assert '<ins>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; </ins>' in compared
    assert "<del>хорошо.</del>" in compared and "<ins>плохо.</ins>" in compared
    assert "<script>alert" not in compared
    russian = html(staff.get(f"/staff/statements/{sid}/history?a=2&b=1&lang=ru"))
    assert "История заявления" in russian and "<ins>плохо.</ins>" in russian
    nonsense = staff.get(f"/staff/statements/{sid}/history?a=1&b=99")
    assert nonsense.status_code == 200 and "Choose two revisions" in html(nonsense)


def test_restore_makes_a_new_revision_and_the_public_page_shows_it(app, client, clock, staff):
    """Restoring revision 1 brings its texts back as revision 3; revision 2 is still there."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **{**BOTH, "en_body": "The talks failed.", "ru_body": "Провал."})
    restored = post_restore(staff, sid, 1)
    assert restored.status_code == 303
    found = stored(app, sid)
    assert [(r.number, r.action, r.restored_from) for r in found] == [
        (1, "create", None), (2, "edit", None), (3, "restore", 1)
    ]
    assert found[2].snapshot["texts"] == found[0].snapshot["texts"]
    assert found[1].snapshot["texts"]["en"]["body_source"] == "The talks failed."
    with app.app_context():
        logged = db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert logged[-1] == "restore-revision"
    assert "Restoration of a revision" in html(staff.get("/staff/audit"))
    public = app.test_client()
    assert "The talks went well." in html(public.get(f"/en/statements/{sid}/harbour-accord"))
    assert "Переговоры прошли хорошо." in html(public.get(f"/ru/statements/{sid}/"
                                                          "portovoe-soglashenie"))


def test_restore_goes_through_the_version_check(app, clock, staff):
    """A restore page opened before someone else's save is refused (409), nothing written."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    url = f"/staff/statements/{sid}/history/1/restore"
    page = html(staff.get(url))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **{**BOTH, "en_title": "Someone else's title"})
    late = staff.post(url, data={"csrf_token": hidden(page, "csrf_token"),
                                 "version": hidden(page, "version")})
    assert late.status_code == 409
    assert "Someone saved this statement since you opened this page" in html(late)
    assert len(stored(app, sid)) == 2
    assert staff.get(f"/staff/statements/{sid}/history/9/restore").status_code == 404


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_a_change_needs_a_note_in_each_language_and_keeps_what_was_typed(app, clock, staff, lang):
    """"A change readers should know about" without the Russian note: 422 in the page's
    language, everything typed still there, nothing saved."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    tokens = edit_form(staff, sid)
    form = staff.get(f"/staff/statements/{sid}/edit?lang={lang}")
    assert 'name="change"' in html(form) and 'name="change_note_ru"' in html(form)
    response = staff.post(f"/staff/statements/{sid}/edit?lang={lang}", data={
        **tokens, **statement_fields(**{**BOTH, "en_body": "Corrected date."}),
        "change": "major", "change_note_en": "Corrected the date of the meeting.",
    })
    assert response.status_code == 422
    page = html(response)
    message = {"en": "Say what changed in this language too",
               "ru": "Напишите, что изменилось, и на этом языке"}[lang]
    assert message in page
    assert "Corrected the date of the meeting." in page and "Corrected date." in page
    assert len(stored(app, sid)) == 1


def test_a_draft_is_never_asked_and_a_minor_edit_moves_no_public_date(app, clock, staff):
    """Drafts have no change question; a minor edit of a public statement leaves its public
    modified time (feeds, JSON-LD, Open Graph) at the publication time."""
    draft = statement_id_from(create_statement(staff, en_title="Draft", status="draft"))
    assert 'name="change"' not in html(staff.get(f"/staff/statements/{draft}/edit"))
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=5)
    assert edit_statement(staff, sid, **{**BOTH, "en_body": "Typo fixed."}).status_code == 303
    public = app.test_client()
    page = html(public.get(f"/en/statements/{sid}/harbour-accord"))
    assert "Typo fixed." in page and "Updated" not in page
    assert meta(page, "article:modified_time") == "2026-03-15T11:00:00+03:00"
    assert news_article(page)["dateModified"] == "2026-03-15T11:00:00+03:00"
    item = public.get("/en/feed.json").json["items"][0]
    assert item["date_modified"] == item["date_published"]


def test_change_notes_show_with_their_dates_in_pages_feeds_and_metadata(app, clock, staff):
    """Two changes with notes: both listed newest first with their dates in each language; the
    latest is the modified time in the Atom and JSON feeds, JSON-LD and Open Graph."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=5)
    edit_statement(staff, sid, **{**BOTH, "en_body": "First fix."}, change="major",
                   change_note_en="Corrected the date of the meeting.",
                   change_note_ru="Исправлена дата встречи.")
    clock.advance(minutes=5)
    edit_statement(staff, sid, **{**BOTH, "en_body": "Second fix."}, change="major",
                   change_note_en="Added the <b>list</b> of participants.",
                   change_note_ru="Добавлен список участников.")
    public = app.test_client()
    en = html(public.get(f"/en/statements/{sid}/harbour-accord"))
    notes = re.findall(r"<li><time datetime=\"([^\"]+)\">([^<]+)</time> ([^<]+)</li>", en)
    assert [(when, text) for when, _, text in notes] == [
        ("2026-03-15T12:10+03:00", "Added the &lt;b&gt;list&lt;/b&gt; of participants."),
        ("2026-03-15T12:05+03:00", "Corrected the date of the meeting."),
    ]
    assert notes[0][1] == "Updated 15 March 2026:"
    ru = html(public.get(f"/ru/statements/{sid}/portovoe-soglashenie"))
    notes = re.findall(r"<li><time datetime=\"[^\"]+\">([^<]+)</time> ([^<]+)</li>", ru)
    assert notes == [("Обновлено 15 марта 2026\u202fг.:", "Добавлен список участников."),
                     ("Обновлено 15 марта 2026\u202fг.:", "Исправлена дата встречи.")]
    assert meta(en, "article:modified_time") == "2026-03-15T12:10:00+03:00"
    assert news_article(en)["dateModified"] == "2026-03-15T12:10:00+03:00"
    assert news_article(ru)["dateModified"] == "2026-03-15T12:10:00+03:00"
    item = public.get("/ru/feed.json").json["items"][0]
    assert item["date_modified"] == "2026-03-15T12:10:00+03:00"
    assert "<updated>2026-03-15T12:10:00+03:00</updated>" in html(public.get("/en/feed.atom"))
    found = stored(app, sid)
    assert found[1].notes == {"en": "Corrected the date of the meeting.",
                              "ru": "Исправлена дата встречи."}


def test_the_conflict_page_shows_the_other_persons_change(app, clock, staff):
    """Two editors open the form; the second save gets 409 with the first one's change marked
    word by word against the version the second started from."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    stale = edit_form(staff, sid)
    clock.advance(minutes=1)
    edit_statement(staff, sid, **{**BOTH, "en_body": "The talks went <badly>.",
                                  "ru_body": "Переговоры сорваны."})
    response = staff.post(f"/staff/statements/{sid}/edit", data={
        **stale, **statement_fields(**{**BOTH, "en_title": "My own title"}),
    })
    assert response.status_code == 409
    page = html(response)
    assert "What the other person changed" in page
    assert "<del>well.</del>" in page and "<ins>&lt;badly&gt;.</ins>" in page
    assert "<del>прошли хорошо.</del>" in page and "<ins>сорваны.</ins>" in page
    assert "My own title" in page  # what the person typed is kept
    assert f"Saved by {EMAIL}" in page


def test_writers_see_and_restore_only_what_they_may_edit(app, clock, staff, writer, client):
    """A writer opens the history of a draft and restores it; a published statement's history
    and restore are refused (403) on GET and POST; anonymous visitors are sent to sign in."""
    draft = statement_id_from(create_statement(staff, en_title="A draft", status="draft"))
    edit_statement(staff, draft, en_title="A better draft", status="draft")
    published = statement_id_from(create_statement(staff, **BOTH))
    assert writer.get(f"/staff/statements/{draft}/history").status_code == 200
    restored = post_restore(writer, draft, 1)
    assert restored.status_code == 303
    assert stored(app, draft)[-1].email == WRITER
    assert writer.get(f"/staff/statements/{published}/history").status_code == 403
    url = f"/staff/statements/{published}/history/1/restore"
    assert writer.get(url).status_code == 403
    token = hidden(html(writer.get(f"/staff/statements/{draft}/edit")), "csrf_token")
    assert writer.post(url, data={"csrf_token": token, "version": "1"}).status_code == 403
    anonymous = app.test_client()
    for path in (f"/staff/statements/{published}/history", url):
        answer = anonymous.get(path)
        assert answer.status_code == 303 and "/staff/sign-in" in answer.headers["Location"]


def test_revisions_and_notes_make_the_round_trip(app, clock, staff):
    """Export and import (replacing) keep every revision, its notes and the public date."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **BOTH, change="major", change_note_en="Fixed.",
                   change_note_ru="Исправлено.")
    with app.app_context():
        document = transfer.dump()
        assert document["version"] == 6
        before = [
            {c.name: getattr(r, c.name) for c in StatementRevision.__table__.columns}
            for r in db.session.scalars(select(StatementRevision).order_by(StatementRevision.id))
        ]
        changed_at = db.session.get(Statement, sid).public_updated_at
        transfer.load(json.loads(json.dumps(document)), replace=True)
        db.session.expire_all()
        after = [
            {c.name: getattr(r, c.name) for c in StatementRevision.__table__.columns}
            for r in db.session.scalars(select(StatementRevision).order_by(StatementRevision.id))
        ]
        assert after == before and len(after) == 2
        assert db.session.get(Statement, sid).public_updated_at == changed_at is not None
    page = html(app.test_client().get(f"/ru/statements/{sid}/portovoe-soglashenie"))
    assert "Исправлено." in page


def test_a_version_5_document_keeps_public_dates_and_has_no_history(app, clock, staff):
    """Loading a version 5 export: no revisions, and a published statement saved after its
    publication keeps that save as its public modified time, as the migration does."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **BOTH)
    with app.app_context():
        document = json.loads(json.dumps(transfer.dump()))
        saved = db.session.get(Statement, sid).updated_at
    document["version"] = 5
    del document["statement_revisions"]
    for statement in document["statements"]:
        del statement["public_updated_at"]
    with app.app_context():
        transfer.load(document, replace=True)
        assert db.session.get(Statement, sid).public_updated_at == saved
        assert db.session.scalar(select(StatementRevision).limit(1)) is None


def test_the_migration_keeps_public_dates_and_goes_down_without_the_history(
    app_config, empty_database  # noqa: F811
):
    """Upgrade: a published statement saved after its publication keeps that save as its public
    modified time, others get none; downgrade: the history and the column go."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    directory = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=directory, revision=revision_before(REVISIONS))
        run(
            statement_row(1),
            statement_row(2),
            statement_row(3),
            "UPDATE statement SET updated_at = '2026-03-02 10:00:00' WHERE id IN (1, 3)",
            "UPDATE statement SET status = 'draft' WHERE id = 3",
        )
        upgrade(directory=directory, revision=REVISIONS)
        assert rows(
            "SELECT id, public_updated_at IS NOT NULL FROM statement ORDER BY id"
        ) == [(1, True), (2, False), (3, False)]
        assert rows("SELECT updated_at = public_updated_at FROM statement WHERE id = 1") == [
            (True,)
        ]
        run(
            "INSERT INTO statement_revision (id, statement_id, number, created_at, account_id,"
            " email, action, statement_version, restored_from, snapshot, notes) VALUES (1, 1, 1,"
            " '2026-03-02 10:00:00', 4, 'press@example.org', 'edit', 2, NULL,"
            " '{\"texts\": {}}', '{\"en\": \"Fixed.\"}')",
        )
        downgrade(directory=directory, revision=revision_before(REVISIONS))
        found = inspect(db.engine)
        assert "statement_revision" not in found.get_table_names()
        assert "public_updated_at" not in {c["name"] for c in found.get_columns("statement")}
        assert rows("SELECT id FROM statement ORDER BY id") == [(1,), (2,), (3,)]
        downgrade(directory=directory, revision="base")
        db.engine.dispose()


def test_restoring_a_public_statement_asks_for_the_kind_of_edit(app, clock, staff):
    """Restoring a public statement: "change" needs its notes (422 keeps them), then the note
    is on the page; the restore page shows what restoring changes."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **{**BOTH, "en_body": "The talks failed."})
    page = html(staff.get(f"/staff/statements/{sid}/history/1/restore"))
    assert 'name="change"' in page and "<del>failed.</del>" in page and "<ins>went" in page
    refused = post_restore(staff, sid, 1, change="major", change_note_en="Back to the first text.")
    assert refused.status_code == 422
    assert "Back to the first text." in html(refused)
    assert len(stored(app, sid)) == 2
    restored = post_restore(staff, sid, 1, change="major", change_note_en="Back to the first text.",
                            change_note_ru="Возвращён первый текст.")
    assert restored.status_code == 303
    public = html(app.test_client().get(f"/ru/statements/{sid}/portovoe-soglashenie"))
    assert "Возвращён первый текст." in public and "Переговоры прошли хорошо." in public


def test_a_long_text_is_compared_by_lines_first_and_marked_whole_past_the_budget():
    """A small change in a long text marks only its words; a changed run too long to compare
    word by word (difflib is quadratic) is marked whole instead of taking seconds."""
    paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40
    body = "\n\n".join([paragraph] * 10)
    old, new = revisions.word_diff(body, body.replace("elit.", "elite.", 1))
    assert str(old).count("<del>") == 1 and "<del>elit.</del>" in str(old)
    assert str(new).count("<ins>") == 1 and "<ins>elite.</ins>" in str(new)
    words = " ".join(f"w{n}" for n in range(revisions.MAX_WORD_PAIRS // 1000))
    changed = words.replace("w1 ", "x1 ", 1) + " more"
    old, new = revisions.word_diff(words, changed)
    assert (str(old), str(new)) == (f"<del>{words}</del>", f"<ins>{changed}</ins>")


def test_a_double_click_on_restore_finds_its_own_first_restore(app, clock, staff):
    """The same restore sent twice (same version): the second is no conflict and adds nothing."""
    sid = statement_id_from(create_statement(staff, **BOTH))
    clock.advance(minutes=1)
    edit_statement(staff, sid, **{**BOTH, "en_body": "The talks failed."})
    url = f"/staff/statements/{sid}/history/1/restore"
    page = html(staff.get(url))
    data = {"csrf_token": hidden(page, "csrf_token"), "version": hidden(page, "version")}
    assert staff.post(url, data=data).status_code == 303
    assert staff.post(url, data=data).status_code == 303
    assert [r.action for r in stored(app, sid)] == ["create", "edit", "restore"]


def test_a_photo_description_is_kept_compared_and_restored_onto_the_same_photo(
    photo_app, editor, clock
):
    """A revision keeps which photo the statement had and its description in each language;
    comparing marks a changed description; a restore brings a description back onto the same
    photo, never onto another one (the photo itself is not restored)."""
    sid = statement_id_from(post_new(editor, image=upload("valid.jpg")))
    clock.advance(minutes=1)
    tokens = edit_form(editor, sid)
    editor.post(f"/staff/statements/{sid}/edit", data={
        **tokens, **photo_fields(en_image_alt="Cranes over the harbour at dusk"),
    }, content_type="multipart/form-data")
    first, second = (r.snapshot for r in stored(photo_app, sid))
    assert first["image"] and first["image"] == second["image"]
    assert first["texts"]["en"]["image_alt"] == "Cranes over the harbour at dawn"
    assert second["texts"]["en"]["image_alt"] == "Cranes over the harbour at dusk"
    assert second["texts"]["ru"]["image_credit"] == "Пресс-служба"
    page = html(editor.get(f"/staff/statements/{sid}/history?a=1&b=2"))
    assert "<del>dawn</del>" in page and "<ins>dusk</ins>" in page

    assert post_restore(editor, sid, 1).status_code == 303
    with photo_app.app_context():
        assert db.session.get(Statement, sid).text("en").image_alt.endswith("at dawn")

    # Another photo: restoring revision 2 brings back its words, not its description.
    clock.advance(minutes=1)
    tokens = edit_form(editor, sid)
    editor.post(f"/staff/statements/{sid}/edit", data={
        **tokens, **photo_fields(en_image_alt="A quay at noon", en_title="Harbour reopened"),
        "image": upload("valid.png"),
    }, content_type="multipart/form-data")
    assert post_restore(editor, sid, 2).status_code == 303
    with photo_app.app_context():
        text = db.session.get(Statement, sid).text("en")
        assert (text.title, text.image_alt) == ("Harbour reopens", "A quay at noon")
