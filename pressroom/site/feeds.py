"""Feeds of the newest statements in each language, all kinds or one (`?kind=`): Atom 1.0
(RFC 4287) at `/<lang>/feed.atom` and JSON Feed 1.1 at `/<lang>/feed.json`.

Dates are RFC 3339 instants with the site zone's offset, the same in every language. An entry's
id is the statement's permanent address in its language (`/<lang>/statements/<id>/`), which
no edit changes, not even of the slug; its `updated` moves with every change readers are told
of (a public change note), never with a minor edit.
"""

import json
import re
from datetime import datetime

from flask import current_app, g, make_response, render_template, request, url_for
from flask_babel import gettext as _
from markupsafe import escape

from .. import archive, timekeeping
from ..config import LANGUAGES
from ..contentstate import READING
from ..i18n import site_zone
from ..pagecache import cached_page, share
from ..templating import kind_name, site_settings
from . import bp
from .metadata import statement_image
from .views import PAGE_SHARED, _kind

#: What XML 1.0 cannot carry at all: a stray control character in a title would otherwise make
#: the whole feed unreadable.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ATOM = "application/atom+xml"
JSON_FEED = "application/feed+json"


def xml_text(text: str) -> str:
    """Return `text` without the characters XML 1.0 forbids."""
    return NOT_XML.sub("", text)


def rfc3339(instant: datetime) -> str:
    """Return an instant as RFC 3339 with the site zone's offset: "2026-03-15T12:00:00+03:00"."""
    return timekeeping.now_in(site_zone(), instant).isoformat(timespec="seconds")


def photo(entry: archive.Entry) -> dict | None:
    """Return an entry's photo as feeds carry it: as link previews take it (its widest JPEG,
    absolute address, size, alt text), with its caption; None without a photo."""
    found = statement_image(entry)
    if found is None:
        return None
    return {**found, "alt": xml_text(found["alt"]), "caption": xml_text(entry.image.caption)}


def content_html(entry: archive.Entry, found: dict | None) -> str:
    """Return an entry's full content: its photo in a figure (readers show it as the page
    does), then the sanitised body."""
    if found is None:
        return entry.body
    caption = f"<figcaption>{escape(found['caption'])}</figcaption>" if found["caption"] else ""
    return (
        f'<figure><img src="{escape(found["url"])}" alt="{escape(found["alt"])}" '
        f'width="{found["width"]}" height="{found["height"]}">{caption}</figure>{entry.body}'
    )


def feed_values(kind: str | None) -> dict:
    """Return what both feed formats say: titles, addresses, dates and the entries."""
    lang = g.lang
    entries = archive.feed(lang, current_app.config["PRESSROOM_FEED_SIZE"], kind)
    params = {"kind": kind} if kind else {}
    site_title = site_settings()["site_title"]
    newest = max((e.updated for e in entries), default=None) or timekeeping.utcnow()
    return {
        "lang": lang,
        "title": xml_text(f"{site_title} — {kind_name(kind) if kind else _('Statements')}"),
        "author": xml_text(site_title),
        "home": url_for("site.home", _external=True),
        "base": request.host_url,
        "updated": rfc3339(newest),
        "atom_url": url_for("site.feed_atom", _external=True, **params),
        "json_url": url_for("site.feed_json", _external=True, **params),
        "html_url": url_for("site.statement_list", _external=True, **params),
        "other_atom": {
            other: url_for("site.feed_atom", lang=other, _external=True, **params)
            for other in LANGUAGES
            if other != lang
        },
        "entries": [
            {
                "id": url_for(
                    "site.statement_detail", lang=lang, statement_id=e.id, _external=True
                ),
                "url": url_for(
                    "site.statement_detail",
                    lang=lang,
                    statement_id=e.id,
                    slug=e.slug,
                    _external=True,
                ),
                "title": xml_text(e.title),
                "summary": xml_text(e.lead),
                "content": xml_text(content_html(e, shown)),
                "photo": shown,
                "published": rfc3339(e.published_at),
                "updated": rfc3339(e.updated),
                "kind": e.kind,
                "kind_name": kind_name(e.kind),
            }
            for e, shown in ((e, photo(e)) for e in entries)
        ],
    }


@bp.get("/<lang:lang>/feed.atom")
@cached_page(areas=READING)
def feed_atom():
    """The newest statements in this language as an Atom feed (`?kind=` for one kind)."""
    response = make_response(render_template("feeds/atom.xml", **feed_values(_kind())))
    response.content_type = f"{ATOM}; charset=utf-8"
    return share(response, PAGE_SHARED)


@bp.get("/<lang:lang>/feed.json")
@cached_page(areas=READING)
def feed_json():
    """The newest statements in this language as a JSON Feed (`?kind=` for one kind)."""
    values = feed_values(_kind())
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": values["title"],
        "home_page_url": values["html_url"],
        "feed_url": values["json_url"],
        "language": values["lang"],
        "authors": [{"name": values["author"], "url": values["home"]}],
        "items": [
            {
                "id": entry["id"],
                "url": entry["url"],
                "title": entry["title"],
                **({"summary": entry["summary"]} if entry["summary"] else {}),
                "content_html": entry["content"],
                **({"image": entry["photo"]["url"]} if entry["photo"] else {}),
                "date_published": entry["published"],
                "date_modified": entry["updated"],
                "tags": [entry["kind_name"]],
                "language": values["lang"],
            }
            for entry in values["entries"]
        ],
    }
    response = make_response(json.dumps(document, ensure_ascii=False))
    response.content_type = f"{JSON_FEED}; charset=utf-8"
    return share(response, PAGE_SHARED)
