"""The roles migration with data in the tables: existing accounts become editors, stored emails
are normalised again (unless that would make a duplicate), and statements in review come back
down as drafts."""

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from pressroom import ROOT, create_app
from pressroom.extensions import db

from .test_migrations import empty_database, revision_before, rows, run, statement_row  # noqa: F401

ROLES = "a3c5e7f90b12"


def account_row(account_id: int, email: str) -> str:
    """Return the SQL inserting an active account with `email`, as stored before roles."""
    return (
        "INSERT INTO staff_user (id, email, password_hash, active, session_token, created_at)"
        f" VALUES ({account_id}, '{email}', '$argon2id$', true, 'token{account_id}',"
        " '2026-03-01 09:00:00')"
    )


def test_accounts_become_editors_and_review_goes_back_to_draft(
    app_config, empty_database  # noqa: F811
):
    """Upgrade: every account an editor, emails NFKC-normalised (a duplicate left as it was);
    downgrade: a statement in review becomes a draft, the audit log and roles go."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    directory = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=directory, revision=revision_before(ROLES))
        run(
            # Stored case-folded by the code before this migration, but not NFKC-normalised.
            account_row(1, "ｐｒｅｓｓ@example.org"),
            account_row(2, "desk@example.org"),
            # Its normalised form is account 2's address: it stays as it was.
            account_row(3, "ｄｅｓｋ@example.org"),
            statement_row(1),
        )
        upgrade(directory=directory, revision=ROLES)
        assert rows("SELECT id, email, role FROM staff_user ORDER BY id") == [
            (1, "press@example.org", "editor"),
            (2, "desk@example.org", "editor"),
            (3, "ｄｅｓｋ@example.org", "editor"),
        ]
        run(
            "UPDATE statement SET status = 'review' WHERE id = 1",
            "INSERT INTO audit_entry (id, at, account_id, email, action, object_kind, object_ref,"
            " address) VALUES (1, '2026-03-01 09:00:00', 1, 'press@example.org', 'submit',"
            " 'statement', '1', '127.0.0.1')",
        )
        downgrade(directory=directory, revision=revision_before(ROLES))
        assert rows("SELECT id, status FROM statement") == [(1, "draft")]
        found = inspect(db.engine)
        assert "role" not in {column["name"] for column in found.get_columns("staff_user")}
        assert "audit_entry" not in found.get_table_names()
        downgrade(directory=directory, revision="base")
        db.engine.dispose()
