"""statement revisions and change notes

Revision ID: d1a7e3b5c902
Revises: c4d2e8a1f3b6
Create Date: 2026-11-29 15:30:00

Every save of a statement stores a row in `statement_revision`: who, when, a snapshot of the
statement after the save, and the public change note of that save in each language, if any.
`statement.public_updated_at` is when readers were last told of a change: feeds, link previews
and JSON-LD give it as the modified time, and a minor edit leaves it alone. Going up, a
published statement saved after its publication time keeps the modified time it showed before
(its `updated_at`), so no public date moves with the upgrade. Going down, the history and the
notes are dropped.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "d1a7e3b5c902"
down_revision = "c4d2e8a1f3b6"
branch_labels = None
depends_on = None


# Plain ALTER TABLE on `statement` (not statement_text, whose search trigger batch mode would
# lose; see c4d2e8a1f3b6): a nullable column needs no copy of the table on SQLite either.


def upgrade():
    op.add_column("statement", sa.Column("public_updated_at", sa.DateTime(), nullable=True))
    statement = sa.table(
        "statement",
        sa.column("status", sa.String),
        sa.column("published_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
        sa.column("public_updated_at", sa.DateTime),
    )
    op.execute(
        statement.update()
        .where(
            statement.c.status == "published",
            statement.c.updated_at > statement.c.published_at,
        )
        .values(public_updated_at=statement.c.updated_at)
    )
    op.create_table(
        "statement_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("statement_version", sa.Integer(), nullable=False),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statement.id"],
            name=op.f("fk_statement_revision_statement_id_statement"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_revision")),
        sa.UniqueConstraint(
            "statement_id", "number", name=op.f("uq_statement_revision_statement_id_number")
        ),
    )


def downgrade():
    op.drop_table("statement_revision")
    op.drop_column("statement", "public_updated_at")
