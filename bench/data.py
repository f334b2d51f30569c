"""Build the benchmark database: many statements of realistic length, in both languages."""

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import insert

from pressroom.extensions import db
from pressroom.models import (
    Clock,
    DayCounter,
    DayCounterText,
    SiteSettings,
    Statement,
    StatementText,
)

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


def build(count: int, seed: int = 7) -> None:
    """Fill the (empty) database of the current app with `count` published statements."""
    rng = random.Random(seed)
    # A handful of bodies, reused: the size matters here, not the variety.
    bodies = {
        "en": [body_of(EN_WORDS, rng, 4000) for _ in range(20)],
        "ru": [body_of(RU_WORDS, rng, 4000) for _ in range(20)],
    }
    start = datetime(2026, 11, 1, tzinfo=UTC)
    now = datetime.now(UTC)
    batch = 5000
    for first in range(1, count + 1, batch):
        ids = range(first, min(first + batch, count + 1))
        statements, texts = [], []
        for sid in ids:
            published = start - timedelta(minutes=7 * sid)
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
    assert now > start  # the archive ends before today, so every statement is public
