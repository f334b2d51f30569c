"""Pressroom: a bilingual press-statements site with embeddable live widgets."""

import os
import secrets
from pathlib import Path

from flask import Flask
from sqlalchemy.engine import make_url
from werkzeug.middleware.proxy_fix import ProxyFix

from . import (
    assets,
    bodies,
    cli,
    contentstate,
    dbtimeouts,
    drafts,
    errors,
    headerlimits,
    i18n,
    media,
    pagecache,
    routing,
    security,
    templating,
)
from .config import from_environment, refuse_unsafe_production
from .extensions import babel, cache, csrf, db, login_manager

ROOT = Path(__file__).resolve().parent.parent


class Pressroom(Flask):
    """Flask, logging each unexpected exception under the request id its 500 page shows."""

    def log_exception(self, exc_info) -> None:
        """Log the exception with its traceback and the request's id (see errors.py)."""
        errors.log_failure(self, exc_info)


def create_app(config: dict | None = None) -> Flask:
    """Create the application; `config` overrides the environment (tests pass their own)."""
    app = Pressroom(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    configure(app, config)
    configure_logging(app)
    bodies.init_app(app)
    configure_extensions(app)
    configure_csrf(app)
    configure_login(app)
    routing.init_app(app)
    register_blueprints(app)
    media.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    drafts.init_app(app)
    pagecache.init_app(app)
    headerlimits.init_app(app)
    configure_proxy(app)
    assets.init_app(app)
    cli.init_app(app)
    return app


def configure(app: Flask, config: dict | None) -> None:
    """Load defaults and the environment, then `config`; make sure the instance folder exists."""
    app.config.from_mapping(from_environment(app.instance_path))
    if config:
        app.config.from_mapping(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config["PRESSROOM_ENV"] == "production":
        # Debug mode (Flask reads FLASK_DEBUG into DEBUG) or a weak key: refuse to start.
        refuse_unsafe_production(app.config)
    if not app.config["SECRET_KEY"]:
        # Development and tests get a random key kept in the instance folder, so sessions
        # survive a restart of the development server.
        key_file = Path(app.instance_path) / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
        app.config["SECRET_KEY"] = key_file.read_text().strip()


def configure_logging(app: Flask) -> None:
    """Give the `pressroom` logger Flask's stderr handler now, so `pressroom.*` warnings show.

    Outages of the cache or the database are logged from modules (`pressroom.caching`) that may
    run before anything touched `app.logger`, which is when Flask installs its handler.
    """
    app.logger.debug("logging configured")


def configure_extensions(app: Flask) -> None:
    """Bind the database, migrations, cache and Babel to the app."""
    configure_database_timeouts(app)
    db.init_app(app)
    if app.config["PRESSROOM_DATABASE_TIMEOUT"] > 0 and _is_postgresql(app):
        with app.app_context():
            dbtimeouts.watch(
                db.engine,
                app.config["PRESSROOM_DATABASE_TIMEOUT"],
                app.config["PRESSROOM_DATABASE_BACKOFF"],
            )
    configure_migrations(app)
    cache.init_app(app)
    contentstate.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)


def _is_postgresql(app: Flask) -> bool:
    """Tell whether the app's database is PostgreSQL."""
    return make_url(app.config["SQLALCHEMY_DATABASE_URI"]).get_backend_name() == "postgresql"


def configure_database_timeouts(app: Flask) -> None:
    """On PostgreSQL: a connect timeout and keepalives, and the watchdog's checkout check in
    place of pre-ping (see dbtimeouts.py); SQLite files do not hang."""
    timeout = app.config["PRESSROOM_DATABASE_TIMEOUT"]
    if timeout <= 0 or not _is_postgresql(app):
        return
    options = dict(app.config["SQLALCHEMY_ENGINE_OPTIONS"])
    args = dbtimeouts.connect_args(timeout)
    if "connect_timeout" in make_url(app.config["SQLALCHEMY_DATABASE_URI"]).query:
        del args["connect_timeout"]  # the URL's own wins
    options["connect_args"] = {**args, **options.get("connect_args", {})}
    options["pool_pre_ping"] = False
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options


def configure_migrations(app: Flask) -> None:
    """Bind Flask-Migrate for `flask db …` and tests; a served app never loads Alembic.

    Alembic costs every worker process 12 MiB and is used only by the command line.
    """
    if os.environ.get("FLASK_RUN_FROM_CLI") != "true" and not app.testing:
        return
    from flask_migrate import Migrate

    # Batch mode lets SQLite alter tables; constraint names come from the naming convention.
    Migrate(app, db, directory=str(ROOT / "migrations"), render_as_batch=True, compare_type=True)


def configure_proxy(app: Flask) -> None:
    """Trust X-Forwarded-For/-Proto from PRESSROOM_PROXY_FIX proxies (none by default).

    ProxyFix wraps everything else, the page-cache middleware included, so a cache hit sees
    the scheme and client address exactly as Flask does.
    """
    proxies = app.config["PRESSROOM_PROXY_FIX"]
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)


def configure_csrf(app: Flask) -> None:
    """Require a CSRF token on every form post and htmx request that changes something."""
    csrf.init_app(app)


def configure_login(app: Flask) -> None:
    """Bind Flask-Login: sessions name an account and its current session token."""
    from .staff.accounts import load_user
    from .staff.views import sign_in_required

    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.unauthorized_handler(sign_in_required)


def register_blueprints(app: Flask) -> None:
    """Register the public site, the widgets, the staff area and the preview links."""
    from .previews import bp as previews_bp
    from .site import bp as site_bp
    from .staff import bp as staff_bp
    from .widgets import bp as widgets_bp

    app.register_blueprint(site_bp)
    app.register_blueprint(widgets_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(previews_bp)
