"""Production mode refuses what would make it unsafe: debug mode and a short SECRET_KEY."""

import pytest

from pressroom import create_app

from .servers import AppServer

#: 32 bytes, the shortest key production accepts.
GOOD_KEY = "k" * 32


@pytest.fixture
def environ(monkeypatch):
    """A clean environment for production: no debug flag, no key; returns monkeypatch.setenv."""
    for name in ("FLASK_DEBUG", "SECRET_KEY", "PRESSROOM_ENV", "DATABASE_URL", "CACHE_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PRESSROOM_ENV", "production")
    return monkeypatch.setenv


def start(tmp_path, **config):
    """Create an app on a throw-away SQLite database."""
    return create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite3'}", **config})


@pytest.mark.parametrize("value", ["1", "true", "yes"])
def test_production_refuses_to_start_with_flask_debug(environ, tmp_path, value):
    """FLASK_DEBUG=1 with PRESSROOM_ENV=production stops create_app with a clear message."""
    environ("SECRET_KEY", GOOD_KEY)
    environ("FLASK_DEBUG", value)
    with pytest.raises(RuntimeError, match="FLASK_DEBUG is on: production mode"):
        start(tmp_path)


def test_production_refuses_debug_from_the_configuration(environ, tmp_path):
    """DEBUG=True passed to create_app is refused the same way."""
    environ("SECRET_KEY", GOOD_KEY)
    with pytest.raises(RuntimeError, match="refuses to start in debug mode"):
        start(tmp_path, DEBUG=True)


@pytest.mark.parametrize("value", ["0", "false", ""])
def test_production_runs_without_debug(environ, tmp_path, value):
    """FLASK_DEBUG off (or empty) starts, with debug off."""
    environ("SECRET_KEY", GOOD_KEY)
    environ("FLASK_DEBUG", value)
    app = start(tmp_path)
    assert app.debug is False and app.config["DEBUG"] is False


def test_development_still_takes_flask_debug(environ, tmp_path):
    """Outside production FLASK_DEBUG=1 turns debug on, as Flask documents."""
    environ("PRESSROOM_ENV", "development")
    environ("FLASK_DEBUG", "1")
    assert start(tmp_path).debug is True


@pytest.mark.parametrize(
    "key", ["a-long-random-key", "k" * 31, "ключ" * 3 + "k" * 7],
    ids=["17 bytes", "31 bytes", "31 bytes in 19 characters"],
)
def test_production_refuses_a_short_secret_key(environ, tmp_path, key):
    """A SECRET_KEY under 32 bytes stops production, saying how long it must be."""
    environ("SECRET_KEY", key)
    with pytest.raises(RuntimeError, match=r"SECRET_KEY is \d+ bytes long: .* at least 32"):
        start(tmp_path)


@pytest.mark.parametrize("key", [GOOD_KEY, "ключ" * 4, "0" * 64])
def test_production_starts_with_a_key_of_32_bytes_or_more(environ, tmp_path, key):
    """32 bytes and more are accepted (bytes, not characters: 16 Cyrillic letters will do)."""
    environ("SECRET_KEY", key)
    assert start(tmp_path).config["SECRET_KEY"] == key


def test_development_accepts_any_key(environ, tmp_path):
    """Outside production a short key is the developer's business."""
    environ("PRESSROOM_ENV", "development")
    environ("SECRET_KEY", "dev")
    assert start(tmp_path).config["SECRET_KEY"] == "dev"


def refused_start(tmp_path, **env) -> str:
    """Start gunicorn (production mode) expecting it to exit; return its log.

    If it serves after all, it is stopped and the test fails.
    """
    log = tmp_path / "gunicorn.log"
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'p.sqlite3'}", **env}
    try:
        server = AppServer(env, log)
    except AssertionError as error:
        assert "the app server exited" in str(error)
        return log.read_text()
    server.stop()
    pytest.fail("gunicorn started and served pages")


def test_gunicorn_with_flask_debug_does_not_start(tmp_path):
    """Under gunicorn (production mode) FLASK_DEBUG=1 makes the worker refuse to boot, so
    gunicorn exits with the reason in its log and never serves a page in debug mode."""
    log = refused_start(tmp_path, FLASK_DEBUG="1", SECRET_KEY=GOOD_KEY)
    assert "FLASK_DEBUG is on: production mode" in log


def test_gunicorn_with_a_short_key_does_not_start(tmp_path):
    """Under gunicorn a short SECRET_KEY stops the start the same way."""
    assert "SECRET_KEY is 5 bytes long" in refused_start(tmp_path, SECRET_KEY="short")
