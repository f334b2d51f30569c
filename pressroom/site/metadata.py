"""Link previews and search-engine metadata: Open Graph, the X (Twitter) card, JSON-LD.

Everything is built here as Python data and rendered by `templates/_metadata.html`: meta tags
through Jinja's escaping, JSON-LD through `json.dumps` and `script_json`, never by pasting
strings together, so a title with quotes, `</script>` or Cyrillic arrives intact and inert.

Translations: the model does not record which language a statement was written in, so the rule
is that the text in the site's default language (`PRESSROOM_DEFAULT_LANGUAGE`, English unless
set) is the work and the text in the other language is its translation. The default-language
page names the other page as its `workTranslation`; the other page names the default-language
page as its `translationOfWork`.
"""

import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app, url_for
from flask_babel import gettext as _
from markupsafe import Markup

from .. import timekeeping
from ..content import Article, Item
from ..i18n import site_zone
from ..media import storage
from ..models import KINDS
from ..templating import site_settings

#: The Open Graph locale (language_TERRITORY) of each language.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU"}
#: The share image every page offers until statements get images of their own; made by
#: tools/share_image.py, which tests/test_metadata.py checks against these numbers.
SHARE_IMAGE = "img/share.png"
SHARE_IMAGE_SIZE = (1200, 630)
#: Longest description made from a statement's body when it has no lead.
DESCRIPTION_LENGTH = 200
#: Tags of the body's allow-list (pressroom/text.py) that separate words when read as text.
BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|h[1-6]|blockquote|pre|hr)\b[^>]*>", re.IGNORECASE)
#: Characters that must not appear as themselves inside a <script> element's JSON: `<` would
#: let `</script>` or `<!--` end or change the element, `&` and `>` are escaped with them as
#: browsers' own serialisers do, and U+2028/U+2029 end lines in older JavaScript parsers.
SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


@dataclass(frozen=True)
class PageMetadata:
    """What a page says about itself: description, meta properties and names, JSON-LD blocks."""

    description: str
    #: Open Graph `<meta property>` pairs, in order; a property may repeat.
    properties: list[tuple[str, str]] = field(default_factory=list)
    #: `<meta name>` pairs for the X card.
    names: list[tuple[str, str]] = field(default_factory=list)
    #: JSON-LD documents, already serialised for a <script> element.
    json_ld: list[Markup] = field(default_factory=list)


def script_json(data) -> Markup:
    """Serialise `data` as JSON that is safe as the whole content of a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(SCRIPT_ESCAPES))


def iso_instant(value: datetime) -> str:
    """Return an instant in ISO 8601 with the site zone's offset: 2026-03-15T12:00:00+03:00."""
    return value.astimezone(timekeeping.zone(site_zone())).isoformat(timespec="seconds")


def one_line(text: str) -> str:
    """Return `text` with every run of whitespace made one space, trimmed; no-break spaces
    stay, as typography put them there ("5\xa0000", "г.\xa0Москва")."""
    return re.sub(r"[^\S\xa0]+", " ", text).strip(" ")


def excerpt(body_html: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """Return the start of a sanitised HTML body as plain text, cut at a word, at most `limit`."""
    text = BLOCK_TAG.sub(" ", body_html)  # paragraphs and list items are words apart
    text = one_line(html.unescape(re.sub(r"<[^>]*>", "", text)))
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.—-") + "…"


def statement_description(article: Article) -> str:
    """Return a statement's description: its lead, or the start of its body without one."""
    return one_line(article.lead) or excerpt(article.body)


def site_title() -> str:
    """Return the site's name in the current language (the settings' title, or the default)."""
    return site_settings()["site_title"]


def home_url(lang: str) -> str:
    """Return the absolute URL of the home page in `lang`."""
    return url_for("site.home", lang=lang, _external=True)


def organization_id() -> str:
    """Return the one JSON-LD id of the organisation behind the site, the same in every language."""
    return url_for("site.language_redirect", _external=True) + "#organization"


def share_image() -> dict:
    """Return the share image: its absolute URL and size."""
    width, height = SHARE_IMAGE_SIZE
    return {
        "url": url_for("static", filename=SHARE_IMAGE, _external=True),
        "width": width,
        "height": height,
        "type": "image/png",
    }


def statement_image(article: Article | Item) -> dict | None:
    """Return a statement's own photo as link previews take it (its widest JPEG: every
    consumer reads JPEG), with its absolute URL, size and alt text; None without a photo."""
    if article.image is None:
        return None
    chosen = article.image.fallback
    return {
        "url": storage().url(chosen.name, external=True),
        "width": chosen.width,
        "height": chosen.height,
        "type": chosen.type,
        "alt": article.image.alt,
    }


def organization(lang: str, name: str) -> dict:
    """Return the organisation behind the site as a JSON-LD node."""
    return {"@type": "Organization", "@id": organization_id(), "name": name, "url": home_url(lang)}


def open_graph(
    og_type: str, title: str, description: str, url: str, name: str, lang: str, others: list[str],
    image: dict | None = None,
) -> list[tuple[str, str]]:
    """Return the Open Graph properties every page shares, the image included (the site's share
    image unless `image` is given)."""
    image = image or share_image()
    return [
        ("og:type", og_type),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", name),
        ("og:locale", OG_LOCALES[lang]),
        *(("og:locale:alternate", OG_LOCALES[other]) for other in others),
        ("og:image", image["url"]),
        ("og:image:type", image["type"]),
        ("og:image:width", str(image["width"])),
        ("og:image:height", str(image["height"])),
        ("og:image:alt", image.get("alt") or name),
    ]


def x_card(
    title: str, description: str, name: str, image: dict | None = None
) -> list[tuple[str, str]]:
    """Return the X (Twitter) large-image card; X reads the rest from Open Graph, but not all
    consumers of these tags do, so the title, description and image are repeated."""
    image = image or share_image()
    return [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", title),
        ("twitter:description", description),
        ("twitter:image", image["url"]),
        ("twitter:image:alt", image.get("alt") or name),
    ]


def statement_page(article: Article, alternates: dict[str, str]) -> PageMetadata:
    """Return the metadata of a statement's page; `alternates` maps each language the statement
    has to the absolute URL of its page (the canonical one included)."""
    lang = article.lang
    name = site_title()
    url = alternates[lang]
    description = statement_description(article)
    others = [other for other in alternates if other != lang]
    published = iso_instant(article.published_at)
    # Modified when readers were last told of a change (a change note; a minor edit does not
    # count), and never before its publication time.
    updated = article.updated_at
    modified = iso_instant(max(updated, article.published_at)) if updated else published
    section = str(KINDS[article.kind].one)

    photo = statement_image(article)
    properties = open_graph(
        "article", article.title, description, url, name, lang, others, image=photo
    )
    properties += [
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", section),
    ]

    publisher = organization(lang, name)
    news = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": url + "#article",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": article.title,
        "description": description,
        "inLanguage": lang,
        "datePublished": published,
        "dateModified": modified,
        "articleSection": section,
        "image": [
            {"@type": "ImageObject", "url": photo["url"], "width": photo["width"],
             "height": photo["height"]}
            if photo else share_image()["url"]
        ],
        "author": publisher,
        "publisher": publisher,
    }
    news.update(translation_links(lang, alternates))
    return PageMetadata(
        description=description,
        properties=properties,
        names=x_card(article.title, description, name, image=photo),
        json_ld=[script_json(news)],
    )


def translation_links(lang: str, alternates: dict[str, str]) -> dict:
    """Return `workTranslation` or `translationOfWork` linking this text to its other language
    (see the module's docstring for which is which)."""
    original = current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]
    others = [
        {"@type": "NewsArticle", "@id": url + "#article", "url": url, "inLanguage": other}
        for other, url in alternates.items()
        if other != lang
    ]
    if not others:
        return {}
    if lang == original:
        return {"workTranslation": others[0] if len(others) == 1 else others}
    work = next((other for other in others if other["inLanguage"] == original), None)
    return {"translationOfWork": work} if work else {}


def site_page(lang: str, title: str, description: str, alternates: dict[str, str]) -> PageMetadata:
    """Return the metadata of a site page (home, listing): Open Graph `website`, the X card,
    and JSON-LD for the WebSite and the Organization behind it."""
    name = site_title()
    url = alternates[lang]
    others = [other for other in alternates if other != lang]
    home = home_url(lang)
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "WebSite",
                "@id": home + "#website",
                "url": home,
                "name": name,
                "description": home_description(name),
                "inLanguage": lang,
                "publisher": {"@id": organization_id()},
            },
            {**organization(lang, name), "logo": share_image()["url"]},
        ],
    }
    return PageMetadata(
        description=description,
        properties=open_graph("website", title, description, url, name, lang, others),
        names=x_card(title, description, name),
        json_ld=[script_json(graph)],
    )


def home_description(name: str) -> str:
    """Return the description of the home page (and of the site as a whole)."""
    # I18N: the home page's description for search engines and link previews; %(site)s is
    # the site's title.
    return _(
        "%(site)s: statements, speeches, interviews, articles and comments in English and Russian.",
        site=name,
    )


def home_page(lang: str, alternates: dict[str, str]) -> PageMetadata:
    """Return the metadata of the home page."""
    name = site_title()
    return site_page(lang, name, home_description(name), alternates)


def listing_page(lang: str, kind: str | None, alternates: dict[str, str]) -> PageMetadata:
    """Return the metadata of a page of the listing, all kinds or one."""
    name = site_title()
    if kind:
        title = str(KINDS[kind].many)
        # I18N: a listing's description; %(kind)s is the name of several publications of a
        # kind, such as "Speeches" or "Interviews", %(site)s the site's title.
        description = _(
            "%(site)s: %(kind)s — every publication of this kind, newest first.",
            site=name,
            kind=title,
        )
    else:
        title = _("Statements")
        # I18N: the listing's description; %(site)s is the site's title.
        description = _("%(site)s: all statements, newest first.", site=name)
    return site_page(lang, title, description, alternates)
