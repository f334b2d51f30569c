"""What crawlers read: `/robots.txt` and the sitemaps.

`/sitemap.xml` is a sitemap index. Its children hold at most PRESSROOM_SITEMAP_SIZE addresses
each: `/sitemaps/pages-N.xml` the home pages, listings and archive pages, and
`/sitemaps/statements-N.xml` the statements, a slice of them (oldest first by id) each. Every
address lists the same page in each language it exists in, and an x-default, exactly as the
page's own `<link rel="alternate">` tags do. A child is one query: no bodies, nothing per item.
"""

from flask import abort, current_app, make_response, render_template, url_for

from .. import archive
from ..config import LANGUAGES
from ..i18n import site_zone
from ..pagecache import cached_page, share
from ..security import STAFF_PREFIX
from . import bp
from .archive import find_period, period_alternates
from .feeds import rfc3339
from .views import both_languages

#: Seconds shared caches may keep robots.txt and the sitemaps: crawlers read them seldom, and
#: the app's own cache renews them at every save all the same.
CRAWLER_SHARED = 3600
SITEMAP = "application/xml; charset=utf-8"


def default_language() -> str:
    """Return the site's default language, whose page x-default names."""
    return current_app.config["PRESSROOM_DEFAULT_LANGUAGE"]


def entries(alternates: dict[str, str], x_default: str, updated=None) -> list[dict]:
    """Return one sitemap entry per language of a page, each listing all of them."""
    links = [*alternates.items(), ("x-default", x_default)]
    return [{"loc": url, "updated": updated, "links": links} for url in alternates.values()]


def page_entries() -> list[dict]:
    """Return the entries of every page that is not a statement: home pages, listings, the
    archive and its years and months (first pages only)."""
    home = both_languages("site.home")
    result = entries(home, url_for("site.language_redirect", _external=True))
    for endpoint in ("site.statement_list", "site.archive_index"):
        alternates = both_languages(endpoint)
        result += entries(alternates, alternates[default_language()])
    periods: set[tuple[int, int | None]] = set()
    for lang in LANGUAGES:
        for year in archive.calendar(lang, site_zone()):
            periods.add((year.year, None))
            periods.update((month.year, month.month) for month in year.months)
    for year, month in sorted(periods, key=lambda key: (key[0], key[1] or 0)):
        endpoint = "site.archive_month" if month else "site.archive_year"
        alternates = period_alternates(endpoint, year, month, 1)
        updated = max(
            find_period(archive.calendar(lang, site_zone()), year, month).updated
            for lang in alternates
        )
        result += entries(
            alternates, alternates.get(default_language(), next(iter(alternates.values()))),
            updated,
        )
    return result


def statement_entries(locations) -> list[dict]:
    """Return the entries of statements: each language's page, listing all of them."""
    found = []
    for location in locations:
        alternates = {
            lang: url_for(
                "site.statement_detail",
                lang=lang,
                statement_id=location.id,
                slug=slug,
                _external=True,
            )
            for lang, slug in location.slugs.items()
        }
        # As the statement's page says it: the default language's text, else its own.
        for url in alternates.values():
            x_default = alternates.get(default_language(), url)
            found.append(
                {
                    "loc": url,
                    "updated": location.updated,
                    "links": [*alternates.items(), ("x-default", x_default)],
                }
            )
    return found


def per_slice() -> int:
    """Return how many statements one child sitemap holds: one address per language each."""
    return max(1, current_app.config["PRESSROOM_SITEMAP_SIZE"] // len(LANGUAGES))


def xml_response(template: str, **values):
    """Render a sitemap template as a response crawlers and shared caches may keep."""
    response = make_response(render_template(template, rfc3339=rfc3339, **values))
    response.content_type = SITEMAP
    return share(response, CRAWLER_SHARED)


@bp.get("/sitemap.xml")
@cached_page
def sitemap_index():
    """The sitemap index: every child sitemap, with when it last changed."""
    size = current_app.config["PRESSROOM_SITEMAP_SIZE"]
    pages = page_entries()
    children = []
    for number, start in enumerate(range(0, len(pages), size), 1):
        dates = [e["updated"] for e in pages[start : start + size] if e["updated"]]
        children.append(
            {
                "loc": url_for("site.sitemap_pages", number=number, _external=True),
                "updated": max(dates, default=None),
            }
        )
    for number, updated in enumerate(archive.slices(per_slice()), 1):
        children.append(
            {
                "loc": url_for("site.sitemap_statements", number=number, _external=True),
                "updated": updated,
            }
        )
    return xml_response("feeds/sitemap_index.xml", children=children)


@bp.get("/sitemaps/pages-<id:number>.xml")
@cached_page
def sitemap_pages(number: int):
    """One child sitemap of the pages that are not statements."""
    size = current_app.config["PRESSROOM_SITEMAP_SIZE"]
    found = page_entries()[(number - 1) * size : number * size]
    if not found:
        abort(404)
    return xml_response("feeds/sitemap.xml", urls=found)


@bp.get("/sitemaps/statements-<id:number>.xml")
@cached_page
def sitemap_statements(number: int):
    """One child sitemap of statements: a slice of them, oldest first by id."""
    if number > len(archive.slices(per_slice())):
        abort(404)
    return xml_response(
        "feeds/sitemap.xml", urls=statement_entries(archive.locations(number, per_slice()))
    )


@bp.get("/robots.txt")
@cached_page
def robots():
    """Crawl rules: not the staff area, not search results; where the sitemap is."""
    disallowed = [f"{STAFF_PREFIX}/", *(f"/{lang}/search" for lang in LANGUAGES)]
    response = make_response(
        render_template(
            "feeds/robots.txt",
            disallowed=disallowed,
            sitemap=url_for("site.sitemap_index", _external=True),
        )
    )
    response.content_type = "text/plain; charset=utf-8"
    return share(response, CRAWLER_SHARED)
