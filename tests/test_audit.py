"""The audit log: what is recorded (who, what, which object, when in UTC, from where), the
editors' page, `flask staff audit`, and how the log travels with export and import."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from pressroom import audit, timekeeping, transfer
from pressroom.extensions import db
from pressroom.models import AuditEntry, StaffUser

from .staff_client import (
    EMAIL,
    WRITER,
    create_statement,
    edit_statement,
    hidden,
    html,
    sign_in,
    statement_id_from,
)
from .test_bad_input import cheap_hashing  # noqa: F401  (a fixture these tests use too)


def lines(app) -> list[tuple]:
    """Return the log's lines, oldest first, as (account email, action, object, address)."""
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        return [
            (e.email, e.action, f"{e.object_kind} {e.object_ref}" if e.object_kind else None,
             e.address)
            for e in entries
        ]


@pytest.mark.usefixtures("cheap_hashing")
def test_sign_in_failure_and_sign_out_are_recorded(app, client, staff_user, clock):
    """Each with the client address and the time in UTC; a failed sign-in keeps the email as
    typed, normalised, and no account."""
    assert sign_in(client, "ＯＦＦＩＣＥＲ@Example.ORG", "wrong password").status_code == 422
    assert sign_in(client, "nobody@example.org", "wrong password").status_code == 422
    assert sign_in(client).status_code == 303
    token = hidden(html(client.get("/staff/")), "csrf_token")
    assert client.post("/staff/sign-out", data={"csrf_token": token}).status_code == 303
    assert lines(app) == [
        (EMAIL, "sign-in-failed", None, "127.0.0.1"),
        ("nobody@example.org", "sign-in-failed", None, "127.0.0.1"),
        (EMAIL, "sign-in", None, "127.0.0.1"),
        (EMAIL, "sign-out", None, "127.0.0.1"),
    ]
    with app.app_context():
        entries = db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        account = db.session.scalar(select(StaffUser.id))
        assert [e.account_id for e in entries] == [None, None, account, account]
        assert {e.at for e in entries} == {clock.now}
        assert entries[0].at.utcoffset() == timedelta(0)


def test_saves_submissions_and_publications_name_the_statement(app, writer, staff):
    """A writer's save and submission, an editor's publication and later save."""
    created = create_statement(writer, en_title="Port dues", status="draft")
    statement_id = statement_id_from(created)
    for client, title, status in ((writer, "Port dues", "review"),
                                  (staff, "Port dues", "published"),
                                  (staff, "Port dues!", "published")):
        saved = edit_statement(client, statement_id, en_title=title, status=status)
        assert saved.status_code == 303
    found = [line for line in lines(app) if line[1] not in ("sign-in",)]
    target = f"statement {statement_id}"
    assert found == [
        (WRITER, "save", target, "127.0.0.1"),
        (WRITER, "submit", target, "127.0.0.1"),
        (EMAIL, "publish", target, "127.0.0.1"),
        (EMAIL, "save", target, "127.0.0.1"),
    ]


def test_a_refused_save_leaves_no_line(app, writer, add_statement):
    """A 403 (a writer publishing) and a 422 record nothing: the line is stored with the change."""
    before = len(lines(app))
    assert create_statement(writer, en_title="Sneaky", status="published").status_code == 403
    assert create_statement(writer, en_title="", status="draft").status_code == 422
    assert len(lines(app)) == before


def test_the_client_address_is_read_after_the_proxy_fix(
    make_app, staff_user, cheap_hashing  # noqa: F811
):
    """Behind a trusted proxy the address is the forwarded one; without it the header is
    ignored."""
    for proxies, expected in ((1, "203.0.113.9"), (0, "127.0.0.1")):
        app = make_app(PRESSROOM_PROXY_FIX=proxies)
        client = app.test_client()
        headers = {"X-Forwarded-For": "203.0.113.9"}
        client.get("/staff/sign-in", headers=headers)
        response = sign_in(client, headers=headers)
        assert response.status_code == 303
        assert lines(app)[-1] == (EMAIL, "sign-in", None, expected)


def test_role_changes_and_deactivation_on_the_command_line(app, runner, staff_user):
    """Recorded without an account or address: the command line is not a signed-in person."""
    assert runner.invoke(args=["staff", "set-role", staff_user, "writer"]).exit_code == 0
    assert runner.invoke(args=["staff", "deactivate", staff_user]).exit_code == 0
    assert lines(app) == [
        (None, "role", f"account {EMAIL}: editor → writer", None),
        (None, "deactivate", f"account {EMAIL}", None),
    ]


def test_counters_clocks_and_settings_are_recorded(app, staff):
    """Saves and deletions outside statements name their object too."""
    token = hidden(html(staff.get("/staff/clocks/new")), "csrf_token")
    saved = staff.post("/staff/clocks/new",
                       data={"csrf_token": token, "timezone": "Asia/Tokyo", "position": "0"})
    assert saved.status_code == 303
    with app.app_context():
        clock_id = db.session.scalar(select(AuditEntry.object_ref).where(
            AuditEntry.object_kind == "clock"))
    assert staff.post(f"/staff/clocks/{clock_id}/delete",
                      data={"csrf_token": token}).status_code == 303
    assert [line[1:3] for line in lines(app)[1:]] == [
        ("save", f"clock {clock_id}"), ("delete", f"clock {clock_id}")
    ]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", ("Audit log", "Failed sign-in", "Client address")),
     ("ru", ("Журнал действий", "Неудачный вход", "Адрес клиента"))],
)
def test_editors_read_the_log_a_page_at_a_time_newest_first(app, staff, lang, words):
    """50 lines a page, the newest first, in the staff page's language; writers get a 403."""
    with app.app_context():
        start = timekeeping.utcnow()
        db.session.add_all([
            AuditEntry(at=start + timedelta(minutes=n), action="sign-in-failed",
                       email=f"guess{n:03d}@example.org", address="192.0.2.1")
            for n in range(120)
        ])
        db.session.commit()
    first = html(staff.get(f"/staff/audit?lang={lang}"))
    for word in words:
        assert word in first
    # The sign-in that made the `staff` fixture is the oldest line; the newest is first.
    assert first.index("guess119@") < first.index("guess118@")
    assert "guess070@" in first and "guess069@" not in first
    assert "Page 1 of 3" in first or "Страница 1 из 3" in first
    second = html(staff.get(f"/staff/audit?lang={lang}&page=2"))
    assert "guess069@" in second and "guess020@" in second
    assert "guess019@" not in second and "guess070@" not in second
    third = html(staff.get(f"/staff/audit?lang={lang}&page=3"))
    assert "guess000@" in third and EMAIL in third
    beyond = html(staff.get(f"/staff/audit?lang={lang}&page=99"))
    assert beyond.split("<tbody>")[1] == third.split("<tbody>")[1]


def test_lines_about_statements_link_to_them(app, staff):
    """A statement's line links to its form; a reference that is no id (an imported file's)
    is shown as text."""
    created = create_statement(staff, en_title="Port dues", status="draft")
    statement_id = statement_id_from(created)
    with app.app_context():
        audit.record("save", kind="statement", ref="not-an-id")
        db.session.commit()
    page = html(staff.get("/staff/audit"))
    assert f'href="/staff/statements/{statement_id}/edit?lang=en"' in page
    assert "Statement: not-an-id" in page


def test_writers_cannot_read_the_log(writer):
    """The log is an editor's."""
    assert writer.get("/staff/audit").status_code == 403


def test_staff_audit_prints_the_latest_lines(app, clock, runner, staff):
    """`flask staff audit --limit N`: the N newest lines, tab-separated, times in UTC."""
    assert runner.invoke(args=["staff", "set-role", EMAIL, "writer"]).exit_code == 0
    result = runner.invoke(args=["staff", "audit", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"2026-03-15 09:00:00 UTC\t-\trole\taccount {EMAIL}: editor → writer\tcommand line\n"
    )
    both = runner.invoke(args=["staff", "audit"]).output.splitlines()
    assert len(both) == 2 and f"\t{EMAIL}\tsign-in\t-\t127.0.0.1" in both[1]
    assert runner.invoke(args=["staff", "audit", "--limit", "0"]).exit_code != 0


def test_an_empty_log_says_so(runner, app):
    """No lines: a sentence, not silence."""
    assert runner.invoke(args=["staff", "audit"]).output == "The audit log is empty.\n"


def test_the_log_travels_with_the_accounts(app, staff, tmp_path, runner):
    """`export --with-staff` carries the log; without it, neither accounts nor log; importing
    accounts (with --replace) replaces the log with the file's."""
    with_staff = tmp_path / "with.json"
    assert runner.invoke(args=["export", "--with-staff", str(with_staff)]).exit_code == 0
    document = json.loads(with_staff.read_text(encoding="utf-8"))
    assert [line["action"] for line in document["audit"]] == ["sign-in"]
    plain = tmp_path / "plain.json"
    assert runner.invoke(args=["export", str(plain)]).exit_code == 0
    assert "audit" not in json.loads(plain.read_text(encoding="utf-8"))
    before = lines(app)
    with app.app_context():
        audit.record("sign-out")
        db.session.commit()
    result = runner.invoke(args=["import", "--replace", str(with_staff)])
    assert result.exit_code == 0, result.output
    assert "1 staff accounts, 1 audit log lines" in result.output
    assert lines(app) == before


def test_an_audit_line_naming_an_account_the_file_lacks_is_refused(app, staff):
    """A file whose log names a missing account (or has a log without accounts) is refused."""
    with app.app_context():
        document = transfer.dump(with_staff=True)
        document["audit"][0]["account_id"] = 999
        with pytest.raises(transfer.TransferError, match="names account 999"):
            transfer.load(document, replace=True)
        document["staff"] = []
        with pytest.raises(transfer.TransferError, match="only with the staff accounts"):
            transfer.load(document, replace=True)


def test_accounts_from_before_roles_arrive_as_editors(app, staff):
    """A version 2 file's accounts have no role: they become editors, as the migration made
    every account."""
    with app.app_context():
        document = transfer.dump(with_staff=True)
        document["version"] = 2
        del document["audit"]
        for account in document["staff"]:
            del account["role"]
            account["email"] = "FORMER@example.org"
        transfer.load(document, replace=True)
        assert db.session.execute(select(StaffUser.email, StaffUser.role)).all() == [
            ("former@example.org", "editor")
        ]
        assert db.session.scalars(select(AuditEntry)).all() == []
