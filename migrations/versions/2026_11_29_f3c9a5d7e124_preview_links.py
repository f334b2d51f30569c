"""preview links

Revision ID: f3c9a5d7e124
Revises: e2b8f4c6d013
Create Date: 2026-11-29 15:30:00

Signed preview links: `preview_link` keeps the SHA-256 of each link's token, its statement,
who made it, when it expires and when it was revoked. The staff dashboard reads every statement
newest first and its withdrawn ones apart: two indexes on `statement` serve it. Going down, the
links are dropped (they only ever lent a draft for a while).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "f3c9a5d7e124"
down_revision = "e2b8f4c6d013"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "preview_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["staff_user.id"],
            name=op.f("fk_preview_link_created_by_staff_user"), ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statement.id"],
            name=op.f("fk_preview_link_statement_id_statement"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preview_link")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_preview_link_token_hash")),
    )
    op.create_index(
        op.f("ix_preview_link_statement_id"), "preview_link", ["statement_id"], unique=False
    )
    # Plain CREATE INDEX: no batch mode on SQLite (see c4d2e8a1f3b6).
    op.create_index("ix_statement_published_at_id", "statement", ["published_at", "id"])
    op.create_index("ix_statement_withdrawn_at", "statement", ["withdrawn_at"])


def downgrade():
    op.drop_index("ix_statement_withdrawn_at", table_name="statement")
    op.drop_index("ix_statement_published_at_id", table_name="statement")
    op.drop_index(op.f("ix_preview_link_statement_id"), table_name="preview_link")
    op.drop_table("preview_link")
