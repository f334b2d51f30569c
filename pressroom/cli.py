"""Command-line tools: `flask --app wsgi demo`, `flask --app wsgi translate …`."""

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
    app.cli.add_command(translate_group)
