"""Command-line tools: `flask --app wsgi demo`, `export`, `import`, `translate …`."""

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
    from .transfer import dump

    text = json.dumps(dump(with_staff), ensure_ascii=False, indent=1) + "\n"
    if file == "-":
        click.echo(text, nl=False)
    else:
        Path(file).write_text(text, encoding="utf-8")
        click.echo(f"Content written to {file}.", err=True)


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--replace", is_flag=True, help="Delete the content already there first.")
@with_appcontext
def import_command(file: str, replace: bool):
    """Load content written by `export` from FILE; the database must be empty unless --replace."""
    from .transfer import TransferError, load

    raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    try:
        counts = load(json.loads(raw), replace=replace)
    except json.JSONDecodeError as error:
        raise click.ClickException(f"{file} is not JSON: {error}") from None
    except TransferError as error:
        raise click.ClickException(str(error)) from None
    click.echo("Imported " + ", ".join(f"{n} {what}" for what, n in counts.items()) + ".")


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
    app.cli.add_command(translate_group)
