"""Build the benchmark database: many statements of realistic length, in both languages.

The words are real English and Russian words, some Russian ones in several cases, so that
search has something to find: every word of the lists is common (nearly every statement has
it), RARE words are in the titles of a few statements only, and NO_HIT in none.
"""

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from pressroom.contentstate import bump_version
from pressroom.extensions import db
from pressroom.models import (
    Clock,
    DayCounter,
    DayCounterText,
    SiteSettings,
    Statement,
    StatementText,
)
from pressroom.search import reindex

EN_WORDS = [
    "ministry",
    "press",
    "office",
    "statement",
    "delegation",
    "harbour",
    "accord",
    "consular",
    "service",
    "visa",
    "cultural",
    "exchange",
    "maritime",
    "safety",
    "trade",
    "fair",
    "relief",
    "education",
    "grant",
    "treaty",
    "anniversary",
    "expedition",
    "heritage",
    "restoration",
    "cooperation",
    "partners",
    "regional",
    "council",
    "weekly",
    "briefing",
    "agreement",
    "dialogue",
    "summit",
    "coastal",
    "research",
    "programme",
    "scholars",
    "museum",
    "archive",
    "bridge",
    "railway",
]
RU_WORDS = [
    "министерство",
    "пресс",
    "служба",
    "заявление",
    "заявления",
    "заявлений",
    "заявлением",
    "делегация",
    "гавань",
    "соглашение",
    "консульство",
    "виза",
    "культура",
    "обмен",
    "морская",
    "безопасность",
    "ярмарка",
    "помощь",
    "образование",
    "грант",
    "договор",
    "годовщина",
    "экспедиция",
    "наследие",
    "реставрация",
    "сотрудничество",
    "партнёры",
    "регион",
    "совет",
    "брифинг",
    "диалог",
    "встреча",
    "побережье",
    "исследование",
    "программа",
    "учёные",
    "музей",
    "архив",
    "мост",
    "железная",
    "дорога",
]
#: A word in the titles of RARE_STATEMENTS statements only (in a case other than the one searched
#: in Russian: "ледокол" finds "ледокола").
RARE = {"en": "icebreaker", "ru": "ледокола"}
RARE_STATEMENTS = 10
#: A word in no statement.
NO_HIT = {"en": "quasar", "ru": "квазар"}
#: When the newest statement was published; each next one is 7 minutes older.
START = datetime(2026, 11, 1, tzinfo=UTC)
KINDS = ("statement", "statement", "comment", "speech", "interview", "article")


def text_of(words: list[str], rng: random.Random, length: int) -> str:
    """Return words joined up to about `length` characters."""
    parts, size = [], 0
    while size < length:
        word = rng.choice(words)
        parts.append(word)
        size += len(word) + 1
    return " ".join(parts)[:length].strip()


def body_of(words: list[str], rng: random.Random, length: int) -> str:
    """Return HTML paragraphs of about `length` characters."""
    paragraphs = [text_of(words, rng, length // 8).capitalize() + "." for _ in range(8)]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def published_at(statement_id: int) -> datetime:
    """Return when statement `statement_id` was published."""
    return START - timedelta(minutes=7 * statement_id)


def build(count: int, seed: int = 7) -> None:
    """Fill the (empty) database of the current app with `count` published statements."""
    rng = random.Random(seed)
    # A handful of bodies, reused: the size matters here, not the variety.
    bodies = {
        "en": [body_of(EN_WORDS, rng, 4000) for _ in range(20)],
        "ru": [body_of(RU_WORDS, rng, 4000) for _ in range(20)],
    }
    now = datetime.now(UTC)
    batch = 5000
    rare_every = max(1, count // RARE_STATEMENTS)
    for first in range(1, count + 1, batch):
        ids = range(first, min(first + batch, count + 1))
        statements, texts = [], []
        for sid in ids:
            published = published_at(sid)
            statements.append(
                {
                    "id": sid,
                    "kind": KINDS[sid % len(KINDS)],
                    "published_at": published,
                    "status": "published",
                    "featured": sid == 1,
                    "created_at": published,
                    "updated_at": published,
                    "version": 1,
                }
            )
            for lang, words in (("en", EN_WORDS), ("ru", RU_WORDS)):
                title = text_of(words, rng, 80).capitalize()
                if sid % rare_every == 0:
                    title = f"{title} {RARE[lang]}"
                texts.append(
                    {
                        "statement_id": sid,
                        "lang": lang,
                        "title": title,
                        "slug": f"statement-{sid}",
                        "lead": text_of(words, rng, 300).capitalize() + ".",
                        "body": bodies[lang][sid % 20],
                    }
                )
        db.session.execute(insert(Statement.__table__), statements)
        db.session.execute(insert(StatementText.__table__), texts)
    db.session.add_all(
        [
            Clock(timezone="Europe/Moscow", position=0),
            Clock(timezone="Europe/London", position=1),
            DayCounter(
                event_date=date(2023, 6, 14),
                timezone="Europe/Moscow",
                texts=[
                    DayCounterText(lang="en", label="the signing of the accord", caption=""),
                    DayCounterText(lang="ru", label="подписания соглашения", caption=""),
                ],
            ),
            DayCounter(
                event_date=date(2022, 10, 3),
                timezone="Europe/Moscow",
                texts=[
                    DayCounterText(lang="en", label="the launch of e-visas", caption=""),
                    DayCounterText(lang="ru", label="запуска электронных виз", caption=""),
                ],
            ),
            SiteSettings(lang="en", site_title="Pressroom benchmark", contact_line="+7 000"),
            SiteSettings(lang="ru", site_title="Pressroom: замер", contact_line="+7 000"),
        ]
    )
    db.session.commit()
    # The rows went in without the ORM, whose flush is what indexes texts as they are saved.
    for _ in reindex(db.session.connection()):
        pass
    db.session.commit()
    # Counted as one save, as an import is: the database gets its content version rows (and its
    # epoch) now. Without them the publish spike's first save made them, which changed every
    # area's token and re-rendered all 200 statement pages it had just cached (the surplus in
    # its renders per page per save).
    bump_version()
    assert now > START  # the archive ends before today, so every statement is public
