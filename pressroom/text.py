"""Text helpers: HTML sanitising and slugs.

Markdown and nh3 are imported where they are used: only writes (the staff forms, the demo and
import commands) call them, and a worker that only serves readers never loads them.
"""

from markupsafe import escape
from slugify import slugify

#: The tags a statement body may contain; everything else is stripped before storage.
ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "blockquote",
    "q",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "code",
    "pre",
    "hr",
    "abbr",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the allow-list: no scripts, event handlers or javascript: links."""
    import nh3

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )


def paragraphs_to_html(paragraphs: list[str]) -> str:
    """Return plain-text paragraphs as escaped, sanitised HTML paragraphs."""
    return sanitize_html("".join(f"<p>{escape(p)}</p>" for p in paragraphs))


def markdown_to_html(source: str) -> str:
    """Return Markdown rendered to HTML and reduced to the allow-list (raw HTML included)."""
    import markdown

    return sanitize_html(markdown.markdown(source, extensions=["sane_lists"], output_format="html"))


def make_slug(title: str, max_length: int = 80) -> str:
    """Return a Latin, lowercase, hyphenated slug; Cyrillic is transliterated."""
    return slugify(title, max_length=max_length, word_boundary=True) or "statement"
