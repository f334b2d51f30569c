"""search index: each document's language, statement and summary

Revision ID: b7e1c3d5f246
Revises: f3c9a5d7e124
Create Date: 2026-11-30 00:10:00

On PostgreSQL each row of the search index also holds its text's language and statement, which
never change, and the plain text a result's snippet is cut from: a search walks the index
newest first and now learns each match's language and statement without looking its text up,
and cuts snippets without reading the stored HTML again (see pressroom/search.py). The index is rebuilt here, with the
same code as `flask search reindex` (the search index migration leaves it empty on
PostgreSQL). The SQLite index (FTS5) is unchanged.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "b7e1c3d5f246"
down_revision = "f3c9a5d7e124"
branch_labels = None
depends_on = None

COLUMNS = (("lang", "VARCHAR(2)"), ("statement_id", "INTEGER"), ("summary", "TEXT"))


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE statement_search "
        + ", ".join(f"ADD COLUMN {name} {type_}" for name, type_ in COLUMNS)
        # A row too long for its page moves its summary out before its document.
        + ", ALTER COLUMN document SET STORAGE MAIN"
    )
    from pressroom.search import reindex

    for _done in reindex(bind):
        pass
    op.execute(
        "ALTER TABLE statement_search "
        + ", ".join(f"ALTER COLUMN {name} SET NOT NULL" for name, _type in COLUMNS)
    )


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE statement_search "
        + ", ".join(f"DROP COLUMN {name}" for name, _type in COLUMNS)
        + ", ALTER COLUMN document SET STORAGE EXTENDED"
    )
