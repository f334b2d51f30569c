"""briefing and answers kinds

Revision ID: 4f6a0c2d81b7
Revises: 762101be2e32
Create Date: 2026-11-29 11:50:00

Two kinds of publication join the statement table's CHECK constraint: answers to media
questions and briefings. Going down, statements of those kinds become plain statements (the
older schema has no other place for them).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "4f6a0c2d81b7"
down_revision = "762101be2e32"
branch_labels = None
depends_on = None

OLD = ("statement", "speech", "interview", "article", "comment")
NEW = (*OLD, "answers", "briefing")


def replace_kinds(kinds: tuple[str, ...]) -> None:
    """Replace the CHECK constraint on statement.kind with one allowing `kinds`."""
    # SQLite cannot alter a constraint: batch mode copies the table, constraints and all.
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_statement_kind"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_statement_kind"), f"kind IN ({', '.join(map(repr, kinds))})"
        )


def upgrade():
    replace_kinds(NEW)


def downgrade():
    statement = sa.table("statement", sa.column("kind", sa.String))
    op.execute(
        statement.update().where(statement.c.kind.notin_(OLD)).values(kind="statement")
    )
    replace_kinds(OLD)
