"""The database goes away and comes back: a localised 503 meanwhile, no restart, no failed request.

The app runs under gunicorn and reaches PostgreSQL through a proxy the test switches off and on;
the shared PostgreSQL server itself is never stopped.
"""

import pytest
from sqlalchemy.engine import make_url

from .servers import AppServer, ServiceProxy

UNAVAILABLE = {"en": "Temporarily unavailable", "ru": "Временно недоступно"}


@pytest.fixture
def proxied_server(app, database_url, tmp_path):
    """The app under gunicorn, its database behind a proxy; yields (server, proxy)."""
    if database_url.startswith("sqlite"):
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL): a SQLite file cannot become unreachable")
    url = make_url(database_url)
    proxy = ServiceProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port)
    server = AppServer(
        {"DATABASE_URL": proxied.render_as_string(hide_password=False)},
        tmp_path / "gunicorn.log",
    )
    yield server, proxy
    server.stop()
    proxy.close()


def test_restarted_database_costs_no_request(proxied_server, add_statement):
    """Connections killed by a database restart are replaced before use (pool pre-ping)."""
    server, proxy = proxied_server
    statement = add_statement({"en": "Before the restart", "ru": "До перезапуска"})
    assert server.get("/en/").status == 200
    connections = proxy.accepted
    proxy.drop_connections()
    response = server.get(f"/en/statements/{statement.id}/before-the-restart")
    assert response.status == 200
    assert "Before the restart" in response.text
    assert proxy.accepted > connections  # the dead connection was noticed and replaced


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_unreachable_database_is_a_localised_503_then_recovers(proxied_server, lang):
    """While the database is away: 503, Retry-After, the page in the URL's language, no trace.

    When it is back, the very next request succeeds, without restarting the app.
    """
    server, proxy = proxied_server
    assert server.get(f"/{lang}/").status == 200
    proxy.switch_off()
    # Addresses not seen before, so no cached answer hides the database.
    for path in (f"/{lang}/statements/?page=2", f"/{lang}/statements/123456/"):
        response = server.get(path)
        assert response.status == 503, (path, response.status, server.log_text())
        assert response.headers["Retry-After"] == "30"
        assert UNAVAILABLE[lang] in response.text
        assert f'<html lang="{lang}">' in response.text
    assert "database unavailable" in server.log_text()
    assert "Traceback" not in server.log_text()
    proxy.switch_on()
    assert server.get(f"/{lang}/statements/654321/").status == 404
    assert server.get(f"/{lang}/statements/").status == 200
