"""export / import: all content as one JSON file; a round trip loses nothing."""

import json

import pytest
from sqlalchemy import func, select

from pressroom import timekeeping
from pressroom.demo import load_demo
from pressroom.extensions import db
from pressroom.models import Statement, StatementText


@pytest.fixture
def source_export(make_app, tmp_path):
    """The demo site on a SQLite database of its own, exported; returns the file's path."""
    source = make_app(
        SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'source.sqlite3'}", CACHE_TYPE="SimpleCache"
    )
    with source.app_context():
        db.create_all()
        load_demo("Europe/Moscow")
        # Text a careless conversion would lose: ё, quotes, a non-breaking space, an emoji.
        statement = db.session.scalar(select(Statement).order_by(Statement.id))
        statement.text("ru").lead = "Ёлки «зелёные»\xa0— 100\u202f% 🙂"
        db.session.commit()
    path = tmp_path / "export.json"
    result = source.test_cli_runner().invoke(args=["export", str(path)])
    assert result.exit_code == 0, result.output
    with source.app_context():
        db.engine.dispose()
    return path


def test_export_has_all_content_in_both_languages(source_export):
    """The file holds statements with both texts, counters, clocks and settings; no staff."""
    document = json.loads(source_export.read_text(encoding="utf-8"))
    assert document["format"] == "pressroom-content" and document["version"] == 1
    assert len(document["statements"]) == 46
    assert {len(s["texts"]) for s in document["statements"]} == {1, 2}
    assert {t["lang"] for s in document["statements"] for t in s["texts"]} == {"en", "ru"}
    assert len(document["day_counters"]) == 2
    assert {c["timezone"] for c in document["clocks"]} == {"Europe/Moscow", "Europe/London"}
    assert {s["lang"] for s in document["settings"]} == {"en", "ru"}
    assert "staff" not in document
    # Readable text, not \\u escapes.
    assert "Ёлки «зелёные»" in source_export.read_text(encoding="utf-8")


def test_round_trip_into_the_test_database_is_identical(source_export, runner, tmp_path, app):
    """SQLite → the test database (PostgreSQL in CI) → export: the same file, byte for byte."""
    result = runner.invoke(args=["import", str(source_export)])
    assert result.exit_code == 0, result.output
    assert "Imported 46 statements, 2 day counters, 2 clocks, 2 settings." in result.output
    again = tmp_path / "again.json"
    assert runner.invoke(args=["export", str(again)]).exit_code == 0
    assert again.read_bytes() == source_export.read_bytes()


def test_imported_site_is_served_and_accepts_new_statements(source_export, runner, app, client):
    """Addresses keep their ids, pages render, and a new statement gets a fresh id."""
    assert runner.invoke(args=["import", str(source_export)]).exit_code == 0
    document = json.loads(source_export.read_text(encoding="utf-8"))
    first = document["statements"][0]
    text = first["texts"][0]
    response = client.get(f"/{text['lang']}/statements/{first['id']}/{text['slug']}")
    assert response.status_code == 200
    assert client.get("/ru/").status_code == 200
    with app.app_context():
        statement = Statement(
            status="draft", published_at=timekeeping.utcnow(),
            texts=[StatementText(lang="en", title="New", slug="new")],
        )
        db.session.add(statement)
        db.session.commit()  # on PostgreSQL, this needs the id sequence moved past the import
        assert statement.id == max(s["id"] for s in document["statements"]) + 1


def test_import_refuses_a_database_with_content(source_export, runner, app):
    """Importing over existing content needs --replace, which replaces it whole."""
    assert runner.invoke(args=["import", str(source_export)]).exit_code == 0
    refused = runner.invoke(args=["import", str(source_export)])
    assert refused.exit_code != 0
    assert "already has content" in refused.output
    replaced = runner.invoke(args=["import", "--replace", str(source_export)])
    assert replaced.exit_code == 0, replaced.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Statement)) == 46


def test_with_staff_adds_the_staff_section(runner, app):
    """`--with-staff` is the only way staff accounts (and their hashes) leave the site."""
    result = runner.invoke(args=["export", "--with-staff", "-"])
    assert result.exit_code == 0
    assert json.loads(result.output)["staff"] == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"format": "something-else", "version": 1}', "not a pressroom-content document"),
        ('{"format": "pressroom-content", "version": 1}', "incomplete or malformed"),
    ],
)
def test_import_rejects_what_is_not_an_export(runner, app, tmp_path, content, message):
    """A file that is not an export is refused with a reason, and nothing is stored."""
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = runner.invoke(args=["import", str(path)])
    assert result.exit_code != 0
    assert message in result.output
