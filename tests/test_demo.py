"""The demo content command."""

import re

from sqlalchemy import func, select

from pressroom.extensions import db
from pressroom.models import KINDS, Clock, DayCounter, SiteSettings, Statement, StatementText


def test_demo_loads_once(app, runner):
    """The demo has 40+ statements of every kind, some in one language; a rerun adds nothing."""
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo"])
    assert "0 new statements" in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Statement)) >= 40
        kinds = set(db.session.scalars(select(Statement.kind)))
        assert kinds == set(KINDS)
        per_statement = db.session.execute(
            select(StatementText.statement_id, func.count()).group_by(StatementText.statement_id)
        ).all()
        assert {n for _, n in per_statement} == {1, 2}
        assert db.session.scalar(select(func.count()).select_from(DayCounter)) == 3
        assert set(db.session.scalars(select(Clock.timezone))) == {"Europe/Moscow", "Europe/London"}
        assert db.session.scalar(select(func.count()).select_from(SiteSettings)) == 2


def test_demo_site_renders(client, runner):
    """Every demo page answers in both languages."""
    runner.invoke(args=["demo"])
    for lang in ("en", "ru"):
        assert client.get(f"/{lang}/").status_code == 200
        assert client.get(f"/{lang}/statements/?page=2").status_code == 200


def test_demo_front_page_reads_in_sentences(client, runner):
    """The demo's counters read as sentences in each language, one of them counting down to
    an event ahead, and its footer gives the invented contacts as links."""
    runner.invoke(args=["demo"])
    english = client.get("/en/").get_data(as_text=True)
    assert "days have passed since the signing of the Lorrin Strait Accord" in english
    assert "days to go until the opening of the Castrell Maritime Forum" in english
    assert 'href="tel:+74950000000">+7 495 000-00-00</a>' in english
    assert 'href="mailto:press@example.org"' in english
    russian = client.get("/ru/").get_data(as_text=True)
    assert re.search(
        r"Прошло [\d\xa0]+ (дня|дней) со дня подписания Лорринского соглашения", russian
    )
    assert re.search(r"Остал(ось|ся) \d+ д(ень|ня|ней) до открытия Морского форума в Кастрелле",
                     russian)
    assert "Дежурный телефон консульской службы" in russian


def test_demo_statements_are_edited_as_markdown(app, runner, staff):
    """A demo statement's edit form shows its text as Markdown paragraphs (as if a person had
    written it there), never its HTML, and that Markdown renders the stored paragraphs."""
    from pressroom.text import markdown_to_html

    from .staff_client import html

    runner.invoke(args=["demo"])
    with app.app_context():
        text = db.session.scalars(
            select(StatementText).where(StatementText.lang == "ru").order_by(StatementText.id)
        ).first()
        sid, source, body = text.statement_id, text.body_source, text.body
    assert source and "<p>" not in source and "\n\n" in source
    assert markdown_to_html(source).replace("\n", "") == body
    form = html(staff.get(f"/staff/statements/{sid}/edit"))
    assert "&lt;p&gt;" not in form
    assert source.split("\n\n")[1] in form
