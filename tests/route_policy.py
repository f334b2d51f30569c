"""Every route of the app with its policy: framing, CSP, caching, sign-in, methods, and inputs.

A route added to the app without a row here fails `test_every_route_has_a_row`. The header, CSRF
and redirect tests (tests/test_route_policy.py) and the bad-input sweep (tests/test_bad_input.py)
read what to send and what to expect from these rows.

Values in `path` and in the valid forms may name seeded rows: `{statement}`, `{slug}`,
`{counter}`, `{clock}`, and `{year}`, `{month}` (when the statement was published, in the site's
zone; see `seed` in tests/test_bad_input.py), and per-request values:
`{form_token}`, `{zone}`, `{n}`, and `{version}` (the edit page's hidden `version`).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import select

from pressroom import ROOT, media, timekeeping
from pressroom.content import SETTINGS_FIELDS
from pressroom.extensions import db
from pressroom.models import Statement
from pressroom.security import BASE_POLICY

#: Kinds of input value; tests/sweep_values.py generates bad values of each kind.
TEXT, WORD, NUMBER, DATE, TIME, ZONE, COLOUR, URL, PATH, TOKEN = (
    "text", "word", "number", "date", "time", "zone", "colour", "url", "path", "token"
)

#: The kind of value each path segment takes.
SEGMENT_KINDS = {
    "lang": WORD,
    "statement_id": NUMBER,
    "counter_id": NUMBER,
    "clock_id": NUMBER,
    "slug": TEXT,
    "filename": PATH,
    "year": NUMBER,
    "month": NUMBER,
    "number": NUMBER,
    "link_id": NUMBER,
    "token": TOKEN,
    "name": PATH,
}
#: Who may frame a page, as CSP `frame-ancestors` and X-Frame-Options say it.
FRAMES = {
    "self": ("'self'", "SAMEORIGIN"),
    "partners": (None, None),  # the PRESSROOM_WIDGET_FRAME_ANCESTORS allow-list; no XFO
    "none": ("'none'", "DENY"),
}
#: What a response's Cache-Control says, by the `cache` column.
CACHES = ("shared", "browser", "revalidate", "none", "no-store")


@dataclass(frozen=True)
class Route:
    """One rule of `app.url_map` and the policy every response to it follows."""

    rule: str
    endpoint: str
    #: The methods the rule declares (Flask adds HEAD and OPTIONS by itself).
    methods: frozenset[str]
    #: "self" (site pages), "partners" (widgets: the allow-list) or "none" (staff).
    frame: str
    #: "base" is BASE_POLICY as is; "base+accent" lets one hashed inline style (the accent) in.
    csp: str
    #: Cache-Control of its 200s: "shared" (public, s-maxage: shared caches and the page
    #: cache keep it), "browser" (public, max-age only), "revalidate" (no-cache with an ETag),
    #: "none" (nothing lets a cache keep it), "no-store".
    cache: str
    #: Anonymous requests are sent to the sign-in page and never reach the view.
    sign_in: bool
    #: A valid value for each path segment.
    path: dict[str, str] = field(default_factory=dict)
    #: Query parameters the view reads, with the kind of value each takes.
    query: dict[str, str] = field(default_factory=dict)
    #: Form fields its POST reads (the CSRF token included), with their kinds.
    form: dict[str, str] = field(default_factory=dict)
    #: A POST submission that passes validation (the CSRF token is added by the sender).
    valid_form: dict[str, str] = field(default_factory=dict)
    #: Parameters sent along with a swept query parameter so that it is read at all.
    context: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The query string of the example request, when the route needs one.
    example_query: str = ""
    #: Parameters that say where to go afterwards: their values must never lead off the site.
    next_params: tuple[str, ...] = ()
    #: What the valid example request answers.
    status: int = 200
    #: Error statuses the view answers itself, under its own policy (a widget's 400 page).
    own_errors: tuple[int, ...] = ()
    #: 5xx statuses a standard the route implements asks for (oEmbed's 501).
    standard_5xx: tuple[int, ...] = ()
    #: The form its POST reads, when several routes share one ("statement" for new, edit and
    #: preview): the bad-input sweep spreads a field's values over those routes.
    form_name: str = ""
    #: Framing of the error pages the app's error handler answers for this route, where it
    #: differs from `frame`.
    error_frame: str | None = None
    #: Its Referrer-Policy: previews say "no-referrer", so their token never leaves in a Referer.
    referrer: str = "strict-origin-when-cross-origin"

    @property
    def example(self) -> str:
        """Return the rule with its path segments' valid values (placeholders kept)."""
        return build_path(self.rule, self.path)

    def policy(self, status: int) -> tuple[str, str]:
        """Return (frame, csp) that a response with `status` must carry."""
        if status >= 400 and status not in self.own_errors:
            return self.error_frame or self.frame, "base"
        return self.frame, self.csp


SEGMENT = re.compile(r"<(?:[a-z]+:)?([a-z_]+)>")


def seed_rendition() -> str:
    """Store one photo rendition in the app's media storage; return its name (`{rendition}`)."""
    data = (ROOT / "tests" / "data" / "images" / "valid.jpg").read_bytes()
    name = media.file_name(data, 1700, "jpg")
    media.storage().save(name, data)
    return name


def build_path(rule: str, values: dict[str, str]) -> str:
    """Return `rule` with each `<converter:name>` replaced by `values[name]`."""
    return SEGMENT.sub(lambda m: values[m.group(1)], rule)


GET = frozenset({"GET"})
POST = frozenset({"POST"})
GET_POST = frozenset({"GET", "POST"})

LANGS = ("en", "ru")
#: The widget parameters every widget takes.
COMMON = {"lang": WORD, "theme": WORD, "accent": COLOUR}
#: The statement form, new or edited.
STATEMENT_FORM = {
    "csrf_token": TOKEN,
    "form_token": TOKEN,
    "kind": WORD,
    "published_date": DATE,
    "published_time": TIME,
    "status": WORD,
    "featured": WORD,
    "action": WORD,
    **{f"{lang}-{name}": TEXT for lang in LANGS for name in ("title", "slug", "lead", "body")},
    # Asked on an edit of a public statement: a minor edit, or a change with a public note.
    "change": WORD,
    "change_note_en": TEXT,
    "change_note_ru": TEXT,
    # The photo (a file, not swept), the one kept from a refused submit, its removal, its texts.
    "image_token": TOKEN,
    "image_remove": WORD,
    **{f"{lang}-{name}": TEXT for lang in LANGS
       for name in ("image_alt", "image_caption", "image_credit")},
}
VALID_STATEMENT = {
    "form_token": "{form_token}",
    "kind": "statement",
    "published_date": "2026-03-10",
    "published_time": "11:00",
    "status": "published",
    "action": "save",
    "en-title": "Sweep {n}",
    "en-slug": "",
    "en-lead": "A lead.",
    "en-body": "Some *Markdown*.",
    "ru-title": "Проверка {n}",
    "ru-slug": "",
    "ru-lead": "",
    "ru-body": "",
}
COUNTER_FORM = {
    "csrf_token": TOKEN,
    "event_date": DATE,
    "timezone": ZONE,
    "position": NUMBER,
    **{f"{lang}-{name}": TEXT for lang in LANGS for name in ("label", "label_ahead", "caption")},
}
VALID_COUNTER = {
    "event_date": "2023-06-17",
    "timezone": "Europe/Moscow",
    "position": "0",
    "en-label": "since the accord",
    "en-label_ahead": "until the accord",
    "en-caption": "Signed at dawn.",
    "ru-label": "с подписания соглашения",
    "ru-caption": "",
}
CLOCK_FORM = {"csrf_token": TOKEN, "timezone": ZONE, "position": NUMBER}
VALID_CLOCK = {"timezone": "{zone}", "position": "1"}

# Widgets answer wrong parameters with their own framable 400 page, and a missing counter or
# statement with a framable 404 card (own_errors of those rows), but a wrong method (405) with
# the site's error page, which refuses framing.
WIDGET = {
    "frame": "partners",
    "csp": "base+accent",
    "cache": "shared",
    "sign_in": False,
    "own_errors": (400,),
    "error_frame": "self",
}
#: A widget of one counter or statement, which may have been deleted (a deleted statement's
#: card answers 410).
REMOVABLE_WIDGET = {**WIDGET, "own_errors": (400, 404, 410)}
SITE = {"frame": "self", "csp": "base", "sign_in": False}
STAFF = {"frame": "none", "csp": "base", "cache": "no-store", "sign_in": True}

ROUTES = (
    Route("/", "site.language_redirect", GET, **SITE, cache="none", status=302),
    Route("/<lang:lang>/", "site.home", GET, **SITE, cache="shared", path={"lang": "en"}),
    Route(
        "/<lang:lang>/statements/",
        "site.statement_list",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "ru"},
        query={"page": NUMBER, "kind": WORD},
    ),
    # Without a slug the statement redirects (301) to its canonical address.
    Route(
        "/<lang:lang>/statements/<id:statement_id>/",
        "site.statement_detail",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "en", "statement_id": "{statement}"},
        status=301,
    ),
    Route(
        "/<lang:lang>/statements/<id:statement_id>/<path:slug>",
        "site.statement_detail",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "en", "statement_id": "{statement}", "slug": "{slug}"},
    ),
    # Search (pressroom/site/search.py): a too-long query or a bad date is its own 400 page.
    Route(
        "/<lang:lang>/search",
        "site.statement_search",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "ru"},
        query={"q": TEXT, "kind": WORD, "from": DATE, "to": DATE, "page": NUMBER},
        example_query="q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8",  # санкции
        own_errors=(400,),
    ),
    # Feeds, the archive and what crawlers read (pressroom/site/feeds.py, archive.py,
    # crawlers.py). `{year}` and `{month}` are the seeded statement's, in the site's zone.
    Route(
        "/<lang:lang>/feed.atom",
        "site.feed_atom",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "ru"},
        query={"kind": WORD},
    ),
    Route(
        "/<lang:lang>/feed.json",
        "site.feed_json",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "en"},
        query={"kind": WORD},
    ),
    Route("/<lang:lang>/archive/", "site.archive_index", GET, **SITE, cache="shared",
          path={"lang": "en"}),
    Route(
        "/<lang:lang>/archive/<year:year>/",
        "site.archive_year",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "ru", "year": "{year}"},
        query={"page": NUMBER},
    ),
    Route(
        "/<lang:lang>/archive/<year:year>/<month:month>/",
        "site.archive_month",
        GET,
        **SITE,
        cache="shared",
        path={"lang": "en", "year": "{year}", "month": "{month}"},
        query={"page": NUMBER},
    ),
    Route("/sitemap.xml", "site.sitemap_index", GET, **SITE, cache="shared"),
    Route("/sitemaps/pages-<id:number>.xml", "site.sitemap_pages", GET, **SITE, cache="shared",
          path={"number": "1"}),
    Route("/sitemaps/statements-<id:number>.xml", "site.sitemap_statements", GET, **SITE,
          cache="shared", path={"number": "1"}),
    Route("/robots.txt", "site.robots", GET, **SITE, cache="shared"),
    Route(
        "/oembed",
        "widgets.oembed",
        GET,
        **SITE,
        cache="browser",
        query={"url": URL, "format": WORD, "maxwidth": NUMBER, "maxheight": NUMBER},
        # oEmbed 2.3.4.4: a format the provider does not offer answers 501 Not Implemented.
        standard_5xx=(501,),
        example_query="url=http%3A%2F%2Fpressroom.test%2Fwidgets%2Flatest%3Flimit%3D3",
        context={
            name: {"url": "http://pressroom.test/widgets/latest?limit=3"}
            for name in ("format", "maxwidth", "maxheight")
        },
    ),
    Route(
        "/widgets/",
        "widgets.gallery",
        GET,
        **SITE,
        cache="none",
        query={
            "lang": WORD,
            "widget": WORD,
            "counter": NUMBER,
            "tz": ZONE,
            "seconds": WORD,
            "hours": NUMBER,
            "limit": NUMBER,
            "kind": WORD,
            "theme": WORD,
            "accent": COLOUR,
        },
        context={
            "counter": {"widget": "counter"},
            "limit": {"widget": "latest"},
            "kind": {"widget": "latest"},
        },
    ),
    Route(
        "/widgets/clock",
        "widgets.clock",
        GET,
        **WIDGET,
        query={"tz": ZONE, "seconds": WORD, "hours": NUMBER, **COMMON},
    ),
    Route(
        "/widgets/counter/<id:counter_id>",
        "widgets.day_counter",
        GET,
        **REMOVABLE_WIDGET,
        path={"counter_id": "{counter}"},
        query=COMMON,
    ),
    Route("/widgets/embed.js", "widgets.embed_script", GET, **SITE, cache="browser"),
    Route(
        "/widgets/latest",
        "widgets.latest",
        GET,
        **WIDGET,
        query={"limit": NUMBER, "kind": WORD, "thumbs": WORD, **COMMON},
    ),
    Route(
        "/widgets/statement/<id:statement_id>",
        "widgets.statement_card",
        GET,
        **REMOVABLE_WIDGET,
        path={"statement_id": "{statement}"},
        query=COMMON,
    ),
    Route(
        "/static/<path:filename>",
        "static",
        GET,
        **SITE,
        cache="revalidate",
        path={"filename": "css/site.css"},
        query={"v": TOKEN},
    ),
    # A statement photo's rendition (pressroom/media.py): `{rendition}` is one the seed stored.
    Route("/media/<name>", "media.image", GET, **SITE, cache="browser",
          path={"name": "{rendition}"}),
    Route(
        "/staff/",
        "staff.dashboard",
        GET,
        **STAFF,
        query={
            "page": NUMBER, "lang": WORD, "status": WORD, "kind": WORD, "missing": WORD, "q": TEXT,
        },
    ),
    # Previews (pressroom/drafts.py): `{preview_token}` and `{preview_link}` are two links to
    # the seeded statement (`seed_previews`), so revoking one leaves the other working.
    Route(
        "/staff/statements/<id:statement_id>/preview",
        "staff.statement_page_preview",
        GET,
        **STAFF,
        path={"statement_id": "{statement}"},
        query={"lang": WORD},
    ),
    Route(
        "/staff/statements/<id:statement_id>/preview-links",
        "staff.preview_link_new",
        POST,
        **STAFF,
        path={"statement_id": "{statement}"},
        form={"csrf_token": TOKEN},
        status=303,
    ),
    Route(
        "/staff/preview-links/<id:link_id>/revoke",
        "staff.preview_link_revoke",
        POST,
        **STAFF,
        path={"link_id": "{preview_link}"},
        form={"csrf_token": TOKEN},
        status=303,
    ),
    Route(
        "/preview/<lang:lang>/<token>",
        "previews.preview_link_show",
        GET,
        **SITE,
        cache="no-store",
        path={"lang": "ru", "token": "{preview_token}"},
        referrer="no-referrer",
    ),
    Route(
        "/staff/sign-in",
        "staff.sign_in",
        GET_POST,
        **{**STAFF, "sign_in": False},
        query={"next": URL, "lang": WORD},
        form={"csrf_token": TOKEN, "email": TEXT, "password": TEXT},
        form_name="sign-in",
        valid_form={"email": "officer@example.org", "password": "correct horse battery staple"},
        next_params=("next",),
    ),
    Route(
        "/staff/sign-out",
        "staff.sign_out",
        POST,
        **STAFF,
        form={"csrf_token": TOKEN},
        status=303,
    ),
    Route(
        "/staff/statements/new",
        "staff.statement_new",
        GET_POST,
        **STAFF,
        query={"lang": WORD},
        form=STATEMENT_FORM,
        form_name="statement",
        valid_form=VALID_STATEMENT,
    ),
    Route(
        "/staff/statements/<id:statement_id>/edit",
        "staff.statement_edit",
        GET_POST,
        **STAFF,
        path={"statement_id": "{statement}"},
        query={"lang": WORD},
        form={**STATEMENT_FORM, "version": NUMBER},
        form_name="statement",
        valid_form={**VALID_STATEMENT, "version": "{version}"},
    ),
    Route(
        "/staff/statements/preview",
        "staff.statement_preview",
        POST,
        **STAFF,
        form=STATEMENT_FORM,
        form_name="statement",
        valid_form=VALID_STATEMENT,
    ),
    # The history (pressroom/staff/history.py); revision 1 is the seeded statement's creation.
    Route(
        "/staff/statements/<id:statement_id>/history",
        "staff.statement_history",
        GET,
        **STAFF,
        path={"statement_id": "{statement}"},
        query={"lang": WORD, "a": NUMBER, "b": NUMBER},
    ),
    Route(
        "/staff/statements/<id:statement_id>/history/<id:number>/restore",
        "staff.statement_revision_restore",
        GET_POST,
        **STAFF,
        path={"statement_id": "{statement}", "number": "1"},
        query={"lang": WORD},
        form={"csrf_token": TOKEN, "version": NUMBER, "change": WORD, "change_note_en": TEXT,
              "change_note_ru": TEXT},
        form_name="restore",
        valid_form={"version": "{version}", "change": "minor"},
    ),
    Route(
        "/staff/statements/<id:statement_id>/withdraw",
        "staff.statement_withdraw",
        GET_POST,
        **STAFF,
        path={"statement_id": "{statement}"},
        query={"lang": WORD},
        form={"csrf_token": TOKEN, "version": NUMBER, "reason_en": TEXT, "reason_ru": TEXT},
        form_name="withdraw",
        valid_form={
            "version": "{version}",
            "reason_en": "Superseded by a later statement.",
            "reason_ru": "Заменено более поздним заявлением.",
        },
    ),
    Route(
        "/staff/statements/<id:statement_id>/restore",
        "staff.statement_restore",
        POST,
        **STAFF,
        path={"statement_id": "{statement}"},
        form={"csrf_token": TOKEN},
        status=303,
    ),
    Route(
        "/staff/statements/<id:statement_id>/delete",
        "staff.statement_delete",
        GET_POST,
        **STAFF,
        path={"statement_id": "{statement}"},
        query={"lang": WORD},
        form={"csrf_token": TOKEN},
    ),
    Route(
        "/staff/counters/new",
        "staff.counter_edit",
        GET_POST,
        **STAFF,
        query={"lang": WORD},
        form=COUNTER_FORM,
        form_name="counter",
        valid_form=VALID_COUNTER,
    ),
    Route(
        "/staff/counters/<id:counter_id>/edit",
        "staff.counter_edit",
        GET_POST,
        **STAFF,
        path={"counter_id": "{counter}"},
        query={"lang": WORD},
        form={**COUNTER_FORM, "version": TOKEN},
        form_name="counter",
        valid_form={**VALID_COUNTER, "version": "{version}"},
    ),
    Route(
        "/staff/counters/<id:counter_id>/delete",
        "staff.counter_delete",
        POST,
        **STAFF,
        path={"counter_id": "{counter}"},
        form={"csrf_token": TOKEN},
        status=303,
    ),
    Route(
        "/staff/clocks/new",
        "staff.clock_edit",
        GET_POST,
        **STAFF,
        query={"lang": WORD},
        form=CLOCK_FORM,
        form_name="clock",
        valid_form=VALID_CLOCK,
    ),
    Route(
        "/staff/clocks/<id:clock_id>/edit",
        "staff.clock_edit",
        GET_POST,
        **STAFF,
        path={"clock_id": "{clock}"},
        query={"lang": WORD},
        form=CLOCK_FORM,
        form_name="clock",
        valid_form=VALID_CLOCK,
    ),
    Route(
        "/staff/clocks/<id:clock_id>/delete",
        "staff.clock_delete",
        POST,
        **STAFF,
        path={"clock_id": "{clock}"},
        form={"csrf_token": TOKEN},
        status=303,
    ),
    Route(
        "/staff/settings",
        "staff.settings_edit",
        GET_POST,
        **STAFF,
        query={"lang": WORD},
        form={
            "csrf_token": TOKEN,
            **{f"{lang}-{name}": TEXT for lang in LANGS for name in SETTINGS_FIELDS},
        },
        form_name="settings",
        valid_form={
            "en-site_title": "Press Office",
            "en-contact_line": "Duty officer: +7 000",
            "en-contact_phone": "+7 (495) 000-00-00",
            "en-contact_email": "press@example.org",
            "ru-site_title": "Пресс-служба",
            "ru-contact_line": "",
        },
    ),
    # One's own password and the audit log (pressroom/staff/account_views.py). The valid form
    # gives the current password as the new one: it changes nothing, so the session the tests
    # hold goes on (a real change ends every other session, copies of the cookie included).
    Route(
        "/staff/account/password",
        "staff.password_edit",
        GET_POST,
        **STAFF,
        query={"lang": WORD},
        form={
            "csrf_token": TOKEN,
            "current_password": TEXT,
            "new_password": TEXT,
            "confirm_password": TEXT,
        },
        form_name="password",
        valid_form={
            "current_password": "correct horse battery staple",
            "new_password": "correct horse battery staple",
            "confirm_password": "correct horse battery staple",
        },
    ),
    Route("/staff/audit", "staff.audit_log", GET, **STAFF, query={"page": NUMBER, "lang": WORD}),
)

BY_RULE = {route.rule: route for route in ROUTES}
#: The policy of addresses that match no rule: the staff area's, or the site's.
UNMATCHED_STAFF = Route("", "", frozenset(), **STAFF)
UNMATCHED_SITE = Route("", "", frozenset(), **SITE, cache="none")
#: Under /preview/ even an address that matches no rule may hold a token: it is kept private.
UNMATCHED_PREVIEW = Route("", "", frozenset(), **SITE, cache="no-store", referrer="no-referrer")


def route_of(app, path: str, method: str) -> Route:
    """Return the row of the rule `path` matches (any method), or the area's unmatched row."""
    adapter = app.url_map.bind("pressroom.test")
    for tried in (method, "GET", "POST"):
        try:
            rule, _ = adapter.match(path, method=tried, return_rule=True)
        except Exception:  # NotFound, MethodNotAllowed, RequestRedirect: try the next method
            continue
        return BY_RULE[rule.rule]
    return unmatched(path)


def unmatched(path: str) -> Route:
    """Return the row of an address that matches no rule: its area's."""
    if path == "/staff" or path.startswith("/staff/"):
        return UNMATCHED_STAFF
    if path == "/preview" or path.startswith("/preview/"):
        return UNMATCHED_PREVIEW
    return UNMATCHED_SITE


def security_problems(route: Route, response, ancestors: str, https: bool = False) -> list[str]:
    """Return how `response` differs from the headers its route's row requires (none: [])."""
    headers = response.headers
    problems = []
    frame, csp = route.policy(response.status_code)
    source, x_frame = FRAMES[frame]
    policy = headers.get("Content-Security-Policy", "")
    wanted = f"{BASE_POLICY}; frame-ancestors {source or ancestors}"
    if csp == "base+accent":
        # One inline style may be allowed by its hash: the widget's accent colour.
        policy = re.sub(r"style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='", "style-src 'self'", policy)
    if policy != wanted:
        problems.append(f"Content-Security-Policy {headers.get('Content-Security-Policy')!r}")
    if headers.get("X-Frame-Options") != x_frame:
        problems.append(f"X-Frame-Options {headers.get('X-Frame-Options')!r}")
    if headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("no X-Content-Type-Options: nosniff")
    if headers.get("Referrer-Policy") != route.referrer:
        problems.append(f"Referrer-Policy {headers.get('Referrer-Policy')!r}")
    if https and not headers.get("Strict-Transport-Security", "").startswith("max-age="):
        problems.append("no Strict-Transport-Security over HTTPS")
    if route.frame == "none" and headers.get("X-Robots-Tag") != "noindex":
        problems.append("no X-Robots-Tag: noindex")
    problems += cache_problems(route, response)
    return problems


def cache_problems(route: Route, response) -> list[str]:
    """Return how the response's Cache-Control differs from the row's `cache` column."""
    control = response.cache_control
    raw = response.headers.get("Cache-Control")
    storable = control.public or bool(control.s_maxage) or bool(control.max_age)
    status = response.status_code
    if route.cache == "no-store":
        return [] if control.no_store else [f"Cache-Control {raw!r}, not no-store"]
    if status >= 400:
        return [f"an error page caches may keep: {raw!r}"] if storable else []
    if status not in (200, 304):
        return []
    wanted = {
        "shared": control.public and bool(control.s_maxage),
        "browser": control.public and bool(control.max_age) and not control.s_maxage,
        "revalidate": control.no_cache is not None and "ETag" in response.headers,
        "none": not storable,
    }[route.cache]
    return [] if wanted else [f"Cache-Control {raw!r}, not {route.cache!r}"]


def off_site(location: str, host: str = "pressroom.test") -> bool:
    """Tell whether a browser would follow `location` to another host than `host`.

    Reads it as browsers do: tabs and newlines dropped, backslashes taken for slashes, leading
    spaces and control characters ignored.
    """
    cleaned = re.sub(r"[\t\n\r]", "", location).replace("\\", "/")
    cleaned = re.sub(r"^[\x00-\x20]+", "", cleaned)
    try:
        parts = urlsplit(cleaned)
        hostname = parts.hostname or ""
    except ValueError:  # an unparsable authority such as "//[evil": assume the worst
        return True
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return True  # javascript:, data: and the like are never a page of this site
    if cleaned.startswith("//") or parts.netloc:
        return hostname != host.split(":")[0].lower()
    return bool(parts.scheme)  # "http:evil.example": no site of ours writes that


def table_rows() -> dict[tuple, tuple]:
    """Return every row of every table, keyed by table and primary key (in an app context)."""
    rows = {}
    for table in db.metadata.sorted_tables:
        key = [c.name for c in table.primary_key.columns]
        for row in db.session.execute(select(table).order_by(*table.primary_key.columns)):
            mapping = row._mapping
            rows[(table.name, tuple(mapping[k] for k in key))] = tuple(mapping.values())
    return rows


def rows_changed(before: dict, after: dict) -> int:
    """Return how many rows were added, removed or changed between two `table_rows()`."""
    return sum(1 for key in before.keys() | after.keys() if before.get(key) != after.get(key))


def seed_previews(statement_id: int) -> dict[str, str]:
    """Make two preview links to a statement (in an app context); return the first's token
    and the second's id, as the previews' rows name them."""
    from pressroom import drafts

    statement = db.session.get(Statement, statement_id)
    shown, token = drafts.create_link(statement, None, timekeeping.utcnow())
    revoked, _token = drafts.create_link(statement, None, timekeeping.utcnow())
    db.session.commit()
    return {"preview_token": token, "preview_link": str(revoked.id)}
