"""The search corpus (tests/search_corpus.json): statements both engines index, and queries with
the statements each must find."""

import json
from datetime import timedelta
from pathlib import Path

from pressroom import timekeeping
from pressroom.content import content_changed
from pressroom.extensions import db
from pressroom.models import Statement, StatementText
from pressroom.text import make_slug

CORPUS = json.loads((Path(__file__).parent / "search_corpus.json").read_text(encoding="utf-8"))
#: Statements no query may find: a draft and one published in the future.
HIDDEN = {9107, 9108}


def load(app) -> None:
    """Store the corpus statements (through the ORM, as the staff form does), dated by the
    frozen clock: `days_ago` before now, negative for the future."""
    now = timekeeping.utcnow()
    with app.app_context():
        for entry in CORPUS["statements"]:
            db.session.add(
                Statement(
                    id=entry["id"],
                    kind=entry["kind"],
                    status=entry.get("status", "published"),
                    published_at=now - timedelta(days=entry["days_ago"], hours=1),
                    texts=[
                        StatementText(
                            lang=lang,
                            title=entry[lang]["title"],
                            slug=make_slug(entry[lang]["title"]),
                            lead=entry[lang]["lead"],
                            body=entry[lang]["body"],
                        )
                        for lang in ("en", "ru")
                        if lang in entry
                    ],
                )
            )
        db.session.commit()
        content_changed()
