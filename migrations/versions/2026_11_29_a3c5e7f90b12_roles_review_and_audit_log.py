"""roles, review and audit log

Revision ID: a3c5e7f90b12
Revises: 4f6a0c2d81b7
Create Date: 2026-11-29 12:00:00

Staff accounts get a role (writer or editor; every account made before roles existed becomes an
editor, so nobody loses what they could do), statements a third status, "review", and the audit
log its table. Stored emails are normalised again with NFKC as well as case folding (what
`accounts.normalize_email` now does); an address whose normalised form another account already
has is left as it was, rather than failing the upgrade. Going down, statements in review become
drafts (the older schema has no other place for them).
"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a3c5e7f90b12"
down_revision = "4f6a0c2d81b7"
branch_labels = None
depends_on = None

OLD_STATUSES = ("draft", "published")
NEW_STATUSES = ("draft", "review", "published")


def replace_statuses(statuses: tuple[str, ...]) -> None:
    """Replace the CHECK constraint on statement.status with one allowing `statuses`."""
    # SQLite cannot alter a constraint: batch mode copies the table, constraints and all.
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_statement_status"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_statement_status"), f"status IN ({', '.join(map(repr, statuses))})"
        )


def normalise_emails() -> None:
    """Store every email NFKC-normalised and case-folded, unless that would make a duplicate."""
    staff = sa.table("staff_user", sa.column("id", sa.Integer), sa.column("email", sa.String))
    connection = op.get_bind()
    rows = connection.execute(sa.select(staff.c.id, staff.c.email)).all()
    taken = {email for _id, email in rows}
    for row_id, email in rows:
        wanted = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", email).casefold())
        if wanted != email and wanted not in taken:
            connection.execute(staff.update().where(staff.c.id == row_id).values(email=wanted))
            taken.add(wanted)


def upgrade():
    replace_statuses(NEW_STATUSES)
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role", sa.String(length=10), nullable=False, server_default="editor")
        )
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.alter_column("role", server_default=None)
        batch_op.create_check_constraint(
            batch_op.f("ck_staff_user_role"), "role IN ('writer', 'editor')"
        )
    normalise_emails()
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("object_kind", sa.String(length=20), nullable=True),
        sa.Column("object_ref", sa.String(length=254), nullable=True),
        sa.Column("address", sa.String(length=45), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["staff_user.id"],
            name=op.f("fk_audit_entry_account_id_staff_user"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_account_id"), ["account_id"], unique=False)


def downgrade():
    op.drop_table("audit_entry")
    with op.batch_alter_table("staff_user", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_staff_user_role"), type_="check")
        batch_op.drop_column("role")
    statement = sa.table("statement", sa.column("status", sa.String))
    op.execute(
        statement.update().where(statement.c.status.notin_(OLD_STATUSES)).values(status="draft")
    )
    replace_statuses(OLD_STATUSES)
