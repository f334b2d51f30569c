"""Two app instances on one PostgreSQL and one Redis: a write through one shows on the other.

Both run under gunicorn, as two hosts behind a load balancer would. The statement is written as
a save does it: stored, then `content_changed()` in an app configured like the instances.
"""

import os
from datetime import timedelta

import pytest

from pressroom import timekeeping
from pressroom.extensions import db
from pressroom.models import Statement, StatementText

from .servers import AppServer
from .staff_client import StaffBrowser


@pytest.fixture
def two_instances(app, app_config, tmp_path):
    """Two gunicorn instances on the test database and the test Redis, under the test's prefix."""
    if not (os.environ.get("TEST_DATABASE_URL") and os.environ.get("TEST_REDIS_URL")):
        pytest.skip("needs TEST_DATABASE_URL and TEST_REDIS_URL (PostgreSQL and Redis)")
    env = {
        "DATABASE_URL": app_config["SQLALCHEMY_DATABASE_URI"],
        "CACHE_REDIS_URL": app_config["CACHE_REDIS_URL"],
        "CACHE_KEY_PREFIX": app_config["CACHE_KEY_PREFIX"],
    }
    servers = []
    try:
        for name in ("a", "b"):
            servers.append(AppServer(env, tmp_path / f"gunicorn-{name}.log"))
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_a_statement_saved_through_one_is_shown_by_the_other(two_instances, app, add_statement):
    """Both instances cache the pages; after a save both show the new statement at once."""
    a, b = two_instances
    add_statement({"en": "Earlier news", "ru": "Прежние новости"})
    for server in (a, b):
        for path in ("/en/", "/ru/statements/"):
            response = server.get(path)
            assert response.status == 200
            assert "Harbour talks resume" not in response.text
            assert "Переговоры в порту возобновлены" not in response.text
    with app.app_context():  # stored without invalidating: the cached pages stay as they were
        db.session.add(
            Statement(
                status="published",
                published_at=timekeeping.utcnow() - timedelta(minutes=5),
                texts=[StatementText(lang="en", title="Quiet correction", slug="quiet-correction")],
            )
        )
        db.session.commit()
    assert "Quiet correction" not in b.get("/en/").text
    add_statement({"en": "Harbour talks resume", "ru": "Переговоры в порту возобновлены"})
    assert "Harbour talks resume" in b.get("/en/").text
    assert "Quiet correction" in b.get("/en/").text
    assert "Переговоры в порту возобновлены" in b.get("/ru/statements/").text
    assert "Переговоры в порту возобновлены" in a.get("/ru/statements/").text


def test_a_statement_saved_through_the_staff_form_of_one_is_shown_by_the_other(
    two_instances, staff_user
):
    """Staff save through instance A's form; instance B shows it on the next request."""
    a, b = two_instances
    assert "Harbour pilots return" not in b.get("/en/").text  # B has the page cached now
    browser = StaffBrowser(a.url)
    browser.sign_in()
    saved = browser.create_statement(en_title="Harbour pilots return", ru_title="Лоцманы вернулись")
    assert "Harbour pilots return" in saved  # the edit form of the saved statement
    assert "Harbour pilots return" in b.get("/en/").text
    assert "Лоцманы вернулись" in b.get("/ru/statements/").text
