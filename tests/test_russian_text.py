"""Russian text on every database: listings order by date, never by title; text stays exact.

The app sorts nothing by text, so the database collation (C.UTF-8 on the CI machine, which puts
«ё» after «я») never decides an order the visitor sees. These tests hold that on SQLite and,
with TEST_DATABASE_URL, on PostgreSQL.
"""

import re
from datetime import date, timedelta

from sqlalchemy import select, text

from pressroom import timekeeping
from pressroom.extensions import db
from pressroom.models import DayCounter, DayCounterText, Statement, StatementText

#: Titles whose alphabetical, code-point and date orders all differ.
TITLES = ["Ёлка у вокзала", "ёжик в тумане", "Яблоки из сада", "арбузы с юга", "Эхо", "Борщ"]


def test_listing_orders_russian_titles_by_date(app, client, clock, add_statement):
    """Newest first, whatever the titles' alphabet or case."""
    for hours, title in enumerate(TITLES):
        add_statement({"ru": title}, published_at=clock.now - timedelta(hours=hours + 1))
    page = client.get("/ru/statements/").get_data(as_text=True)
    shown = re.findall(r'class="row-title"><a [^>]+>([^<]+)<', page)
    assert shown == TITLES


def test_russian_text_is_stored_and_compared_exactly(app):
    """Ё is not Е, case is kept, and equality finds exactly the stored title."""
    titles = ["Ёлка у вокзала", "Елка у вокзала", "ёлка у вокзала"]
    with app.app_context():
        db.session.add_all(
            Statement(published_at=timekeeping.utcnow(),
                      texts=[StatementText(lang="ru", title=title, slug=f"elka-{n}")])
            for n, title in enumerate(titles)
        )
        db.session.commit()
        stored = db.session.scalars(select(StatementText.title).order_by(StatementText.slug))
        assert list(stored) == titles
        found = db.session.scalars(
            select(StatementText.title).where(StatementText.title == "Ёлка у вокзала")
        ).all()
        assert found == ["Ёлка у вокзала"]
        if db.engine.dialect.name == "postgresql":
            assert db.session.scalar(text("SHOW server_encoding")) == "UTF8"


def test_counter_label_brings_its_own_preposition(app, client, clock):
    """A label written with «со» is shown as written, after a capitalised verb that agrees with
    the number: no fixed «с» in front of it («с со дня», «с смерти»)."""
    with app.app_context():
        db.session.add(DayCounter(
            event_date=date(2023, 6, 17), timezone="Europe/Moscow",
            texts=[DayCounterText(lang="ru", label="со дня гибели экипажа «Северного фонаря»",
                                  label_ahead="до годовщины")],
        ))
        db.session.commit()
    page = client.get("/ru/").get_data(as_text=True)
    assert "Прошло 1\xa0002 дня со дня гибели экипажа «Северного фонаря»" in page
    assert " с со " not in page
