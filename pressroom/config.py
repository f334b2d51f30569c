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
        "PRESSROOM_PAGE_SIZE": 20,
        "PRESSROOM_HOME_LATEST": 10,
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent / "translations"),
        "BABEL_DEFAULT_LOCALE": "en",
        # The session cookie is HttpOnly and SameSite=Lax everywhere; over HTTPS it is also
        # Secure and named `__Host-session` (see security.py).
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # A CSRF token lives as long as the session: a long article must not expire under its
        # writer's hands.
        "WTF_CSRF_TIME_LIMIT": None,
        # Validation messages of WTForms itself come from WTForms' own catalogues.
        "WTF_I18N_ENABLED": False,
        # Rate-limit counts: this URI, else the cache's Redis, else this process's memory.
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE_URI"),
        "RATELIMIT_STORAGE_OPTIONS": {"key_prefix": "pressroom-limits"},
        "RATELIMIT_HEADERS_ENABLED": True,
        # If Redis is unreachable, count in this process rather than answer sign-ins with 500.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "PRESSROOM_SIGN_IN_LIMIT": _env("PRESSROOM_SIGN_IN_LIMIT", "10 per minute;50 per hour"),
        # How many reverse proxies stand in front of the app; their X-Forwarded-For and
        # X-Forwarded-Proto are trusted only when this is above 0.
        "PRESSROOM_PROXY_FIX": int(_env("PRESSROOM_PROXY_FIX", "0")),
    }
    return config
