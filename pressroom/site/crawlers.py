"""What crawlers read: `/robots.txt` and the sitemaps.

`/sitemap.xml` is a sitemap index. Its children hold at most PRESSROOM_SITEMAP_SIZE addresses
each: `/sitemaps/pages-N.xml` the home pages, listings and archive pages, and
`/sitemaps/statements-N.xml` the statements, a slice of them (oldest first by id) each. Every
address lists the same page in each language it exists in, and an x-default, exactly as the
page's own `<link rel="alternate">` tags do. A child is one query: no bodies, nothing per item.
"""


from flask import abort, current_app, make_response, render_template, url_for

from .. import archive
from ..addresses import statement_address
from ..config import LANGUAGES
from ..contentstate import READING
from ..extensions import db
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


def group(alternates: dict[str, str], x_default: str, lastmod: str | None = None) -> dict:
    """Return the addresses of one page in each of its languages, which share their language
    links (and x-default) and their lastmod: the sitemap writes the links once per group."""
    return {
        "locs": list(alternates.values()),
        "links": [*alternates.items(), ("x-default", x_default)],
        "lastmod": lastmod,
    }


def page_groups() -> list[dict]:
    """Return every page that is not a statement: home pages, listings, the archive and its
    years and months (first pages only), with their language versions."""
    home = both_languages("site.home")
    found = [group(home, url_for("site.language_redirect", _external=True))]
    for endpoint in ("site.statement_list", "site.archive_index"):
        alternates = both_languages(endpoint)
        found.append(group(alternates, alternates[default_language()]))
    calendars = {lang: archive.calendar(lang, site_zone()) for lang in LANGUAGES}
    periods: set[tuple[int, int | None]] = set()
    for years in calendars.values():
        for year in years:
            periods.add((year.year, None))
            periods.update((month.year, month.month) for month in year.months)
    for year, month in sorted(periods, key=lambda key: (key[0], key[1] or 0)):
        alternates = period_alternates(
            "site.archive_month" if month else "site.archive_year",
            year,
            month,
            1,
            lambda lang, year=year, month=month: (
                find_period(calendars[lang], year, month) is not None
            ),
        )
        found.append(
            group(alternates, alternates.get(default_language(), next(iter(alternates.values()))))
        )
    return found


def page_slice(number: int) -> list[dict]:
    """Return the pages of child sitemap `number` (from 1): at most PRESSROOM_SITEMAP_SIZE
    addresses, one group each."""
    size = current_app.config["PRESSROOM_SITEMAP_SIZE"]
    single = [
        {**found, "locs": [loc]} for found in page_groups() for loc in found["locs"]
    ]
    return single[(number - 1) * size : number * size]


def statement_groups(locations) -> list[dict]:
    """Return the statements' pages in each of their languages, with the x-default and the
    last change their pages say they have."""
    address = statement_address()
    default = default_language()
    found = []
    for location in locations:
        alternates = {
            lang: address(lang, location.id, slug) for lang, slug in location.slugs.items()
        }
        lastmod = rfc3339(location.updated)
        if default in alternates:
            found.append(group(alternates, alternates[default], lastmod))
        else:
            # As the statement's page says it: without the default language, its own address.
            found += [
                {**group(alternates, url, lastmod), "locs": [url]} for url in alternates.values()
            ]
    return found


def per_slice() -> int:
    """Return how many statements one child sitemap holds: one address per language each."""
    return max(1, current_app.config["PRESSROOM_SITEMAP_SIZE"] // len(LANGUAGES))


def xml_response(template: str, **values):
    """Render a sitemap template as a response crawlers and shared caches may keep."""
    response = make_response(render_template(template, **values))
    response.content_type = SITEMAP
    return share(response, CRAWLER_SHARED)


@bp.get("/sitemap.xml")
@cached_page(areas=READING)
def sitemap_index():
    """The sitemap index: every child sitemap, with when it last changed."""
    size = current_app.config["PRESSROOM_SITEMAP_SIZE"]
    addresses = sum(len(found["locs"]) for found in page_groups())
    children = [
        {"loc": url_for("site.sitemap_pages", number=number, _external=True), "lastmod": None}
        for number in range(1, -(-addresses // size) + 1)
    ]
    for number, updated in enumerate(archive.slices(per_slice()), 1):
        children.append(
            {
                "loc": url_for("site.sitemap_statements", number=number, _external=True),
                "lastmod": rfc3339(updated),
            }
        )
    return xml_response("feeds/sitemap_index.xml", children=children)


@bp.get("/sitemaps/pages-<id:number>.xml")
@cached_page(areas=READING)
def sitemap_pages(number: int):
    """One child sitemap of the pages that are not statements."""
    found = page_slice(number)
    if not found:
        abort(404)
    return xml_response("feeds/sitemap.xml", groups=found)


@bp.get("/sitemaps/statements-<id:number>.xml")
@cached_page(areas=READING)
def sitemap_statements(number: int):
    """One child sitemap of statements: a slice of them, oldest first by id."""
    if number > len(archive.slices(per_slice())):
        abort(404)
    found = archive.locations(number, per_slice())
    # Seconds of rendering for 50,000 addresses: not while holding a database connection, which
    # the watchdog would cut at PRESSROOM_DATABASE_TIMEOUT, leaving the database alone after.
    db.session.close()
    return xml_response("feeds/sitemap.xml", groups=statement_groups(found))


@bp.get("/robots.txt")
@cached_page(areas=READING)
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
