"""Configuration from the environment: defaults, overrides, and refusals to start."""

import pytest

from pressroom import create_app
from pressroom.caching import ResilientRedisCache
from pressroom.config import from_environment
from pressroom.extensions import cache

VARIABLES = (
    "PRESSROOM_ENV", "SECRET_KEY", "DATABASE_URL", "CACHE_REDIS_URL", "CACHE_KEY_PREFIX",
    "PRESSROOM_TIMEZONE", "PRESSROOM_DEFAULT_LANGUAGE", "PRESSROOM_WIDGET_FRAME_ANCESTORS",
    "PRESSROOM_TRUSTED_HOSTS", "MAX_CONTENT_LENGTH", "MAX_FORM_MEMORY_SIZE", "MAX_FORM_PARTS",
    "PRESSROOM_CACHE_SOCKET_TIMEOUT", "PRESSROOM_CACHE_BACKOFF", "PRESSROOM_RENDER_LOCK_MS",
)


@pytest.fixture
def environ(monkeypatch):
    """A clean environment: none of the app's variables set; returns monkeypatch.setenv."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch.setenv


def test_defaults(environ, tmp_path):
    """Unset, the app runs on SQLite in the instance folder with the in-process cache."""
    config = from_environment(str(tmp_path))
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'pressroom.sqlite3'}"
    assert config["CACHE_TYPE"] == "SimpleCache"
    assert config["PRESSROOM_ENV"] == "development"
    assert config["PRESSROOM_TIMEZONE"] == "Europe/Moscow"
    assert config["PRESSROOM_DEFAULT_LANGUAGE"] == "en"
    assert config["PRESSROOM_WIDGET_FRAME_ANCESTORS"] == "*"
    assert config["TRUSTED_HOSTS"] is None
    assert config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    assert config["MAX_FORM_MEMORY_SIZE"] == 512 * 1024
    assert config["MAX_FORM_PARTS"] == 200


def test_environment_overrides(environ, tmp_path):
    """Every documented variable reaches the configuration; empty values count as unset."""
    environ("DATABASE_URL", "postgresql+psycopg://db.internal/pressroom")
    environ("CACHE_REDIS_URL", "redis://cache.internal:6379/2")
    environ("PRESSROOM_TIMEZONE", "Europe/London")
    environ("PRESSROOM_DEFAULT_LANGUAGE", "ru")
    environ("PRESSROOM_WIDGET_FRAME_ANCESTORS", "https://a.example https://b.example")
    environ("PRESSROOM_TRUSTED_HOSTS", "press.example, www.press.example")
    environ("MAX_CONTENT_LENGTH", "2048")
    environ("MAX_FORM_MEMORY_SIZE", "1024")
    environ("MAX_FORM_PARTS", "10")
    environ("PRESSROOM_CACHE_BACKOFF", "1.5")
    environ("SECRET_KEY", "")
    config = from_environment(str(tmp_path))
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://db.internal/pressroom"
    assert config["CACHE_TYPE"] == "pressroom.caching.ResilientRedisCache"
    assert config["CACHE_REDIS_URL"] == "redis://cache.internal:6379/2"
    assert config["PRESSROOM_TIMEZONE"] == "Europe/London"
    assert config["PRESSROOM_DEFAULT_LANGUAGE"] == "ru"
    assert config["PRESSROOM_WIDGET_FRAME_ANCESTORS"] == "https://a.example https://b.example"
    assert config["TRUSTED_HOSTS"] == ["press.example", "www.press.example"]
    assert (config["MAX_CONTENT_LENGTH"], config["MAX_FORM_MEMORY_SIZE"]) == (2048, 1024)
    assert config["MAX_FORM_PARTS"] == 10
    assert config["PRESSROOM_CACHE_BACKOFF"] == 1.5
    assert config["SECRET_KEY"] is None


def test_a_limit_that_is_not_a_number_stops_the_start(environ, tmp_path):
    """A typo in a limit is an error at start-up, not a surprise under load."""
    environ("MAX_CONTENT_LENGTH", "1MB")
    with pytest.raises(RuntimeError, match="MAX_CONTENT_LENGTH must be a number"):
        from_environment(str(tmp_path))


def test_production_refuses_to_start_without_a_secret_key(environ, tmp_path):
    """PRESSROOM_ENV=production without SECRET_KEY stops create_app."""
    environ("PRESSROOM_ENV", "production")
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite3'}"})


def test_production_starts_with_a_secret_key(environ, tmp_path):
    """With a key, production mode starts and uses it (no key file is written)."""
    environ("PRESSROOM_ENV", "production")
    environ("SECRET_KEY", "a-long-random-key-of-at-least-32-bytes")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    assert app.config["SECRET_KEY"] == "a-long-random-key-of-at-least-32-bytes"


def test_redis_url_selects_the_resilient_cache(environ, tmp_path):
    """CACHE_REDIS_URL gives the resilient Redis backend with short timeouts and no retries."""
    environ("CACHE_REDIS_URL", "redis://127.0.0.1:1/0")
    environ("PRESSROOM_CACHE_BACKOFF", "2")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite3'}"})
    with app.app_context():
        backend = cache.cache
    assert isinstance(backend, ResilientRedisCache)
    assert backend.backoff == 2
    options = backend._write_client.connection_pool.connection_kwargs
    assert options["socket_timeout"] == options["socket_connect_timeout"] == 0.25
    assert options["retry"].get_retries() == 0
