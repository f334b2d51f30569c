"""Migrations build the schema the models describe, and come back down."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from pressroom import ROOT, create_app, search
from pressroom.extensions import db
from pressroom.search import outside_models


@pytest.fixture
def empty_database(database_url, tmp_path):
    """An empty database: a new SQLite file, or a PostgreSQL schema of its own."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
        return
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS migration_test CASCADE"))
        connection.execute(text("CREATE SCHEMA migration_test"))
    separator = "&" if "?" in database_url else "?"
    yield f"{database_url}{separator}options=-csearch_path%3Dmigration_test"
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA migration_test CASCADE"))
    engine.dispose()


def test_upgrade_matches_models_and_downgrade_empties(app_config, empty_database):
    """Upgrade from empty to head finds no difference from the models; downgrade removes all."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_name": outside_models}
            )
            assert compare_metadata(context, db.metadata) == []
        downgrade(directory=str(ROOT / "migrations"), revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def revision_before(revision: str) -> str:
    """Return the revision a migration follows."""
    config = Config()
    config.set_main_option("script_location", str(ROOT / "migrations"))
    return ScriptDirectory.from_config(config).get_revision(revision).down_revision


def rows(sql: str) -> list[tuple]:
    """Return the rows a query reads from the app's database."""
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(sql))]


def run(*statements: str) -> None:
    """Run SQL statements in one transaction on the app's database."""
    with db.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def statement_row(statement_id: int, kind: str = "statement", **columns: str) -> str:
    """Return the SQL inserting a published statement (more columns as SQL literals)."""
    names = "".join(f", {name}" for name in columns)
    values = "".join(f", {value}" for value in columns.values())
    return (
        "INSERT INTO statement (id, kind, published_at, status, featured, created_at,"
        f" updated_at, version{names}) VALUES ({statement_id}, '{kind}', '2026-03-01 09:00:00',"
        f" 'published', false, '2026-03-01 09:00:00', '2026-03-01 09:00:00', 1{values})"
    )


PREPOSITIONS = "5b8d1e3f6a24"
KINDS = "4f6a0c2d81b7"


def test_counter_labels_get_prepositions_and_contacts_go_both_ways(app_config, empty_database):
    """Upgrading gives stored labels the preposition the old sentence put before them (and the
    event before it «до …»), keeps the contact line as the free line and adds empty contacts;
    downgrading takes the prepositions off and joins the contacts into the contact line."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    directory = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=directory, revision=revision_before(PREPOSITIONS))
        run(
            "INSERT INTO day_counter (id, event_date, timezone, position)"
            " VALUES (1, '2023-06-14', 'Europe/Moscow', 0), (2, '2024-01-01', 'UTC', 1)",
            "INSERT INTO day_counter_text (id, counter_id, lang, label, caption) VALUES"
            " (1, 1, 'ru', 'смерти поэта', ''), (2, 1, 'en', 'the accord', ''),"
            " (3, 2, 'ru', 'подписания', '')",
            "INSERT INTO site_settings (lang, site_title, contact_line)"
            " VALUES ('ru', 'Пресс-служба', 'Тел. 123')",
        )
        upgrade(directory=directory, revision=PREPOSITIONS)
        assert rows("SELECT label, label_ahead FROM day_counter_text ORDER BY id") == [
            ("со смерти поэта", "до смерти поэта"),
            ("since the accord", "until the accord"),
            ("с подписания", "до подписания"),
        ]
        assert rows(
            "SELECT contact_line, contact_address, contact_phone_label, contact_phone,"
            " contact_email FROM site_settings"
        ) == [("Тел. 123", "", "", "", "")]
        run(
            "UPDATE site_settings SET contact_address = 'Кастрелл', contact_phone = '+7 1',"
            " contact_phone_label = 'Дежурный', contact_email = 'press@example.org'",
            "UPDATE day_counter_text SET label = '', label_ahead = 'до открытия' WHERE id = 3",
        )
        downgrade(directory=directory, revision=revision_before(PREPOSITIONS))
        assert rows("SELECT label FROM day_counter_text ORDER BY id") == [
            ("смерти поэта",), ("the accord",), ("открытия",)
        ]
        assert rows("SELECT contact_line FROM site_settings") == [
            ("Кастрелл · Дежурный: +7 1 · press@example.org · Тел. 123",)
        ]
        downgrade(directory=directory, revision="base")
        db.engine.dispose()


def test_new_kinds_become_statements_going_down(app_config, empty_database):
    """Briefings and answers are allowed after the kinds migration and become statements
    before it, whose CHECK constraint refuses them again."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    directory = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=directory, revision=KINDS)
        run(statement_row(1, "briefing"), statement_row(2, "answers"),
            statement_row(3, "speech"))
        downgrade(directory=directory, revision=revision_before(KINDS))
        assert rows("SELECT kind FROM statement ORDER BY id") == [
            ("statement",), ("statement",), ("speech",)
        ]
        with pytest.raises(IntegrityError):
            run(statement_row(4, "briefing"))
        downgrade(directory=directory, revision="base")
        db.engine.dispose()


WITHDRAWAL = "c4d2e8a1f3b6"


def test_withdrawal_keeps_the_search_trigger_and_withdrawn_become_drafts_going_down(
    app_config, empty_database
):
    """The withdrawal migration adds its columns without copying statement_text (SQLite's
    search trigger on it survives); going down, a
    withdrawn statement becomes a draft, since the older schema would list it again."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    directory = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=directory, revision=WITHDRAWAL)
        if db.engine.dialect.name == "sqlite":
            assert rows(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ) == [("statement_search_forget",)]
        run(statement_row(1, withdrawn_at="'2026-03-02 09:00:00'"), statement_row(2),
            "INSERT INTO statement_text (id, statement_id, lang, title, slug, lead, body,"
            " body_source) VALUES (1, 1, 'en', 'Old', 'old', '', '', '')",
            "INSERT INTO removed_statement (id, deleted_at) VALUES (7, '2026-03-03 09:00:00')")
        assert rows("SELECT withdrawn_reason FROM statement_text") == [("",)]
        downgrade(directory=directory, revision=revision_before(WITHDRAWAL))
        assert rows("SELECT id, status FROM statement ORDER BY id") == [
            (1, "draft"), (2, "published")
        ]
        assert "removed_statement" not in inspect(db.engine).get_table_names()
        downgrade(directory=directory, revision="base")
        db.engine.dispose()


SEARCH_INDEX = "762101be2e32"


def test_statements_stored_before_the_search_index_are_found_at_head(app_config, empty_database):
    """A text stored before the search index existed is indexed on the way up, on PostgreSQL
    by the migration that gives the index its language, statement and summary columns (the
    index's code writes those), on SQLite by the search index's own; the search finds it, with
    its snippet, in its language only."""
    app = create_app({**app_config, "SQLALCHEMY_DATABASE_URI": empty_database})
    directory = str(ROOT / "migrations")
    with app.app_context():
        upgrade(directory=directory, revision=revision_before(SEARCH_INDEX))
        run(
            statement_row(1),
            "INSERT INTO statement_text (id, statement_id, lang, title, slug, lead, body,"
            " body_source) VALUES (1, 1, 'ru', 'Об ледоколах', 'ob-ledokolakh', 'Коротко.',"
            " '<p>Новые <strong>ледоколы</strong> вышли в море.</p>',"
            " 'Новые **ледоколы** вышли в море.')",
        )
        upgrade(directory=directory)
        results = search.find("ru", "ледокол")
        assert [hit.id for hit in results.hits] == [1]
        assert results.hits[0].snippet == (
            "Коротко. Новые <mark>ледоколы</mark> вышли в море."
        )
        assert not search.find("en", "ледокол").hits
        if db.engine.dialect.name == "postgresql":
            # As `search.CREATE` makes it: the document stays in the row, the summary goes out.
            assert rows(
                "SELECT attstorage FROM pg_attribute WHERE attname = 'document'"
                " AND attrelid = 'statement_search'::regclass"
            ) == [("m",)]
        db.session.remove()  # its transaction would hold the index against the downgrade
        downgrade(directory=directory, revision="base")
        db.engine.dispose()
