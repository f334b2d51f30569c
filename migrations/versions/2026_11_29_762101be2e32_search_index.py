"""search index

Revision ID: 762101be2e32
Revises: 7c1e2d4a9b30
Create Date: 2026-11-30 10:00:00

The full-text index of statement texts (see pressroom/search.py): on PostgreSQL a table of
tsvectors with a GIN index, on SQLite an FTS5 table and a trigger that forgets deleted texts.
Neither is in the models' metadata. The statements already stored are indexed here, with the
same code as `flask search reindex`; on PostgreSQL that code writes the columns a later
migration adds (b7e1c3d5f246), which indexes them instead.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = "762101be2e32"
down_revision = "7c1e2d4a9b30"
branch_labels = None
depends_on = None

CREATE = {
    "postgresql": (
        "CREATE TABLE statement_search ("
        " text_id INTEGER NOT NULL,"
        " document TSVECTOR NOT NULL,"
        " CONSTRAINT pk_statement_search PRIMARY KEY (text_id),"
        " CONSTRAINT fk_statement_search_text_id_statement_text FOREIGN KEY (text_id)"
        " REFERENCES statement_text (id) ON DELETE CASCADE)",
        "CREATE INDEX ix_statement_search_document ON statement_search USING gin (document)",
    ),
    "sqlite": (
        "CREATE VIRTUAL TABLE statement_search USING fts5("
        "title, lead, body, tokenize = 'unicode61 remove_diacritics 0')",
        "CREATE TRIGGER statement_search_forget AFTER DELETE ON statement_text"
        " BEGIN DELETE FROM statement_search WHERE rowid = old.id; END",
    ),
}
DROP = {
    "postgresql": ("DROP TABLE statement_search",),
    "sqlite": ("DROP TRIGGER statement_search_forget", "DROP TABLE statement_search"),
}


def upgrade():
    bind = op.get_bind()
    for statement in CREATE[bind.dialect.name]:
        op.execute(statement)
    if bind.dialect.name == "postgresql":
        return
    from pressroom.search import reindex

    for _done in reindex(bind):
        pass


def downgrade():
    for statement in DROP[op.get_bind().dialect.name]:
        op.execute(statement)
