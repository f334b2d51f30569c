"""statement images

Revision ID: e2b8f4c6d013
Revises: d1a7e3b5c902
Create Date: 2026-11-29 15:30:00

A statement may have a lead image: `statement_image` holds its size and renditions (the files
are in the media storage, not in the database), and each text its alt text, caption and credit
in that language. Going down drops them; the image files stay in the storage, unreferenced.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "e2b8f4c6d013"
down_revision = "d1a7e3b5c902"
branch_labels = None
depends_on = None

#: The per-language columns added to statement_text.
TEXT_COLUMNS = ("image_alt", "image_caption", "image_credit")

# Plain ALTER TABLE, never batch mode: on SQLite, batch mode copies statement_text and would
# lose the search index's trigger on it (pressroom/search.py). The empty server defaults stay,
# as for withdrawn_reason: SQLite cannot drop them without that copy.


def upgrade():
    op.create_table(
        "statement_image",
        sa.Column("statement_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("renditions", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["statement.id"],
            name=op.f("fk_statement_image_statement_id_statement"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("statement_id", name=op.f("pk_statement_image")),
    )
    for name in TEXT_COLUMNS:
        op.add_column(
            "statement_text", sa.Column(name, sa.Text(), nullable=False, server_default="")
        )


def downgrade():
    for name in reversed(TEXT_COLUMNS):
        op.drop_column("statement_text", name)
    op.drop_table("statement_image")
