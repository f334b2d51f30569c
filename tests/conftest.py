"""Shared fixtures: an app per test on a temporary database, a client, a controllable clock."""

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from babel.messages.frontend import CommandLineInterface
from sqlalchemy import create_engine, delete, make_url, text

from pressroom import ROOT, contentstate, create_app, timekeeping
from pressroom.config import cache_settings
from pressroom.content import content_changed
from pressroom.extensions import cache, db
from pressroom.models import (
    AuditEntry,
    Clock,
    DayCounter,
    DayCounterText,
    PreviewLink,
    RemovedStatement,
    SiteSettings,
    StaffUser,
    Statement,
    StatementImage,
    StatementRevision,
    StatementText,
)
from pressroom.staff.throttle import throttle
from pressroom.text import make_slug


def pytest_configure(config):
    """Compile the message catalogues once, so a fresh clone tests real translations.

    Only the main process compiles: test processes started by `-n` (pytest-xdist) would
    otherwise write the same files while their neighbours read them.
    """
    if not hasattr(config, "workerinput"):
        CommandLineInterface().run(
            ["pybabel", "-q", "compile", "-d", str(ROOT / "pressroom" / "translations")]
        )


def own_database(url: str) -> str:
    """Return the PostgreSQL database this test process uses: the one `url` names, or, in a
    process started by `-n`, that name with the process's suffix (`test_gw0`), created on the
    same server when missing, so parallel processes never drop each other's tables."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    parsed = make_url(url)
    name = f"{parsed.database}_{worker}"
    engine = create_engine(parsed, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            )
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """The test database: TEST_DATABASE_URL when set (PostgreSQL in CI), else SQLite."""
    if os.environ.get("TEST_DATABASE_URL"):
        return own_database(os.environ["TEST_DATABASE_URL"])
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


@pytest.fixture(scope="session")
def cache_config() -> dict:
    """The test cache: Redis under a per-run prefix when TEST_REDIS_URL is set, else in-process."""
    url = os.environ.get("TEST_REDIS_URL")
    if url:
        run = uuid.uuid4().hex[:8]
        return {
            **cache_settings(url),
            "CACHE_KEY_PREFIX": f"pressroom-test-{run}:",
            # Rate-limit counts go to the same Redis, under this run's own prefix.
            "RATELIMIT_STORAGE_OPTIONS": {"key_prefix": f"pressroom-test-{run}-limits"},
        }
    return {**cache_settings(None), "RATELIMIT_STORAGE_URI": "memory://"}


@pytest.fixture(scope="session")
def app_config(database_url, cache_config, tmp_path_factory) -> dict:
    """The configuration every test app starts from."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PRESSROOM_TIMEZONE": "Europe/Moscow",
        "PRESSROOM_DEFAULT_LANGUAGE": "en",
        "SERVER_NAME": "pressroom.test",
        "PRESSROOM_STATE_FILE": str(tmp_path_factory.mktemp("state") / "content-state.json"),
        "PRESSROOM_MEDIA_DIR": str(tmp_path_factory.mktemp("media")),
        **cache_config,
    }


@pytest.fixture(scope="session")
def schema(app_config):
    """Create the tables once per run (migrations are tested on their own)."""
    app = create_app(app_config)
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app(app_config, schema):
    """A fresh app per test; its rows and cache entries are removed afterwards."""
    app = create_app(app_config)
    with app.app_context():
        cache.clear()
    yield app
    with app.app_context():
        db.session.remove()
        for model in (
            PreviewLink, StatementRevision, StatementImage, StatementText, Statement,
            RemovedStatement,
            DayCounterText, DayCounter, Clock,
            SiteSettings, AuditEntry, StaffUser,
        ):
            db.session.execute(delete(model))
        db.session.commit()
        cache.clear()
        throttle().reset()  # counts in Redis are shared by every app of the run
        contentstate.state().store.clear()
        db.engine.dispose()


@pytest.fixture
def make_app(app_config, schema):
    """Return a function that creates another app with config overrides; each is disposed after."""
    made = []

    def make(**overrides):
        new = create_app({**app_config, **overrides})
        made.append(new)
        return new

    yield make
    for new in made:
        with new.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()


class FrozenClock:
    """A clock the test moves by hand; `timekeeping.utcnow` reads it."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        """Return the frozen instant."""
        return self.now

    def advance(self, **delta) -> None:
        """Move the clock forward by a timedelta's keyword arguments."""
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> FrozenClock:
    """Freeze the current instant at 2026-03-15 09:00 UTC (12:00 in Moscow)."""
    frozen = FrozenClock(datetime(2026, 3, 15, 9, 0, tzinfo=UTC))
    monkeypatch.setattr(timekeeping, "utcnow", frozen)
    return frozen


@pytest.fixture
def add_statement(app):
    """Return a function that stores a statement with texts given as {lang: title}."""

    def add(
        titles: dict[str, str],
        published_at: datetime | None = None,
        kind: str = "statement",
        status: str = "published",
        featured: bool = False,
        body: str = "<p>Body.</p>",
    ) -> Statement:
        with app.app_context():
            statement = Statement(
                kind=kind,
                status=status,
                featured=featured,
                published_at=published_at or timekeeping.utcnow() - timedelta(hours=1),
                texts=[
                    StatementText(
                        lang=lang,
                        title=title,
                        slug=make_slug(title),
                        lead=f"Lead of {title}",
                        body=body,
                    )
                    for lang, title in titles.items()
                ],
            )
            db.session.add(statement)
            db.session.commit()
            content_changed()
            db.session.refresh(statement)
            db.session.expunge(statement)
            return statement

    return add


@pytest.fixture
def staff_user(app):
    """A staff account (email and password in tests/staff_client.py); returns its email."""
    from pressroom.staff.accounts import create

    from .staff_client import EMAIL, PASSWORD

    with app.app_context():
        create(EMAIL, PASSWORD)
    return EMAIL


@pytest.fixture
def photo_app(make_app, tmp_path):
    """An app with the image corpus's limits and a media directory of its own."""
    from .staff_client import PHOTO_LIMITS

    return make_app(**PHOTO_LIMITS, PRESSROOM_MEDIA_DIR=str(tmp_path / "media"))


@pytest.fixture
def editor(photo_app, staff_user):
    """A client of `photo_app` signed in as an editor."""
    from .staff_client import sign_in

    client = photo_app.test_client()
    assert sign_in(client).status_code == 303
    return client


@pytest.fixture
def staff(client, staff_user):
    """A test client signed in to the staff area."""
    from .staff_client import sign_in

    assert sign_in(client).status_code == 303
    return client


@pytest.fixture
def writer_user(app):
    """A writer's account (tests/staff_client.py: WRITER, PASSWORD); returns its email."""
    from pressroom.staff.accounts import create

    from .staff_client import PASSWORD, WRITER

    with app.app_context():
        create(WRITER, PASSWORD, role="writer")
    return WRITER


@pytest.fixture
def writer(app, writer_user):
    """A test client signed in to the staff area as a writer."""
    from .staff_client import sign_in

    client = app.test_client()
    assert sign_in(client, writer_user).status_code == 303
    return client


def pytest_terminal_summary(terminalreporter):
    """Print the figures tests record with `record_property("figures", …)`, so CI logs show them."""
    for report in terminalreporter.getreports("passed") + terminalreporter.getreports("failed"):
        for name, value in report.user_properties:
            if name == "figures" and report.when == "call":
                terminalreporter.write_line(value)
