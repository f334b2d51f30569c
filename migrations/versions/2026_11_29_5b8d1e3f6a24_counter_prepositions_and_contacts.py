"""counter prepositions and contacts

Revision ID: 5b8d1e3f6a24
Revises: a3c5e7f90b12
Create Date: 2026-11-29 12:10:00

Day counters: a label now carries its own preposition ("since the signing", «со дня
подписания») instead of the fixed "since"/«с» the sentence used to put before it, and a second
label says how the event reads while it is ahead ("until the signing", «до подписания»).
Stored labels get the preposition the old sentence gave them, and the same event after
"until"/«до» (the old Russian label was in the genitive, which «до» takes too). A label too
long to take its preposition within 300 characters is left as it was, for staff to reword.

Site settings: the press office's address, a named phone line, its number and an e-mail
address, each per language. The single contact line of earlier versions keeps its text as the
free line shown after them: it was written as one piece (address, phone and e-mail together,
or something else entirely), so splitting it by guesswork could put a phone number in the
address; staff move its parts into the new fields when they wish.

Going down, labels lose the preposition this migration gave them (one written since then
stays in the text), and the contacts are joined, with " · ", into the contact line.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "5b8d1e3f6a24"
down_revision = "a3c5e7f90b12"
branch_labels = None
depends_on = None

LABEL_LENGTH = 300
LINE_LENGTH = 500
CONTACTS = (
    ("contact_address", 300),
    ("contact_phone_label", 100),
    ("contact_phone", 40),
    ("contact_email", 254),
)
#: The prepositions an upgrade may have put before a label, per language: after the event,
#: and before it.
PREPOSITIONS = {"en": ("since ", "until "), "ru": ("со ", "с ", "до ")}

counter_text = sa.table(
    "day_counter_text",
    sa.column("id", sa.Integer),
    sa.column("lang", sa.String),
    sa.column("label", sa.String),
    sa.column("label_ahead", sa.String),
)
settings = sa.table(
    "site_settings",
    sa.column("lang", sa.String),
    sa.column("contact_line", sa.String),
    *(sa.column(name, sa.String) for name, _length in CONTACTS),
)


def add_text_columns(table: str, columns) -> None:
    """Add NOT NULL text columns that start empty in every existing row."""
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, length in columns:
            batch_op.add_column(
                sa.Column(name, sa.String(length=length), nullable=False, server_default="")
            )
    # The models give the default; the database need not.
    with op.batch_alter_table(table, schema=None) as batch_op:
        for name, _length in columns:
            batch_op.alter_column(name, server_default=None)


def upgrade():
    from pressroom.i18n import with_preposition

    add_text_columns("day_counter_text", [("label_ahead", LABEL_LENGTH)])
    add_text_columns("site_settings", CONTACTS)
    bind = op.get_bind()
    for row in bind.execute(sa.select(counter_text)).all():
        since = with_preposition(row.label, row.lang, ahead=False)
        until = with_preposition(row.label, row.lang, ahead=True)
        bind.execute(
            counter_text.update()
            .where(counter_text.c.id == row.id)
            .values(
                label=since if len(since) <= LABEL_LENGTH else row.label,
                label_ahead=until if len(until) <= LABEL_LENGTH else "",
            )
        )


def downgrade():
    bind = op.get_bind()
    for row in bind.execute(sa.select(counter_text)).all():
        # A counter written only for the time before its event keeps that event's name.
        label = row.label or row.label_ahead
        for preposition in PREPOSITIONS.get(row.lang, ()):
            if label.startswith(preposition) and len(label) > len(preposition):
                label = label[len(preposition):]
                break
        bind.execute(counter_text.update().where(counter_text.c.id == row.id).values(label=label))
    for row in bind.execute(sa.select(settings)).all():
        parts = [getattr(row, name) for name, _length in CONTACTS if name != "contact_phone_label"]
        if row.contact_phone and row.contact_phone_label:
            parts[1] = f"{row.contact_phone_label}: {row.contact_phone}"
        line = " · ".join(p for p in (*parts, row.contact_line) if p)
        bind.execute(
            settings.update()
            .where(settings.c.lang == row.lang)
            .values(contact_line=line[:LINE_LENGTH])
        )
    with op.batch_alter_table("site_settings", schema=None) as batch_op:
        for name, _length in reversed(CONTACTS):
            batch_op.drop_column(name)
    with op.batch_alter_table("day_counter_text", schema=None) as batch_op:
        batch_op.drop_column("label_ahead")
