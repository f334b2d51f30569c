"""A reader's requests never load what only the staff area needs.

argon2, Markdown, nh3, the rate limiter (limits), zxcvbn, Pillow and Alembic each cost every
worker memory (docs/benchmarks.md, bench/notes.md); they are imported where they are used.
The app runs in a fresh process, as a worker does, so nothing another test imported counts.
"""

import json
import os
import subprocess
import sys
from datetime import date

from pressroom import ROOT
from pressroom.extensions import db
from pressroom.models import DayCounter, DayCounterText

from .servers import INHERITED_NOT

#: Modules a worker that only serves readers must never import.
STAFF_ONLY = ("argon2", "markdown", "nh3", "limits", "zxcvbn", "PIL", "alembic", "flask_migrate")

#: The child process: the app with the test's configuration, public requests, then staff ones.
CHILD = """
import json, sys
from pressroom import create_app
from tests.staff_client import create_statement, sign_in

config, paths, watched = json.loads(sys.stdin.read())
app = create_app(config)
client = app.test_client()
loaded = lambda: sorted(name for name in watched if name in sys.modules)
report = {"statuses": {path: client.get(path).status_code for path in paths}}
report["after_public"] = loaded()
report["sign_in"] = sign_in(client).status_code
report["after_sign_in"] = loaded()
report["save"] = create_statement(
    client, en_title="Ferry timetable", en_body="The *winter* timetable.",
    ru_title="Расписание парома", ru_body="Зимнее **расписание**.",
).status_code
report["after_save"] = loaded()
print(json.dumps(report))
"""


def run_child(app_config: dict, paths: list[str]) -> dict:
    """Run CHILD with the test's configuration in a fresh interpreter; return its report."""
    # Not TESTING: a test app binds Flask-Migrate (and so Alembic), a served app never does.
    config = {**app_config, "TESTING": False}
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_NOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps([config, paths, STAFF_ONLY]),
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_public_pages_and_widgets_load_no_staff_library(app, app_config, add_statement, staff_user):
    """Pages, widgets, feeds, search and sitemaps in both languages leave argon2, Markdown,
    nh3, limits, zxcvbn, Pillow and Alembic unloaded; sign-in loads argon2 and a save Markdown
    and nh3, on demand."""
    statement = add_statement({"en": "Harbour reopens", "ru": "Гавань открыта"})
    with app.app_context():
        counter = DayCounter(
            event_date=date(2023, 6, 17), timezone="Europe/Moscow",
            texts=[DayCounterText(lang=lang, label="since", label_ahead="until", caption="")
                   for lang in ("en", "ru")],
        )
        db.session.add(counter)
        db.session.commit()
        counter_id = counter.id
    paths = [
        "/", "/en/", "/ru/", "/en/statements/", "/ru/statements/?page=1",
        f"/en/statements/{statement.id}/harbour-reopens",
        f"/ru/statements/{statement.id}/gavan-otkryta",
        "/en/search?q=harbour", "/ru/search?q=гавань", "/en/archive/",
        "/en/feed.atom", "/ru/feed.json", "/sitemap.xml", "/robots.txt",
        "/widgets/clock?tz=Europe/Moscow", f"/widgets/counter/{counter_id}?lang=ru",
        "/widgets/latest?lang=en", f"/widgets/statement/{statement.id}?lang=ru",
        "/widgets/embed.js", "/widgets/", "/en/statements/0/missing",
    ]
    report = run_child(app_config, paths)
    statuses = report["statuses"]
    assert statuses.pop("/en/statements/0/missing") == 404
    assert all(status in (200, 301, 302) for status in statuses.values()), statuses
    assert report["after_public"] == []
    assert report["sign_in"] == 303
    assert "argon2" in report["after_sign_in"]
    assert report["save"] == 303
    assert {"markdown", "nh3"} <= set(report["after_save"])
    assert "alembic" not in report["after_save"]
