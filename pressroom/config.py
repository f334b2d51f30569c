"""Configuration: defaults, overridden by the environment, overridden by `create_app(config)`."""

import os
from pathlib import Path

#: The two languages of the site, in the order the language switcher shows them.
LANGUAGES = ("en", "ru")


def _env(name: str, default: str | None = None) -> str | None:
    """Return an environment variable, treating an empty value as unset."""
    value = os.environ.get(name, "")
    return value if value else default


def _number(name: str, default: float, kind: type = int) -> float:
    """Return a numeric environment variable; refuse to start on one that is not a number."""
    raw = _env(name)
    if raw is None:
        return default
    try:
        return kind(raw)
    except ValueError:
        raise RuntimeError(f"{name} must be a number, not {raw!r}.") from None


def _positive(name: str, default: int) -> int:
    """Return a whole-number environment variable above zero; refuse to start on anything else."""
    value = _number(name, default, int)
    if value < 1:
        raise RuntimeError(f"{name} must be a whole number above 0, not {value!r}.")
    return value


def _words(name: str) -> list[str] | None:
    """Return a space- or comma-separated environment variable as a list, None when unset."""
    raw = _env(name)
    return raw.replace(",", " ").split() if raw else None


def cache_settings(redis_url: str | None) -> dict:
    """Return the cache configuration: the resilient Redis cache for a URL, else in-process."""
    if not redis_url:
        return {"CACHE_TYPE": "SimpleCache", "CACHE_REDIS_URL": None}
    return {"CACHE_TYPE": "pressroom.caching.ResilientRedisCache", "CACHE_REDIS_URL": redis_url}


#: The shortest SECRET_KEY production accepts, in bytes: 32 random bytes cannot be guessed,
#: and anyone who guesses the key can sign a session cookie for any staff account.
MIN_SECRET_KEY_BYTES = 32


def refuse_unsafe_production(config) -> None:
    """Raise RuntimeError when production mode is asked for with debug on or a weak SECRET_KEY.

    Debug mode serves tracebacks, and under `flask run` the Werkzeug debugger's console, to any
    visitor: production never runs with it, whatever FLASK_DEBUG says.
    """
    if config.get("DEBUG"):
        raise RuntimeError(
            "FLASK_DEBUG is on: production mode (PRESSROOM_ENV=production) refuses to start in "
            "debug mode. Unset FLASK_DEBUG, or use PRESSROOM_ENV=development on your own machine."
        )
    key = config.get("SECRET_KEY")
    if not key:
        raise RuntimeError("SECRET_KEY is not set: production mode refuses to start without it.")
    size = len(key.encode() if isinstance(key, str) else key)
    if size < MIN_SECRET_KEY_BYTES:
        raise RuntimeError(
            f"SECRET_KEY is {size} bytes long: production mode needs at least "
            f"{MIN_SECRET_KEY_BYTES} (make one with: "
            "python3 -c 'import secrets; print(secrets.token_hex(32))')."
        )


def from_environment(instance_path: str) -> dict:
    """Build the configuration from defaults and `PRESSROOM_*`/service environment variables."""
    sqlite_path = Path(instance_path) / "pressroom.sqlite3"
    config = {
        "PRESSROOM_ENV": _env("PRESSROOM_ENV", "development"),
        "SECRET_KEY": _env("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": _env("DATABASE_URL", f"sqlite:///{sqlite_path}"),
        # Pre-ping lets the pool drop connections a database restart has killed.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        **cache_settings(_env("CACHE_REDIS_URL")),
        "CACHE_KEY_PREFIX": _env("CACHE_KEY_PREFIX", "pressroom:"),
        "CACHE_DEFAULT_TIMEOUT": 300,
        "CACHE_THRESHOLD": 5000,
        # A slow or hung Redis costs at most this long per request, then is left alone for
        # the back-off (see pressroom/caching.py).
        "PRESSROOM_CACHE_SOCKET_TIMEOUT": _number("PRESSROOM_CACHE_SOCKET_TIMEOUT", 0.25, float),
        "PRESSROOM_CACHE_BACKOFF": _number("PRESSROOM_CACHE_BACKOFF", 5.0, float),
        # After a save, how long one request may re-render a page while the others get the
        # previous version: the bound on how long a reader sees a page older than a save.
        "PRESSROOM_RENDER_LOCK_MS": _number("PRESSROOM_RENDER_LOCK_MS", 1000),
        # PostgreSQL: the longest a request may hold a database connection, and the longest one
        # statement may run (pressroom/dbtimeouts.py); connecting gives up as soon.
        "PRESSROOM_DATABASE_TIMEOUT": _number("PRESSROOM_DATABASE_TIMEOUT", 5.0, float),
        # Seconds a process leaves PostgreSQL alone (answering 503) after it failed to answer.
        "PRESSROOM_DATABASE_BACKOFF": _number("PRESSROOM_DATABASE_BACKOFF", 5.0, float),
        # Without Redis, the workers of one host share the content token through this file
        # (pressroom/contentstate.py).
        "PRESSROOM_STATE_FILE": _env(
            "PRESSROOM_STATE_FILE", str(Path(instance_path) / "content-state.json")
        ),
        "PRESSROOM_TIMEZONE": _env("PRESSROOM_TIMEZONE", "Europe/Moscow"),
        "PRESSROOM_DEFAULT_LANGUAGE": _env("PRESSROOM_DEFAULT_LANGUAGE", "en"),
        # Who may frame widget pages: CSP frame-ancestors sources, "*" for any site.
        "PRESSROOM_WIDGET_FRAME_ANCESTORS": _env("PRESSROOM_WIDGET_FRAME_ANCESTORS", "*"),
        # Host names the app answers to; any other Host header gets a 400. None accepts all.
        "TRUSTED_HOSTS": _words("PRESSROOM_TRUSTED_HOSTS"),
        # Statements are text: a megabyte of form is far more than any edit sends.
        "MAX_CONTENT_LENGTH": _number("MAX_CONTENT_LENGTH", 1024 * 1024),
        "MAX_FORM_MEMORY_SIZE": _number("MAX_FORM_MEMORY_SIZE", 512 * 1024),
        "MAX_FORM_PARTS": _number("MAX_FORM_PARTS", 200),
        # The request line (method, address with its query, protocol) and the header fields:
        # over these the app answers 414 or 431 (pressroom/headerlimits.py); gunicorn's own
        # limits are set above them (gunicorn.conf.py), as a backstop.
        "LIMIT_REQUEST_LINE": _positive("LIMIT_REQUEST_LINE", 4094),
        "LIMIT_REQUEST_FIELDS": _positive("LIMIT_REQUEST_FIELDS", 50),
        "LIMIT_REQUEST_FIELD_SIZE": _positive("LIMIT_REQUEST_FIELD_SIZE", 8190),
        # Statement photos: where their renditions are kept (pressroom/media.py), and the
        # largest upload taken, in bytes and in pixels (pressroom/images.py). The statement
        # form alone accepts a body this large (the limit above plus the photo).
        "PRESSROOM_MEDIA_DIR": _env("PRESSROOM_MEDIA_DIR", str(Path(instance_path) / "media")),
        "PRESSROOM_IMAGE_MAX_BYTES": _positive("PRESSROOM_IMAGE_MAX_BYTES", 10 * 1024 * 1024),
        "PRESSROOM_IMAGE_MAX_PIXELS": _positive("PRESSROOM_IMAGE_MAX_PIXELS", 40_000_000),
        "PRESSROOM_PAGE_SIZE": 20,
        # Entries in each feed, and URLs in each child sitemap (the protocol allows up to 50,000;
        # 10,000 keeps each under 5 MB and quick to render after a save).
        "PRESSROOM_FEED_SIZE": 20,
        "PRESSROOM_SITEMAP_SIZE": 10_000,
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
        "PRESSROOM_SIGN_IN_LIMIT": _env("PRESSROOM_SIGN_IN_LIMIT", "10 per minute;50 per hour"),
        # A staff session ends after this long without a request, and this long after sign-in
        # whatever happens; both are checked on the server (pressroom/staff/sessions.py).
        "PRESSROOM_SESSION_IDLE_MINUTES": _positive("PRESSROOM_SESSION_IDLE_MINUTES", 30),
        "PRESSROOM_SESSION_MAX_HOURS": _positive("PRESSROOM_SESSION_MAX_HOURS", 12),
        # How long a preview link to a statement works after it is made (it can be revoked
        # sooner): pressroom/drafts.py.
        "PRESSROOM_PREVIEW_LINK_HOURS": _positive("PRESSROOM_PREVIEW_LINK_HOURS", 48),
        # How many reverse proxies stand in front of the app; their X-Forwarded-For and
        # X-Forwarded-Proto are trusted only when this is above 0.
        "PRESSROOM_PROXY_FIX": int(_env("PRESSROOM_PROXY_FIX", "0")),
    }
    return config
