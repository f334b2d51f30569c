"""What every template may use, whichever blueprint renders it (error pages included)."""

from functools import lru_cache
from urllib.parse import quote

from flask import g
from flask_babel import gettext as _

from . import content
from .addresses import statement_url
from .config import LANGUAGES
from .i18n import current_language
from .models import KINDS


def kind_name(kind: str) -> str:
    """Return the translated name of one publication of a kind: "Speech"."""
    return _kind_names(current_language())[kind][0]


def kind_plural(kind: str) -> str:
    """Return the translated name of publications of a kind, for headings: "Speeches"."""
    return _kind_names(current_language())[kind][1]


@lru_cache(maxsize=len(LANGUAGES))
def _kind_names(lang: str) -> dict[str, tuple[str, str]]:
    """Return each kind's names (one, many) in `lang`, translated once per language: a listing
    page names a kind on every row, and each translation is a catalogue look-up."""
    return {kind: (str(names.one), str(names.many)) for kind, names in KINDS.items()}


#: Characters a `mailto:` address may hold as they are (RFC 6068: the rest are encoded).
MAILTO_SAFE = "@!$'()*+,;="


def tel_href(phone: str) -> str:
    """Template filter: a `tel:` address for a phone number as people write it: its digits,
    after a "+" when it starts with one ("+7 (495) 000-00-00" → "tel:+74950000000")."""
    digits = "".join(c for c in phone if c.isascii() and c.isdigit())
    return f"tel:{'+' if phone.lstrip().startswith('+') else ''}{digits}"


def mailto_href(email: str) -> str:
    """Template filter: a `mailto:` address, with the characters RFC 6068 reserves (?, &, %, #
    and the like, which an address may hold) percent-encoded so they are not read as headers."""
    return "mailto:" + quote(email, safe=MAILTO_SAFE)


def site_settings() -> dict:
    """Give every template the site settings in the current language (looked up once per
    request and language: a page renders several templates and asks for the title again)."""
    if g.get("database_down"):  # the 503 page: no settings without a database
        found = content.Settings()
    else:
        lang = current_language()
        remembered = g.get("site_settings")
        if remembered is None or remembered[0] != lang:
            g.site_settings = remembered = (lang, content.settings(lang))
        found = remembered[1]
    return {"settings": found, "site_title": found.site_title or _("Press statements")}


def init_app(app) -> None:
    """Register the template global and the context processor."""
    app.add_template_global(kind_name)
    app.add_template_global(kind_plural)
    app.add_template_global(statement_url)
    app.add_template_filter(tel_href)
    app.add_template_filter(mailto_href)
    app.context_processor(site_settings)
