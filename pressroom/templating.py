"""What every template may use, whichever blueprint renders it (error pages included)."""

from flask import g
from flask_babel import gettext as _

from . import content
from .i18n import current_language
from .models import KINDS


def kind_name(kind: str) -> str:
    """Return the translated name of one publication of a kind: "Speech"."""
    return str(KINDS[kind].one)


def kind_plural(kind: str) -> str:
    """Return the translated name of publications of a kind, for headings: "Speeches"."""
    return str(KINDS[kind].many)


def site_settings() -> dict:
    """Give every template the site settings in the current language."""
    if g.get("database_down"):  # the 503 page: no settings without a database
        found = content.Settings("", "")
    else:
        found = content.settings(current_language())
    return {"settings": found, "site_title": found.site_title or _("Press statements")}


def init_app(app) -> None:
    """Register the template global and the context processor."""
    app.add_template_global(kind_name)
    app.add_template_global(kind_plural)
    app.context_processor(site_settings)
