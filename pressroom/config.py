"""Configuration: defaults, overridden by the environment, overridden by `create_app(config)`."""

import os
from pathlib import Path

#: The two languages of the site, in the order the language switcher shows them.
LANGUAGES = ("en", "ru")


def _env(name: str, default: str | None = None) -> str | None:
    """Return an environment variable, treating an empty value as unset."""
    value = os.environ.get(name, "")
    return value if value else default


def from_environment(instance_path: str) -> dict:
    """Build the configuration from defaults and `PRESSROOM_*`/service environment variables."""
    sqlite_path = Path(instance_path) / "pressroom.sqlite3"
    redis_url = _env("CACHE_REDIS_URL")
    config = {
        "PRESSROOM_ENV": _env("PRESSROOM_ENV", "development"),
        "SECRET_KEY": _env("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": _env("DATABASE_URL", f"sqlite:///{sqlite_path}"),
        # Pre-ping lets the pool drop connections a database restart has killed.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "CACHE_TYPE": "RedisCache" if redis_url else "SimpleCache",
        "CACHE_REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": _env("CACHE_KEY_PREFIX", "pressroom:"),
        "CACHE_DEFAULT_TIMEOUT": 300,
        "CACHE_THRESHOLD": 5000,
        "PRESSROOM_TIMEZONE": _env("PRESSROOM_TIMEZONE", "Europe/Moscow"),
        "PRESSROOM_DEFAULT_LANGUAGE": _env("PRESSROOM_DEFAULT_LANGUAGE", "en"),
        # Who may frame widget pages: CSP frame-ancestors sources, "*" for any site.
        "PRESSROOM_WIDGET_FRAME_ANCESTORS": _env("PRESSROOM_WIDGET_FRAME_ANCESTORS", "*"),
        "PRESSROOM_PAGE_SIZE": 20,
        "PRESSROOM_HOME_LATEST": 10,
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
    }
    return config
