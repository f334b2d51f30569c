"""Two staff members saving at the same moment, through gunicorn workers on the test database.

Each pair opens the same form, then both post at once (threads released by a barrier), over
real HTTP to a gunicorn with several workers: on PostgreSQL when TEST_DATABASE_URL is set, else
on a SQLite file the workers share. Every outcome must be a save or a 409 conflict page that
keeps what was typed; nothing is overwritten without the loser being told, and nothing is a 5xx.
"""

import html as htmlmod
import http.client
import os
import re
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from pressroom.extensions import db
from pressroom.models import DayCounter, DayCounterText, Statement

from .servers import AppServer
from .staff_client import EMAIL, PASSWORD, counter_fields, hidden, statement_fields

PAIRS = 50
#: gunicorn workers: at least two, so the two posts of a pair are served by different processes.
WORKERS = 4
TIMEOUT = 20.0


@dataclass
class Answer:
    """What a test needs of one HTTP answer."""

    status: int
    location: str
    text: str


@dataclass
class StaffBrowser:
    """One staff member over real HTTP: own cookies, redirects not followed."""

    url: str
    cookies: dict[str, str] = field(default_factory=dict)

    def connect(self) -> http.client.HTTPConnection:
        """Open a connection now, so a request sent later goes out at once."""
        host, port = self.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
        connection.connect()
        return connection

    def send(
        self,
        method: str,
        path: str,
        data: dict | None = None,
        connection: http.client.HTTPConnection | None = None,
    ) -> Answer:
        """Send one request (on `connection` when given) and return the answer."""
        connection = connection or self.connect()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for cookie in response.headers.get_all("Set-Cookie") or ():
                name, _, value = cookie.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value
            return Answer(response.status, response.headers.get("Location", ""), text)
        finally:
            connection.close()

    def get(self, path: str) -> Answer:
        """GET a page; fail unless it is a 200."""
        answer = self.send("GET", path)
        assert answer.status == 200, (path, answer.status, answer.text[:500])
        return answer

    def sign_in(self) -> None:
        """Sign in with the test account."""
        page = self.get("/staff/sign-in").text
        answer = self.send(
            "POST",
            "/staff/sign-in",
            {"csrf_token": hidden(page, "csrf_token"), "email": EMAIL, "password": PASSWORD},
        )
        assert answer.status == 303, answer.text[:500]


def at_once(posts: list[tuple[StaffBrowser, str, dict]]) -> list[Answer]:
    """Send the posts from one thread each, released together once every connection is open."""
    barrier = threading.Barrier(len(posts))
    answers: list[Answer | BaseException | None] = [None] * len(posts)

    def run(n: int, browser: StaffBrowser, path: str, data: dict) -> None:
        try:
            connection = browser.connect()
            barrier.wait(TIMEOUT)
            answers[n] = browser.send("POST", path, data, connection)
        except BaseException as error:  # reported by the main thread
            answers[n] = error

    threads = [
        threading.Thread(target=run, args=(n, *post)) for n, post in enumerate(posts)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT * 2)
    for answer in answers:
        if not isinstance(answer, Answer):
            raise AssertionError(f"a post did not complete: {answer!r}")
    return answers


def optional_hidden(page: str, name: str) -> dict[str, str]:
    """Return {name: value} for a hidden field the page has, else nothing."""
    found = re.search(rf'name="{re.escape(name)}" type="hidden" value="([^"]*)"', page)
    return {name: htmlmod.unescape(found.group(1))} if found else {}


def keeps(page: str, typed: dict[str, str]) -> bool:
    """Tell whether a form page shows every typed value again."""
    return all(htmlmod.escape(value) in page for value in typed.values() if value)


@dataclass
class Tally:
    """Outcomes of the pairs of one kind."""

    pairs: int = 0
    saved: int = 0
    conflicts: int = 0
    overwrites: int = 0
    server_errors: int = 0
    problems: list[str] = field(default_factory=list)

    def check(self, condition: bool, message: str) -> None:
        """Record a problem unless `condition` holds."""
        if not condition:
            self.problems.append(message)

    def count(self, answers: list[Answer]) -> None:
        """Count saves, conflicts and 5xx answers; anything else is a problem."""
        self.pairs += 1
        for answer in answers:
            if answer.status >= 500:
                self.server_errors += 1
                title = re.search(r"<title>(.*?)</title>", answer.text, re.S)
                self.problems.append(
                    f"pair {self.pairs}: {answer.status} {title and title.group(1).strip()}"
                )
            elif answer.status == 303:
                self.saved += 1
            elif answer.status == 409:
                self.conflicts += 1
            else:
                self.problems.append(f"pair {self.pairs}: unexpected {answer.status}")

    def summary(self) -> str:
        """Return the figures in one line."""
        return (
            f"{self.pairs} pairs: {self.saved} saved, {self.conflicts} conflicts, "
            f"{self.overwrites} silent overwrites, {self.server_errors} 5xx"
        )

    def assert_clean(self) -> None:
        """Fail with the figures and the first problems unless every pair came out right."""
        assert not self.problems, self.summary() + "\n" + "\n".join(self.problems[:10])
        assert self.overwrites == self.server_errors == 0, self.summary()


@pytest.fixture(scope="module")
def workers(app_config, schema, tmp_path_factory):
    """gunicorn with several workers on the test database (and the test Redis, when set),
    shared by this module's tests: each test brings its own rows and account."""
    env = {
        "DATABASE_URL": app_config["SQLALCHEMY_DATABASE_URI"],
        "WEB_CONCURRENCY": str(WORKERS),
        # Only the two sign-ins of the test; never limited by earlier tests' attempts.
        "PRESSROOM_SIGN_IN_LIMIT": "1000 per minute",
    }
    if os.environ.get("TEST_REDIS_URL"):
        env["CACHE_REDIS_URL"] = app_config["CACHE_REDIS_URL"]
        env["CACHE_KEY_PREFIX"] = app_config["CACHE_KEY_PREFIX"]
    server = AppServer(env, tmp_path_factory.mktemp("workers") / "gunicorn.log")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def alice_and_bob(workers, staff_user) -> tuple[StaffBrowser, StaffBrowser]:
    """Two signed-in staff members (two sessions of the test account)."""
    pair = StaffBrowser(workers.url), StaffBrowser(workers.url)
    for browser in pair:
        browser.sign_in()
    return pair


def stored_texts(app, statement_id: int) -> dict[str, str]:
    """Return a statement's stored title, lead and Markdown per language, as form fields."""
    with app.app_context():
        statement = db.session.get(Statement, statement_id)
        found = {}
        for text in statement.texts:
            found[f"{text.lang}-title"] = text.title
            found[f"{text.lang}-lead"] = text.lead
            found[f"{text.lang}-body"] = text.body_source
        db.session.remove()
        return found


def statement_text(n: int, who: str) -> dict[str, str]:
    """Return the texts one person types in pair `n`: both languages, every text field."""
    russian = {"Alice": "Алиса", "Bob": "Борис"}[who]
    return {
        "en-title": f"Harbour statement {n}, {who}",
        "en-lead": f"{who} rewrote the lead in round {n}.",
        "en-body": f"{who} wrote *this* in round {n}.\n\nA second paragraph by {who}.",
        "ru-title": f"Заявление о порте {n}, {russian}",
        "ru-lead": f"{russian} переписал вводку в раунде {n}.",
        "ru-body": f"{russian} написал *это* в раунде {n}.",
    }


def test_concurrent_edits_of_one_statement_are_saved_or_refused(app, workers, alice_and_bob):
    """50 pairs edit one statement at once: one saves, the other gets a 409 with its text."""
    alice, bob = alice_and_bob
    page = alice.get("/staff/statements/new").text
    created = alice.send(
        "POST",
        "/staff/statements/new",
        {
            **statement_fields(),
            **statement_text(0, "Alice"),
            "csrf_token": hidden(page, "csrf_token"),
            "form_token": hidden(page, "form_token"),
        },
    )
    assert created.status == 303, created.text[:500]
    statement_id = int(re.search(r"/statements/(\d+)/edit", created.location).group(1))
    path = f"/staff/statements/{statement_id}/edit"
    tally = Tally()
    started = time.monotonic()
    for n in range(1, PAIRS + 1):
        posts, typed = [], {}
        for browser, who in ((alice, "Alice"), (bob, "Bob")):
            page = browser.get(path).text
            typed[who] = statement_text(n, who)
            data = {
                **statement_fields(),
                **typed[who],
                "csrf_token": hidden(page, "csrf_token"),
                "version": hidden(page, "version"),
            }
            posts.append((browser, path, data))
        answers = at_once(posts)
        judge_pair(
            tally, n, typed, answers, stored_texts(app, statement_id),
            "someone else saved this statement", typed,
        )
    seconds = time.monotonic() - started
    print(f"statement edits: {tally.summary()} in {seconds:.1f}s")
    tally.assert_clean()
    assert tally.conflicts == PAIRS


def test_concurrent_new_featured_statements_are_all_saved(app, workers, alice_and_bob):
    """50 pairs create featured statements at once: all saved, exactly one featured after each."""
    alice, bob = alice_and_bob
    tally = Tally()
    started = time.monotonic()
    for n in range(1, PAIRS + 1):
        posts, typed = [], {}
        for browser, who in ((alice, "Alice"), (bob, "Bob")):
            page = browser.get("/staff/statements/new").text
            typed[who] = {"en-title": f"Featured news {n} from {who}"}
            data = {
                **statement_fields(featured="y"),
                **typed[who],
                "csrf_token": hidden(page, "csrf_token"),
                "form_token": hidden(page, "form_token"),
            }
            posts.append((browser, "/staff/statements/new", data))
        answers = at_once(posts)
        tally.count(answers)
        for who, answer in zip(typed, answers, strict=True):
            if answer.status == 303:
                saved_id = int(re.search(r"/statements/(\d+)/edit", answer.location).group(1))
                title = stored_texts(app, saved_id)["en-title"]
                tally.check(title == typed[who]["en-title"], f"pair {n}: {who} saved {title}")
            elif answer.status == 409:
                tally.check(keeps(answer.text, typed[who]), f"pair {n}: {who}'s 409 lost text")
        with app.app_context():
            featured = db.session.scalars(
                select(Statement.id).where(Statement.featured)
            ).all()
            db.session.remove()
        tally.check(len(featured) == 1, f"pair {n}: {len(featured)} statements featured")
    seconds = time.monotonic() - started
    print(f"new featured statements: {tally.summary()} in {seconds:.1f}s")
    tally.assert_clean()


COUNTER_BASE = counter_fields()


def stored_counter(app, counter_id: int) -> dict[str, str]:
    """Return a day counter as stored, as form fields (an absent language as empty fields)."""
    with app.app_context():
        counter = db.session.get(DayCounter, counter_id)
        found = {
            "event_date": counter.event_date.isoformat(),
            "timezone": counter.timezone,
            "position": str(counter.position),
        }
        for lang in ("en", "ru"):
            text = counter.text(lang)
            for name in ("label", "label_ahead", "caption"):
                found[f"{lang}-{name}"] = getattr(text, name) if text else ""
        db.session.remove()
        return found


def restore_russian(app, counter_id: int) -> None:
    """Give the counter its Russian label back (a pair may have cleared it)."""
    with app.app_context():
        counter = db.session.get(DayCounter, counter_id)
        if counter.text("ru") is None:
            counter.texts.append(
                DayCounterText(lang="ru", label=COUNTER_BASE["ru-label"],
                               label_ahead=COUNTER_BASE["ru-label_ahead"], caption="")
            )
            db.session.commit()
        db.session.remove()


def test_concurrent_edits_of_one_day_counter_are_saved_or_refused(app, workers, alice_and_bob):
    """50 pairs edit one counter at once, one clearing its Russian label: a save and a 409."""
    alice, bob = alice_and_bob
    page = alice.get("/staff/counters/new").text
    created = alice.send(
        "POST", "/staff/counters/new", {"csrf_token": hidden(page, "csrf_token"), **COUNTER_BASE}
    )
    assert created.status == 303, created.text[:500]
    with app.app_context():
        counter_id = db.session.scalar(select(DayCounter.id))
        db.session.remove()
    path = f"/staff/counters/{counter_id}/edit"
    tally = Tally()
    started = time.monotonic()
    for n in range(1, PAIRS + 1):
        restore_russian(app, counter_id)
        typed = {
            # Alice changes both languages; Bob renames the event and clears the Russian text.
            "Alice": {
                **COUNTER_BASE,
                "en-label": f"the harbour accord, round {n}",
                "ru-caption": f"Подписано в раунде {n}.",
            },
            "Bob": {
                **COUNTER_BASE,
                "en-label": f"the river accord, round {n}",
                "ru-label": "",
                "ru-label_ahead": "",
                "ru-caption": "",
            },
        }
        posts = []
        for browser, who in ((alice, "Alice"), (bob, "Bob")):
            page = browser.get(path).text
            data = {
                **typed[who],
                "csrf_token": hidden(page, "csrf_token"),
                **optional_hidden(page, "version"),
            }
            posts.append((browser, path, data))
        answers = at_once(posts)
        judge_pair(
            tally, n, typed, answers, stored_counter(app, counter_id),
            "someone else saved this day counter",
            {who: {"label": text["en-label"]} for who, text in typed.items()},
        )
    seconds = time.monotonic() - started
    print(f"day counter edits: {tally.summary()} in {seconds:.1f}s")
    tally.assert_clean()
    assert tally.conflicts == PAIRS


def judge_pair(
    tally, n: int, typed: dict, answers: list, stored, conflict: str, kept: dict
) -> None:
    """Count one pair of concurrent edits: exactly one saved (303), its text is what is stored,
    and the other's 409 says so and keeps what was typed (`kept[who]`)."""
    tally.count(answers)
    winners = [who for who, a in zip(typed, answers, strict=True) if a.status == 303]
    keepers = [who for who, text in typed.items() if text == stored]
    tally.check(len(keepers) == 1, f"pair {n}: what is stored is nobody's: {stored}")
    if len(winners) > 1 or (winners and winners != keepers):
        tally.overwrites += 1
    tally.check(len(winners) == 1, f"pair {n}: {len(winners)} saves for one version")
    for who, answer in zip(typed, answers, strict=True):
        if answer.status == 409:
            tally.check(
                conflict in answer.text and keeps(answer.text, kept[who]),
                f"pair {n}: {who}'s 409 lost the typed text",
            )
