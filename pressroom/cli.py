"""Command-line tools: `flask --app wsgi demo`, `export`, `import`, `search reindex`, `staff …`,
`translate …`."""

import json
import subprocess
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
POT = TRANSLATIONS / "messages.pot"


@click.command("demo")
@with_appcontext
def demo_command():
    """Load the demo content (statements, counters, clocks, settings); safe to run twice."""
    from .demo import load_demo

    added = load_demo(current_app.config["PRESSROOM_TIMEZONE"])
    click.echo(f"Demo content loaded: {added} new statements.")


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
@click.option("--with-staff", is_flag=True, help="Include staff accounts and password hashes.")
@with_appcontext
def export_command(file: str, with_staff: bool):
    """Write all content (both languages, counters, clocks, settings) to FILE as JSON."""
    from .transfer import TransferError, dump

    try:
        document = dump(with_staff)
    except TransferError as error:  # a photo's file missing from the media storage
        raise click.ClickException(str(error)) from None
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    if file == "-":
        click.echo(text, nl=False)
        return
    path = Path(file)
    if with_staff:
        # Password hashes can be attacked offline: only the owner may read the file, even
        # when it existed before with wider permissions.
        path.touch(mode=0o600)
        path.chmod(0o600)
    path.write_text(text, encoding="utf-8")
    if with_staff:
        click.echo(
            f"Content and {len(document['staff'])} staff accounts (with password hashes) written "
            f"to {file}; keep it private.",
            err=True,
        )
    else:
        click.echo(f"Content written to {file}.", err=True)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option(
    "--replace",
    is_flag=True,
    help="Delete the content already there first (and the staff accounts, if FILE has some).",
)
@with_appcontext
def import_command(file: str, replace: bool):
    """Load content written by `export` from FILE; the database must be empty unless --replace.

    Staff accounts in FILE (from `export --with-staff`) arrive without their sessions: everyone
    signs in again. They are refused while the database has accounts, unless --replace.
    """
    from .transfer import TransferError, load

    raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    try:
        counts = load(json.loads(raw), replace=replace)
    except json.JSONDecodeError as error:
        raise click.ClickException(f"{file} is not JSON: {error}") from None
    except TransferError as error:
        raise click.ClickException(str(error)) from None
    click.echo("Imported " + ", ".join(f"{n} {what}" for what, n in counts.items()) + ".")


@click.group("search")
def search_group():
    """Keep the full-text search index."""


@search_group.command("reindex")
@with_appcontext
def search_reindex():
    """Rebuild the search index from every stored statement text."""
    from .content import content_changed
    from .extensions import db
    from .search import count_texts, reindex

    connection = db.session.connection()
    with click.progressbar(length=count_texts(connection), label="Indexing statement texts") as bar:
        for done in reindex(connection):
            bar.update(done)
    db.session.commit()
    content_changed()
    click.echo(f"Search index rebuilt: {bar.pos} statement texts.")


@click.group("staff")
def staff_group():
    """Create, list and deactivate staff accounts, set their roles, read the audit log."""


#: The roles an account can have (pressroom.models.ROLES), for the options' help and checks.
ROLE_CHOICE = click.Choice(["writer", "editor"])


def read_password(from_stdin: bool) -> str:
    """Return the new password from stdin (one line, exactly as given) or from a prompt."""
    if from_stdin:
        line = sys.stdin.readline()
        # Only the line ending is removed: spaces are part of a password.
        return line.removesuffix("\n").removesuffix("\r")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@staff_group.command("create")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option(
    "--role", type=ROLE_CHOICE, default="editor", show_default=True,
    help="writer: drafts and submits for review; editor: everything, publishing included.",
)
@with_appcontext
def staff_create(email: str, password_stdin: bool, role: str):
    """Create a staff account that signs in with EMAIL."""
    from .staff.accounts import AccountError, create

    try:
        user = create(email, read_password(password_stdin), role)
    except AccountError as error:
        raise click.ClickException(f"Cannot create the account: {error}.") from None
    click.echo(f"Staff account created: {user.email} ({user.role})")


def account_of(email: str):
    """Return the account of EMAIL, or stop with a message."""
    from .staff.accounts import find

    user = find(email)
    if user is None:
        raise click.ClickException(f"No staff account with the email {email}.")
    return user


@staff_group.command("set-role")
@click.argument("email")
@click.argument("role", type=ROLE_CHOICE)
@with_appcontext
def staff_set_role(email: str, role: str):
    """Give the account of EMAIL the ROLE writer or editor (from its next request on)."""
    from . import audit
    from .extensions import db
    from .staff.accounts import set_role

    user = account_of(email)
    if user.role == role:
        click.echo(f"{user.email} is already {role}.")
        return
    before = user.role
    set_role(user, role)
    audit.record("role", kind="account", ref=f"{user.email}: {before} → {role}")
    db.session.commit()
    click.echo(f"Staff account {user.email} is now {role}.")


@staff_group.command("list")
@with_appcontext
def staff_list():
    """List the staff accounts, active or not."""
    from sqlalchemy import select

    from .extensions import db
    from .models import StaffUser

    users = db.session.scalars(select(StaffUser).order_by(StaffUser.email)).all()
    if not users:
        click.echo("No staff accounts. Create one with: flask --app wsgi staff create EMAIL")
    for user in users:
        state = "active" if user.active else "deactivated"
        click.echo(
            f"{user.email}\t{state}\tcreated {user.created_at:%Y-%m-%d %H:%M} UTC\t{user.role}"
        )


@staff_group.command("deactivate")
@click.argument("email")
@with_appcontext
def staff_deactivate(email: str):
    """Deactivate the account of EMAIL and end its sessions at once."""
    from . import audit
    from .staff.accounts import deactivate

    user = account_of(email)
    audit.record("deactivate", kind="account", ref=user.email)
    deactivate(user)
    click.echo(f"Staff account deactivated: {user.email}")


@staff_group.command("audit")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True,
              help="How many of the latest lines to show.")
@with_appcontext
def staff_audit(limit: int):
    """Show the latest lines of the audit log, newest first (times in UTC)."""
    from . import audit

    entries = audit.latest(limit)
    if not entries:
        click.echo("The audit log is empty.")
    for entry in entries:
        target = "-"
        if entry.object_kind:
            target = f"{entry.object_kind} {entry.object_ref or ''}".strip()
        click.echo("\t".join((
            f"{entry.at:%Y-%m-%d %H:%M:%S} UTC", entry.email or "-", entry.action, target,
            entry.address or "command line",
        )))


@click.group("translate")
def translate_group():
    """Keep the message catalogues in step with the code and templates."""


def pybabel(*args: str) -> None:
    """Run a pybabel command in the project root; stop on failure."""
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], cwd=ROOT, check=True)


def extract() -> None:
    """Extract all messages into the template catalogue."""
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_l",
        "--no-location",
        "--sort-output",
        "-o",
        str(POT.relative_to(ROOT)),
        "pressroom",
        "templates",
    )


@translate_group.command("update")
def translate_update():
    """Extract messages and merge them into every language's catalogue."""
    extract()
    pybabel(
        "update",
        "-i",
        str(POT),
        "-d",
        str(TRANSLATIONS),
        "--no-fuzzy-matching",
        "--ignore-obsolete",
    )


@translate_group.command("compile")
def translate_compile():
    """Compile the catalogues to the .mo files the app reads."""
    pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


def init_app(app) -> None:
    """Register the commands."""
    app.cli.add_command(demo_command)
    app.cli.add_command(export_command)
    app.cli.add_command(import_command)


    app.cli.add_command(search_group)
    app.cli.add_command(staff_group)
    app.cli.add_command(translate_group)
