"""The demo content command."""

from sqlalchemy import func, select

from pressroom.extensions import db
from pressroom.models import Clock, DayCounter, SiteSettings, Statement, StatementText


def test_demo_loads_once(app, runner):
    """The demo has 40+ statements of every kind, some in one language; a rerun adds nothing."""
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo"])
    assert "0 new statements" in second.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Statement)) >= 40
        kinds = set(db.session.scalars(select(Statement.kind)))
        assert kinds == {"statement", "speech", "interview", "article", "comment"}
        per_statement = db.session.execute(
            select(StatementText.statement_id, func.count()).group_by(StatementText.statement_id)
        ).all()
        assert {n for _, n in per_statement} == {1, 2}
        assert db.session.scalar(select(func.count()).select_from(DayCounter)) == 2
        assert set(db.session.scalars(select(Clock.timezone))) == {"Europe/Moscow", "Europe/London"}
        assert db.session.scalar(select(func.count()).select_from(SiteSettings)) == 2


def test_demo_site_renders(client, runner):
    """Every demo page answers in both languages."""
    runner.invoke(args=["demo"])
    for lang in ("en", "ru"):
        assert client.get(f"/{lang}/").status_code == 200
        assert client.get(f"/{lang}/statements/?page=2").status_code == 200
