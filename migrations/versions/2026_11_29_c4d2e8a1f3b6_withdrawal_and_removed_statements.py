"""withdrawal and removed statements

Revision ID: c4d2e8a1f3b6
Revises: 5b8d1e3f6a24
Create Date: 2026-11-29 12:40:00

A published statement can be withdrawn: `statement.withdrawn_at` says when, and each text's
`withdrawn_reason` why, in its language. A deleted statement leaves its id and the time of
deletion in `removed_statement`, so its addresses answer 410 Gone. Going down, withdrawn
statements become drafts (the older schema has no way to keep them off the listings while
their page stays), and the record of deleted ids is dropped.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c4d2e8a1f3b6"
down_revision = "5b8d1e3f6a24"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, never batch mode: on SQLite, batch mode copies statement_text and would
# lose the search index's trigger on it (pressroom/search.py). The empty server default stays:
# SQLite cannot drop it without that copy, and it is what the model writes anyway.


def upgrade():
    op.add_column("statement", sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
    op.add_column(
        "statement_text",
        sa.Column("withdrawn_reason", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "removed_statement",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_removed_statement")),
    )


def downgrade():
    statement = sa.table(
        "statement", sa.column("status", sa.String), sa.column("withdrawn_at", sa.DateTime)
    )
    op.execute(
        statement.update().where(statement.c.withdrawn_at.is_not(None)).values(status="draft")
    )
    op.drop_table("removed_statement")
    op.drop_column("statement_text", "withdrawn_reason")
    op.drop_column("statement", "withdrawn_at")
